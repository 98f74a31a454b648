import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SimulatorApp } from '@/components/simulator/SimulatorApp';
import type * as StepResultModule from '@/components/simulator/StepResult';
import { DRAFTS_KEY, OPENING_KEY } from '@/lib/stores/drafts';
import { encodeShare } from '@/lib/simulator/share';
import { scenarioText, testIndex, useSimulatorPage } from './helpers';

vi.mock('@/components/diagram/mermaid.chunk', () => ({
  renderMermaid: vi.fn(async () => '<svg><text>diagram</text></svg>'),
}));

// A stand-in for any part of the page that throws while rendering what the engine returned:
// the step result throws for a scenario that mentions BOOM.
vi.mock('@/components/simulator/StepResult', async (importOriginal) => {
  const real = await importOriginal<typeof StepResultModule>();
  return {
    ...real,
    StepResult: (props: Parameters<typeof real.StepResult>[0]) => {
      if (JSON.stringify(props.scenario).includes('BOOM')) throw new Error('cannot read the result');
      return real.StepResult(props);
    },
  };
});

function mount(url: string) {
  window.history.replaceState(null, '', url);
  return render(<SimulatorApp index={testIndex()} />);
}

const shareOf = (text: string) => `/simulator/#s=${encodeShare(text)}`;
const retitled = (title: string) => scenarioText('cross-account-external-id').replace('A vendor role guarded by an ExternalId', title);

describe('the simulator page survives whatever the engine or the stored data does', () => {
  useSimulatorPage();

  it('the 30-character share link (5,000 "[" inflated) shows a located problem instead of throwing in render', { timeout: 30_000 }, async () => {
    mount('/simulator/#s=7cAxAQAAAMKgoPbvYYp9MAAAAAAgdw');
    // Then the page is there, with the run's failure as a problem of the text, and nothing thrown
    await screen.findByText(/No outcome yet: the scenario has a problem/, undefined, { timeout: 15_000 });
    expect(screen.getByRole('button', { name: 'Scenarios and templates' })).toBeTruthy();
  });

  it('an edit of decode-authorization-message ("error.encodedMessage" → "error") keeps the page', { timeout: 30_000 }, async () => {
    const text = scenarioText('decode-authorization-message').replaceAll('"error.encodedMessage"', '"error"');
    mount(shareOf(text));
    await screen.findByRole('region', { name: 'Outcome' }, { timeout: 15_000 });
    expect(screen.queryByText(/This page couldn/)).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: /decod/i })).toBeTruthy();
  });

  it('a part that throws shows what failed and ways on; the failing text is never restored automatically', { timeout: 40_000 }, async () => {
    // Given a scenario of mine that worked
    mount(shareOf(retitled('Works fine')));
    await screen.findByRole('region', { name: 'Outcome' }, { timeout: 15_000 });
    await waitFor(() => expect(JSON.parse(window.localStorage.getItem(DRAFTS_KEY)!).mine).toBeTruthy());
    const stored = () => JSON.parse(window.localStorage.getItem(DRAFTS_KEY)!) as { last: { id: string }; mine: Record<string, { text: string; good?: string; held?: string }> };
    await waitFor(() => expect(stored().mine[stored().last.id]!.good).toContain('Works fine'));
    // When an edit makes a part of the page throw
    fireEvent.change(await screen.findByLabelText('ExternalId', undefined, { timeout: 10_000 }), { target: { value: 'BOOM here' } });
    // Then a fallback says what failed, with ways on
    await screen.findByRole('heading', { name: /could not show/ }, { timeout: 10_000 });
    expect(screen.getByText('cannot read the result')).toBeTruthy();
    // (no "fresh copy of the built-in": this one came from a link, not from a built-in)
    for (const name of ['Back to the last working version', 'Copy your text', 'Download your text']) expect(screen.getAllByRole('button', { name: new RegExp(name) }).length).toBeGreaterThan(0);
    expect(stored().mine[stored().last.id]!.held).toContain('BOOM here');
    expect(window.localStorage.getItem(OPENING_KEY)).toBe(`mine:${stored().last.id}`);
    // And a later visit opens the last working version, offering the failing text
    cleanup();
    mount('/simulator/');
    await screen.findByText(/Last time, the page failed while showing your edits/, undefined, { timeout: 15_000 });
    expect(screen.getByRole('heading', { level: 2, name: 'Works fine' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open it anyway' })).toBeTruthy();
  });
});
