import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SimulatorApp, type SimulatorPreview } from '@/components/simulator/SimulatorApp';
import { buildPreview as buildSharedPreview } from '@/lib/content/simulatorProps';
import { installFetch, testIndex, useSimulatorPage } from './helpers';
import type * as EngineChunk from '@/components/simulator/engine.chunk';

vi.mock('@/components/diagram/mermaid.chunk', () => ({
  renderMermaid: vi.fn(async () => '<svg><text>diagram</text></svg>'),
}));

// The engine chunk, with its entry points watched: a plain visit must not need it.
const engine = vi.hoisted(() => ({ simulate: vi.fn(), fixesFor: vi.fn() }));
vi.mock('@/components/simulator/engine.chunk', async (original) => {
  const real = await original<typeof EngineChunk>();
  engine.simulate.mockImplementation(real.simulate);
  engine.fixesFor.mockImplementation(real.fixesFor);
  return { simulate: engine.simulate, fixesFor: engine.fixesFor };
});

/** The preview the page builds at build time (app/simulator/page.tsx calls the same function). */
function buildPreview(): SimulatorPreview {
  const preview = buildSharedPreview();
  if (!preview) throw new Error('the default scenario does not run');
  return preview;
}

const outcomeLines = () => within(screen.getByRole('region', { name: 'Outcome' })).queryAllByRole('button').map((b) => b.textContent ?? '');

describe('a plain visit that opens the default scenario (issue #16: less work on the first load)', () => {
  useSimulatorPage();

  it('shows the build-time run and its fixes without fetching the scenario or running the engine, until the reader changes something', { timeout: 20_000 }, async () => {
    // Given a plain visit, with the build-time preview of the default scenario
    const fetchMock = installFetch();
    engine.simulate.mockClear();
    engine.fixesFor.mockClear();
    window.history.replaceState(null, '', '/simulator/');
    render(<SimulatorApp index={testIndex()} preview={buildPreview()} />);
    // Then the run, the scenario as opened and step 1's fixes are on screen
    await screen.findByText('Built-in scenario');
    expect(outcomeLines()[0]).toContain('AccessDenied');
    expect(await screen.findByRole('button', { name: /^Apply: Pass the ExternalId the trust policy expects/ })).toBeTruthy();
    // And nothing was fetched, and the engine has not run
    expect(fetchMock).not.toHaveBeenCalled();
    expect(engine.simulate).not.toHaveBeenCalled();
    expect(engine.fixesFor).not.toHaveBeenCalled();
    // When the reader gives step 1 the right ExternalId in the Form
    fireEvent.change(await screen.findByLabelText('ExternalId'), { target: { value: 'Cust-7f3a9c21' } });
    // Then the engine loads and runs the changed text
    await waitFor(() => expect(outcomeLines()[0]).toContain('Credentials issued'), { timeout: 5000 });
    expect(engine.simulate).toHaveBeenCalled();
  });
});
