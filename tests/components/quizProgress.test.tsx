import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProgressNotice } from '@/components/quiz/Notice';
import { ProgressProvider } from '@/components/quiz/ProgressProvider';
import { ProgressView } from '@/components/quiz/ProgressView';
import { getLabProgress, LAB_PROGRESS_KEY, resetLabProgress, updateLab } from '@/lib/stores/labProgress';
import { createProgressStore, PROGRESS_BACKUP_KEY, PROGRESS_STORAGE_KEY } from '@/lib/stores/progressStore';

async function renderWith(ui: React.ReactNode) {
  const store = createProgressStore();
  await act(async () => {
    render(<ProgressProvider store={store}>{ui}</ProgressProvider>);
    await store.persist.rehydrate();
  });
  return store;
}

describe('saved progress in the UI', () => {
  beforeEach(() => window.localStorage.clear());
  afterEach(() => {
    cleanup();
    window.localStorage.clear();
  });

  it('shows a visible message, and no crash, when saved progress is corrupted', async () => {
    // Given storage that is not JSON
    window.localStorage.setItem(PROGRESS_STORAGE_KEY, '{"state":');
    // When the quiz loads
    await renderWith(
      <>
        <ProgressNotice />
        <ProgressView />
      </>,
    );
    // Then the learner is told, the old data is kept aside, and the page works
    expect(screen.getByRole('alert').textContent).toMatch(/could not be read/);
    expect(window.localStorage.getItem(PROGRESS_BACKUP_KEY)).toBe('{"state":');
    expect(screen.getByRole('table', { name: 'Mastery by topic, weakest first' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('lists mastery weakest first', async () => {
    const store = await renderWith(<ProgressView />);
    act(() => {
      store.getState().record({ ref: 'b:q1', topic: 'saml', correct: false, now: 1 });
      store.getState().record({ ref: 'b:q2', topic: 'mfa', correct: true, now: 1 });
    });
    const rows = screen.getAllByRole('row').slice(1).map((r) => r.querySelector('th')?.textContent);
    expect(rows.slice(0, 2)).toEqual(['SAML federation', 'MFA in STS calls and policies']);
  });

  it('resets only after confirmation', async () => {
    const store = await renderWith(
      <>
        <ProgressNotice />
        <ProgressView />
      </>,
    );
    act(() => store.getState().record({ ref: 'b:q1', topic: 'saml', correct: false, now: 1 }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset progress' }));
    expect(Object.keys(store.getState().stats)).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(Object.keys(store.getState().stats)).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Reset progress' }));
    fireEvent.click(screen.getByRole('button', { name: 'Erase everything' }));
    expect(store.getState().stats).toEqual({});
    expect(screen.getByText('All quiz progress was erased.')).toBeTruthy();
  });

  it('imports an export file after confirmation, and refuses a file that is not one', async () => {
    const store = await renderWith(
      <>
        <ProgressNotice />
        <ProgressView />
      </>,
    );
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File([JSON.stringify({ format: 'sts-quiz-progress', version: 2, progress: { stats: { 'b:q9': { topic: 'mfa', seen: 4, correct: 3, recent: [true], last: 5 } } } })], 'backup.json', { type: 'application/json' });
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
      await new Promise((r) => setTimeout(r, 0));
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Replace my progress' }));
    expect(store.getState().stats['b:q9']).toMatchObject({ seen: 4 });
    expect(screen.getByText(/Progress imported from backup.json/)).toBeTruthy();

    const junk = new File(['not json'], 'junk.json');
    await act(async () => {
      fireEvent.change(input, { target: { files: [junk] } });
      await new Promise((r) => setTimeout(r, 0));
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Replace my progress' }));
    expect(screen.getByText('The file is not valid JSON.')).toBeTruthy();
    expect(store.getState().stats['b:q9']).toBeDefined();
  });

  // Issue #14: lab progress lives with the quiz's (same export and import, counted on this page).
  describe('with lab progress', () => {
    beforeEach(() => {
      resetLabProgress();
    });
    afterEach(() => {
      resetLabProgress();
    });

    it('counts solved labs and erases them on reset only when asked to', async () => {
      updateLab('cross-account-both-sides', (r) => ({ ...r, solvedAt: 3 }), 3);
      updateLab('guardrails-boundary', (r) => ({ ...r, hintsShown: 1 }), 4);
      await renderWith(<ProgressView />);
      expect(screen.getByRole('list', { name: 'Summary' }).textContent).toContain('1 labs solved');
      // When the learner resets without ticking the box, the labs stay
      fireEvent.click(screen.getByRole('button', { name: 'Reset progress' }));
      expect(screen.getByRole('checkbox', { name: 'Also erase lab progress (1 solved, 2 started)' })).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Erase everything' }));
      expect(Object.keys(getLabProgress())).toHaveLength(2);
      expect(screen.getByText('Quiz progress erased; lab progress kept.')).toBeTruthy();
      // And when they tick it, the labs go too
      fireEvent.click(screen.getByRole('button', { name: 'Reset progress' }));
      fireEvent.click(screen.getByRole('checkbox', { name: /Also erase lab progress/ }));
      fireEvent.click(screen.getByRole('button', { name: 'Erase everything' }));
      expect(getLabProgress()).toEqual({});
      expect(window.localStorage.getItem(LAB_PROGRESS_KEY)).toBeNull();
      expect(screen.getByRole('list', { name: 'Summary' }).textContent).toContain('0 labs solved');
    });

    it('merges the labs of an imported file into the lab store and says what it skipped', async () => {
      updateLab('guardrails-boundary', (r) => ({ ...r, solvedAt: 2 }), 2);
      await renderWith(<ProgressView />);
      const labs = { version: 1, labs: { 'cross-account-both-sides': { solvedAt: 9, hintsShown: 0, solutionShown: false, updatedAt: 9 }, 'NOT AN ID': {} } };
      const file = new File([JSON.stringify({ format: 'sts-quiz-progress', version: 2, progress: { stats: {} }, labs })], 'with-labs.json');
      await act(async () => {
        fireEvent.change(document.querySelector('input[type="file"]') as HTMLInputElement, { target: { files: [file] } });
        await new Promise((r) => setTimeout(r, 0));
      });
      fireEvent.click(await screen.findByRole('button', { name: 'Replace my progress' }));
      expect(Object.keys(getLabProgress()).sort()).toEqual(['cross-account-both-sides', 'guardrails-boundary']);
      expect(JSON.parse(window.localStorage.getItem(LAB_PROGRESS_KEY) ?? '{}').labs['cross-account-both-sides']).toMatchObject({ solvedAt: 9 });
      expect(screen.getByRole('list', { name: 'Summary' }).textContent).toContain('2 labs solved');
    });
  });
});
