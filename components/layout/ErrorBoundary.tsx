'use client';

import { withBase } from '@/lib/content/basePath';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What to show instead of the children once they failed; `reset` renders them again. */
  fallback: (error: Error, reset: () => void) => ReactNode;
  /** Told once per failure (to set the failing input aside, so a reload does not fail again). */
  onError?: (error: Error, info: ErrorInfo) => void;
  /** When this changes after a failure, the children are tried again. */
  resetKey?: string | number;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: string | number | undefined;
}

/**
 * Catches an exception thrown while rendering its children (from engine output or stored data)
 * and shows a fallback instead of a blank page. React needs a class component for this.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // A new input (another scenario, another text) gets a fresh try.
    if (props.resetKey !== state.key) return { key: props.resetKey, error: null };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  reset = (): void => this.setState({ error: null });

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error, this.reset) : this.props.children;
  }
}

/**
 * A generic fallback: what failed, and a way on.
 * @example <ErrorBoundary fallback={(e, reset) => <PageFailed what="The quiz" error={e} onRetry={reset} />}>
 */
export function PageFailed({ what, error, onRetry, children }: { what: string; error: Error; onRetry?: () => void; children?: ReactNode }) {
  return (
    <section className="notice notice--error page-failed" role="alert" aria-labelledby="page-failed-title">
      <h2 id="page-failed-title">{what} ran into a problem</h2>
      <p>
        It stopped with: <code className="break">{error.message || error.name}</code>. Nothing you saved was changed.
      </p>
      {children}
      <div className="notice__actions">
        {onRetry && (
          <button type="button" className="btn btn--small" onClick={onRetry}>
            Try again
          </button>
        )}
        <a className="btn btn--small btn--ghost" href={withBase('/')}>
          Go to the home page
        </a>
      </div>
    </section>
  );
}
