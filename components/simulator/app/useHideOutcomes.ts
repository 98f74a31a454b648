'use client';

import { useEffect, useState } from 'react';
import { HIDE_OUTCOMES_KEY as HIDE_KEY } from '@/lib/simulator/defaultScenario';

/** Self-study: "Hide outcomes until played", remembered in this browser. */
export function useHideOutcomes(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(false);
  useEffect(() => {
    try {
      setOn(localStorage.getItem(HIDE_KEY) === '1');
    } catch {
      // Storage off: the option starts off.
    }
  }, []);
  const set = (v: boolean) => {
    setOn(v);
    try {
      localStorage.setItem(HIDE_KEY, v ? '1' : '0');
    } catch {
      // Storage off: the choice lasts for this page only.
    }
  };
  return [on, set];
}
