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

/**
 * Opens the simulator at the step a link names (`?scenario=…&step=<id>`, `#s=…&step=<id>`): the
 * quiz's "Run it in the simulator" links the step that proves the answer. Call `expect()` right
 * after the link's scenario is opened; once its run shows that step, it is selected, scrolled to
 * the top of the view and focused. A step the scenario does not have is forgotten.
 * @param steps the results on screen
 * @param select selects a step by index
 * @returns `expect(search, hash)`, which reads the step the address names
 */
export function useLinkedStep(steps: readonly StepResult[], select: (index: number) => void): (search: string, hash: string) => void {
  const [wanted, setWanted] = useState<string | undefined>(undefined);
  const expect = useCallback((search: string, hash: string) => setWanted(linkedStepId(search, hash)), []);
  useEffect(() => {
    if (!wanted || !steps.length) return;
    setWanted(undefined);
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
  }, [wanted, steps, select]);
  return expect;
}
