'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createProgressStore, PROGRESS_STORAGE_KEY, type ProgressState, type ProgressStore } from '@/lib/stores/progressStore';

const ProgressContext = createContext<ProgressStore | null>(null);

/** Provides one progress store to the quiz pages and loads saved progress after hydration. */
export function ProgressProvider({ children, store: given }: { children: ReactNode; store?: ProgressStore }) {
  const [store] = useState(() => given ?? createProgressStore());
  useEffect(() => {
    if (!store.persist.hasHydrated()) void store.persist.rehydrate();
    // Another tab answered: merge per question and card, so neither tab's answers are wiped.
    const onStorage = (e: StorageEvent) => e.key === PROGRESS_STORAGE_KEY && store.getState().syncFrom(e.newValue);
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [store]);
  return <ProgressContext.Provider value={store}>{children}</ProgressContext.Provider>;
}

/** The progress store itself (for actions). */
export function useProgressStore(): ProgressStore {
  const store = useContext(ProgressContext);
  if (!store) throw new Error('Invariant failed: useProgress outside <ProgressProvider>');
  return store;
}

/** Selects from the progress store. */
export function useProgress<T>(selector: (s: ProgressState) => T): T {
  return useStore(useProgressStore(), selector);
}
