'use client';

import { useEffect } from 'react';
import { enhancePrint } from './enhance/print';

/**
 * Opens every collapsed section while the page prints (see enhance/print.ts, which the static
 * note pages run without React). Renders nothing.
 */
export function PrintExpander() {
  useEffect(() => enhancePrint(), []);
  return null;
}
