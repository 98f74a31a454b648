/**
 * Hydrates the simulator island of a static /simulator/ page (see ./entry.ts) with the values the
 * build rendered it from: the scenario index and the default scenario's run, which
 * scripts/static-notes.mjs puts in this chunk (`__SIMULATOR_PROPS__`, lib/simulator/wire.ts).
 * React takes over the server's DOM node for node; nothing is drawn again.
 */
import { hydrateRoot } from 'react-dom/client';
import { SafeIsland } from '@/components/layout/SafeIsland';
import { SimulatorApp } from '@/components/simulator/SimulatorApp';
import { SIMULATOR_WHAT } from '@/lib/simulator/defaultScenario';
import type { SimulatorProps } from '@/lib/simulator/preview';
import { decodeWire } from '@/lib/simulator/wire';
import { DRAFTS_KEY } from '@/lib/stores/drafts';

/** The island's props as lib/simulator/wire.ts text, defined by the bundler (scripts/static-notes.mjs). */
declare const __SIMULATOR_PROPS__: string;

/**
 * Starts React on the island.
 * @param island the element app/simulator/page.tsx rendered the island into
 * @param options `interacted`: the reader pressed, typed or focused first; `onLive`: called once
 *   React handles events and the scenario the address opens is in (the entry replays what it held)
 */
export function mountSimulator(island: HTMLElement, { interacted, onLive }: { interacted: boolean; onLive: () => void }): void {
  const { index, preview } = decodeWire(__SIMULATOR_PROPS__) as SimulatorProps;
  // A render error shows the island's "failed" message (its boundary); the held input is let go
  // then too, so that message's buttons work.
  const failed = (error: unknown) => {
    console.error(error);
    onLive();
  };
  hydrateRoot(
    island,
    <SafeIsland what={SIMULATOR_WHAT} keys={[DRAFTS_KEY]}>
      <SimulatorApp index={index} preview={preview} interacted={interacted} onReady={onLive} />
    </SafeIsland>,
    { onCaughtError: failed, onUncaughtError: failed },
  );
}
