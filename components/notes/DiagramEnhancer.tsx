'use client';

import { useEffect } from 'react';
import { enhanceDiagrams } from './enhance/diagrams';

/**
 * Draws the mermaid diagrams of a note (see enhance/diagrams.ts, which the static note pages
 * run without React). Renders nothing.
 */
export function DiagramEnhancer() {
  useEffect(() => enhanceDiagrams(), []);
  return null;
}
