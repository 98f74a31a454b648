import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PredictRunner } from '@/components/quiz/PredictRunner';
import { builtInPredictItem } from '@/lib/quiz/predict';
import { readQuizFiles } from '@/lib/content/quizFiles';

const { scenarios: scenarioFiles } = readQuizFiles();

afterEach(cleanup);

describe('PredictRunner', () => {
  it('hides the answer until the learner commits, then shows the trace and grades it', () => {
    const item = builtInPredictItem('role-chaining-one-hour', scenarioFiles['role-chaining-one-hour'], 'chain-2h')!;
    const onGraded = vi.fn();
    render(<PredictRunner item={item} label="Step 1: what happens?" onGraded={onGraded} onNext={() => undefined} />);
    // Before: no trace, no scenario title
    expect(screen.queryByText('The trace')).toBeNull();
    expect(screen.queryByText(/Role chaining is capped/)).toBeNull();
    const commit = screen.getByRole('button', { name: 'Commit and run' }) as HTMLButtonElement;
    expect(commit.disabled).toBe(true);
    // When the learner picks "Fails: ValidationError" and "Session duration limits" by keyboard
    const vIndex = item.verdicts.findIndex((v) => v.kind === 'error' && v.code === 'ValidationError');
    const gIndex = item.gates.indexOf('duration');
    fireEvent.keyDown(document.body, { key: String(vIndex + 1) });
    fireEvent.keyDown(document.body, { key: String.fromCharCode(97 + gIndex) });
    // And says they are fairly sure (S)
    fireEvent.keyDown(document.body, { key: 's' });
    fireEvent.keyDown(document.body, { key: 'Enter' });
    // Then it is graded right and the trace appears
    expect(onGraded).toHaveBeenCalledWith(true, 'medium');
    expect(screen.getByText('The trace')).toBeTruthy();
    expect(screen.getByText(/1 hour session limit|one hour|3600/i, { selector: '.quiz-trace__reason' })).toBeTruthy();
    expect(screen.getByText(/Role chaining is capped/)).toBeTruthy();
  });

  it('counts a wrong deciding check as a miss', () => {
    const item = builtInPredictItem('cross-account-external-id', scenarioFiles['cross-account-external-id'], 'no-external-id')!;
    const onGraded = vi.fn();
    render(<PredictRunner item={item} label="Step" onGraded={onGraded} onNext={() => undefined} />);
    fireEvent.click(screen.getByRole('radio', { name: /Fails: AccessDenied/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'Session duration limits' }));
    fireEvent.click(screen.getByLabelText(/Fairly sure/));
    fireEvent.click(screen.getByRole('button', { name: 'Commit and run' }));
    expect(onGraded).toHaveBeenCalledWith(false, 'medium');
    expect(screen.getByText('Deciding check: wrong', { exact: false })).toBeTruthy();
  });

  it('has no default confidence: Enter with a verdict and a check but no confidence does not grade, and says how to give it', () => {
    // Given a step with a verdict and a deciding check chosen
    const item = builtInPredictItem('cross-account-external-id', scenarioFiles['cross-account-external-id'], 'no-external-id')!;
    const onGraded = vi.fn();
    render(<PredictRunner item={item} label="Step" onGraded={onGraded} onNext={() => undefined} />);
    expect(screen.queryAllByRole('radio', { checked: true })).toHaveLength(0);
    fireEvent.keyDown(document.body, { key: '1' });
    fireEvent.keyDown(document.body, { key: 'a' });
    // When the learner presses Enter without saying how sure they are
    fireEvent.keyDown(document.body, { key: 'Enter' });
    // Then nothing is graded (FSRS never gets a confidence nobody chose) and the hint names the keys
    expect(onGraded).not.toHaveBeenCalled();
    expect((screen.getByRole('button', { name: 'Commit and run' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Say how sure you are first: U, S or V.');
    expect(screen.queryByText('The trace')).toBeNull();
  });

  // U(nsure), S(ure), V(ery sure): after P, because A–P choose among up to sixteen checks.
  it.each([
    ['u', 'low', 'Guessing'],
    ['s', 'medium', 'Fairly sure'],
    ['v', 'high', 'Certain'],
  ] as const)('the key %s says "%s" (%s) and grades with it, leaving the chosen check alone', (key, confidence, label) => {
    const item = builtInPredictItem('cross-account-external-id', scenarioFiles['cross-account-external-id'], 'no-external-id')!;
    const onGraded = vi.fn();
    render(<PredictRunner item={item} label="Step" onGraded={onGraded} onNext={() => undefined} />);
    fireEvent.keyDown(document.body, { key: '1' });
    fireEvent.keyDown(document.body, { key: 'b' });
    fireEvent.keyDown(document.body, { key });
    expect((screen.getByRole('radio', { name: new RegExp(label) }) as HTMLInputElement).checked).toBe(true);
    const checks = within(screen.getByRole('group', { name: 'The check that decides it' })).getAllByRole('radio') as HTMLInputElement[];
    expect(checks.map((c) => c.checked).indexOf(true)).toBe(1);
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(onGraded).toHaveBeenCalledWith(expect.any(Boolean), confidence);
  });
});
