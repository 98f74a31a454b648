import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SimulatorApp } from '@/components/simulator/SimulatorApp';
import { encodeShare } from '@/lib/simulator/share';
import { scenarioText, testIndex, useSimulatorPage } from './helpers';

vi.mock('@/components/diagram/mermaid.chunk', () => ({
  renderMermaid: vi.fn(async () => '<svg><text>diagram</text></svg>'),
}));

// Issue #16: the quiz's "Run it in the simulator" opens the simulator at the step that proves the answer.
const current = () => within(screen.getByRole('region', { name: 'Outcome' })).getAllByRole('button').findIndex((b) => b.getAttribute('aria-current') === 'step');

describe('a link that names a step', () => {
  useSimulatorPage();

  it.each([
    { name: 'a built-in scenario (?scenario=…&step=…)', url: () => '/simulator/?scenario=cross-account-external-id&step=wrong-external-id', index: 1 },
    { name: 'a scenario carried in the link (#s=…&step=…)', url: () => `/simulator/#s=${encodeShare(scenarioText('cross-account-external-id'))}&step=right-external-id`, index: 2 },
    { name: 'no step: the first one', url: () => '/simulator/?scenario=cross-account-external-id', index: 0 },
    { name: 'a step the scenario does not have: the first one', url: () => '/simulator/?scenario=cross-account-external-id&step=no-such-step', index: 0 },
  ])('$name opens at step index $index, its title focused when one was named', { timeout: 20_000 }, async ({ url, index }) => {
    // Given a link from the quiz
    window.history.replaceState(null, '', url());
    // When the simulator opens it
    render(<SimulatorApp index={testIndex()} />);
    // Then the named step is the current one, and shown in full
    await waitFor(() => expect(current()).toBe(index), { timeout: 5000 });
    await waitFor(() => expect(screen.getByRole('heading', { level: 3, name: new RegExp(`^Step ${index + 1}:`) })).toBeTruthy());
    if (index > 0) await waitFor(() => expect(document.activeElement?.id).toBe('step-title'));
  });
});
