'use client';

import { type LessonDraftApi, type NoticePlace } from './useLessonDraft';

/**
 * Where a change is reported, with its Undo, next to the buttons that made it. The live region
 * is always in the page, so screen readers hear the message when it appears.
 */
export function StatusRow({ where, api }: { where: NoticePlace; api: LessonDraftApi }) {
  const { text, canUndo } = api.noticeFor(where, where === 'out' ? api.status : '');
  return (
    <div className="cr-status-row">
      <p role="status" className="cr-status" data-testid={`status-${where}`}>
        {text}
      </p>
      {canUndo && (
        <button type="button" className="btn btn--small" onClick={api.onUndo}>
          Undo
        </button>
      )}
    </div>
  );
}
