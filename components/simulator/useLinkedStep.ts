'use client';

import { useCallback, useEffect, useState } from 'react';
import type { StepResult } from '@/lib/engine';
import { linkedStepId } from '@/lib/simulator/share';

/** How far down from the top of the window sticky bars reach (0 when nothing sticks). */
function coveredAtTop(): number {
  let reach = 0;
  for (const el of document.querySelectorAll<HTMLElement>('.site-header, .player')) {
    const style = getComputedStyle(el);
    if (style.position === 'sticky' || style.position === 'fixed') reach = Math.max(reach, (parseFloat(style.top) || 0) + el.offsetHeight);
  }
  return reach;
}

/** The step a link asked for, until its run shows it. */
export interface LinkedStep {
  /** The step id the address named, waiting for its run. */
  wanted: string | undefined;
  /** Reads the step the address names; call it right after the link's scenario is opened. */
  expect: (search: string, hash: string) => void;
  /** Forgets the wanted step (it was shown, or the scenario does not have it). */
  forget: () => void;
}

/**
 * Opens the simulator at the step a link names (`?scenario=…&step=<id>`, `#s=…&step=<id>`): the
 * quiz's "Run it in the simulator" links the step that proves the answer. This half remembers the
 * step the address names (`expect`, called once the link's scenario is opened); useShowLinkedStep
 * shows it once the run is in. Two halves, because the page opens scenarios before it has a run.
 */
export function useLinkedStep(): LinkedStep {
  const [wanted, setWanted] = useState<string | undefined>(undefined);
  const expect = useCallback((search: string, hash: string) => setWanted(linkedStepId(search, hash)), []);
  const forget = useCallback(() => setWanted(undefined), []);
  return { wanted, expect, forget };
}

/**
 * Once the run shows the step a link asked for, selects it, scrolls it to the top of the view and
 * focuses it. A step the scenario does not have is forgotten.
 * @param linked the request from useLinkedStep
 * @param steps the results on screen
 * @param select selects a step by index
 */
export function useShowLinkedStep({ wanted, forget }: LinkedStep, steps: readonly StepResult[], select: (index: number) => void): void {
  useEffect(() => {
    if (!wanted || !steps.length) return;
    forget();
    const index = steps.findIndex((s) => s.kind !== 'clock' && s.id === wanted);
    if (index < 0) return;
    select(index);
    // After the step renders: no smooth scrolling, so reduced motion holds.
    requestAnimationFrame(() => {
      const title = document.getElementById('step-title');
      if (!title) return;
      // Land below what sticks to the top (the site header, the player under it), not under it.
      title.style.scrollMarginTop = `${coveredAtTop() + 8}px`;
      title.scrollIntoView?.({ block: 'start' });
      title.focus({ preventScroll: true });
    });
  }, [wanted, forget, steps, select]);
}
