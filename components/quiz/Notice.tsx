'use client';

import { useProgress } from './ProgressProvider';

/** Shows a message about saved progress (recovered, upgraded, imported…) until dismissed. */
export function ProgressNotice() {
  const notice = useProgress((s) => s.notice);
  const dismiss = useProgress((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className={`quiz-notice quiz-notice--${notice.kind}`} role={notice.kind === 'recovered' || notice.kind === 'storage' ? 'alert' : 'status'}>
      <p>{notice.message}</p>
      <button type="button" className="quiz-button quiz-button--quiet" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
