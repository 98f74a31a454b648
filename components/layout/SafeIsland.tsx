'use client';

import type { ReactNode } from 'react';
import { downloadText } from '@/components/simulator/SimFailed';
import { ErrorBoundary, PageFailed } from './ErrorBoundary';

/** Reads a localStorage key, or null. */
function stored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * An interactive part of a page behind an error boundary: if it throws while rendering, the page
 * says what failed instead of going blank, and offers what it saved for download.
 * @example <SafeIsland what="The quiz" keys={['sts-quiz-progress']}><QuizHub /></SafeIsland>
 */
export function SafeIsland({ what, keys = [], children }: { what: string; keys?: readonly string[]; children: ReactNode }) {
  return (
    <ErrorBoundary
      fallback={(error, reset) => (
        <PageFailed what={what} error={error} onRetry={reset}>
          {keys.some((k) => stored(k) !== null) && (
            <p>
              Your saved data is still in this browser.{' '}
              <button
                type="button"
                className="btn btn--small"
                onClick={() => downloadText(JSON.stringify(Object.fromEntries(keys.map((k) => [k, stored(k)])), null, 2), 'saved-data.json')}
              >
                Download a copy of it
              </button>
            </p>
          )}
        </PageFailed>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
