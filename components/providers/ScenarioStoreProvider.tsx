'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createScenarioStore, type ScenarioState, type ScenarioStore, type ScenarioStoreInit } from '@/lib/stores/scenarioStore';

const ScenarioStoreContext = createContext<ScenarioStore | null>(null);

/** Browser localStorage, or null where it is missing or blocked. */
function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** Creates one simulator store for this page and provides it to the islands below. */
export function ScenarioStoreProvider({ children, init }: { children: ReactNode; init?: ScenarioStoreInit }) {
  const [store] = useState(() => createScenarioStore(init ?? { storage: browserStorage() }));
  return <ScenarioStoreContext.Provider value={store}>{children}</ScenarioStoreContext.Provider>;
}

/** The page's store API (for actions and imperative reads). */
export function useScenarioStoreApi(): ScenarioStore {
  const store = useContext(ScenarioStoreContext);
  if (!store) throw new Error('useScenarioStore must be used inside <ScenarioStoreProvider>');
  return store;
}

/** Selects from the page's store; re-renders when the selected value changes. */
export function useScenarioStore<T>(selector: (s: ScenarioState) => T): T {
  return useStore(useScenarioStoreApi(), selector);
}
