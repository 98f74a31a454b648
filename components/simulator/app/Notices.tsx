'use client';

import type { Notice } from './chrome';

/** The notice under the toolbar (a live region, present even when empty), then the share link if one was made. */
export function Notices({ notice, onDismiss, shareLink }: { notice: Notice | null; onDismiss: () => void; shareLink: string | null }) {
  return (
    <>
      <div className="sim-notices" role="status">
        {notice && (
          <div className={`notice notice--${notice.kind}`}>
            <p>{notice.text}</p>
            {notice.details && (
              <ul>
                {notice.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
            <div className="notice__actions">
              {notice.action && (
                <button type="button" className="btn btn--small" onClick={notice.action.run}>
                  {notice.action.label}
                </button>
              )}
              <button type="button" className="btn btn--small btn--ghost" onClick={onDismiss}>
                Dismiss
              </button>
            </div>
          </div>
        )}
      </div>
      {shareLink && (
        <div className="share-link">
          <label className="control">
            <span>Share link</span>
            <input readOnly value={shareLink} onFocus={(e) => e.currentTarget.select()} />
          </label>
        </div>
      )}
    </>
  );
}
