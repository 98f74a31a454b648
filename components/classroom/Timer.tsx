'use client';

import { useEffect, useState } from 'react';
import { type StoreApi, useStore } from 'zustand';
import { formatElapsed, timerElapsed, type PresenterStore } from '@/lib/stores/presenterStore';

/** Elapsed time of the talk with start/pause and reset. */
export function Timer({ store }: { store: StoreApi<PresenterStore> }) {
  const timer = useStore(store, (s) => s.timer);
  const [now, setNow] = useState(() => Date.now());
  const running = timer.startedAt !== null;
  useEffect(() => {
    setNow(Date.now());
    if (!running) return;
    const id = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(id);
  }, [running]);
  const { startTimer, pauseTimer, resetTimer } = store.getState();
  return (
    <div className="cr-timer" role="group" aria-label="Timer">
      <span className="cr-timer__time" aria-label={`Elapsed ${formatElapsed(timerElapsed(timer, now))}`} role="timer">
        {formatElapsed(timerElapsed(timer, now))}
      </span>
      <button type="button" className="btn btn--small" onClick={() => (running ? pauseTimer(Date.now()) : startTimer(Date.now()))}>
        {running ? 'Pause' : timer.elapsedMs ? 'Resume' : 'Start'}
      </button>
      <button type="button" className="btn btn--small" onClick={resetTimer} disabled={!running && !timer.elapsedMs}>
        Reset
      </button>
    </div>
  );
}
