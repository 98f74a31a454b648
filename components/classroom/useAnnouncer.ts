'use client';

import { useEffect, useState } from 'react';
import { type StoreApi, useStore } from 'zustand';
import { announce } from '@/lib/lessons/deck';
import { type PresenterStore } from '@/lib/stores/presenterStore';

/** The sentence for the aria-live region after every slide change or reveal. */
export function useAnnouncement(store: StoreApi<PresenterStore>): string {
  const lesson = useStore(store, (s) => s.lesson);
  const position = useStore(store, (s) => s.position);
  const digests = useStore(store, (s) => s.digests);
  const labs = useStore(store, (s) => s.labs);
  const blank = useStore(store, (s) => s.blank);
  const [text, setText] = useState('');
  useEffect(() => {
    setText(blank ? 'Screen blanked.' : announce(lesson, position, digests, labs));
    // Digests arriving later must not re-announce the same position.
  }, [lesson, position.slide, position.reveal, blank]);
  return text;
}
