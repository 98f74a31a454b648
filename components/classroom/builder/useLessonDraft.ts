'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { DRAFT_ASIDE_KEY, DRAFT_KEY, draftKey, emptyDraft, exportFileName, loadDraft, moveSlide, placeholders, type LessonDraft } from '@/lib/lessons/draft';
import { encodeLesson } from '@/lib/lessons/link';
import { classroomHref } from '@/lib/lessons/location';
import { parseLesson, type Lesson, type LessonIssue } from '@/lib/lessons/schema';
import { withBase } from '@/lib/content/basePath';

/** Where the builder reports a change and offers its Undo: the lesson panel or the export panel. */
export type NoticePlace = 'lesson' | 'out';

/**
 * The lesson builder's state and effects: the draft (restored from and kept in localStorage,
 * or set aside when it cannot be opened), its check, and the actions that change it, with
 * Undo for a replacement and a confirmation before unsaved work is lost. The panels only draw it.
 * @param lessons the ready lessons (a fresh copy of one is not unsaved work)
 */
export function useLessonDraft(lessons: readonly Lesson[]) {
  const [draft, setDraft] = useState<LessonDraft>(emptyDraft);
  const [loaded, setLoaded] = useState(false);
  const [importIssues, setImportIssues] = useState<LessonIssue[] | null>(null);
  const [status, setStatus] = useState('');
  const [share, setShare] = useState('');
  // The last exported or imported draft: replacing it loses nothing.
  const [savedKey, setSavedKey] = useState<string | null>(null);
  // A replacement waiting for the teacher's go-ahead, and the draft an Undo brings back.
  const [pending, setPending] = useState<{ next: LessonDraft; message: string; action: string; from: string } | null>(null);
  const [undo, setUndo] = useState<{ draft: LessonDraft; message: string; from: string } | null>(null);
  const [notice, setNotice] = useState<{ text: string; from: string } | null>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const check = useMemo(() => parseLesson(draft), [draft]);
  const encoded = useMemo(() => (check.ok ? encodeLesson(check.value) : ''), [check]);
  const handoutHref = encoded ? classroomHref('handout', { encoded }) : '';
  const presentHref = encoded ? classroomHref('present', { encoded }) : '';
  const starter = useMemo(() => placeholders(draft), [draft]);
  // Unsaved work: the draft is neither a fresh one, an untouched copy of a ready lesson, nor what was last exported or imported.
  const unsaved = useMemo(() => {
    const key = draftKey(draft);
    if (key === savedKey || key === draftKey(emptyDraft())) return false;
    return !lessons.some((l) => key === draftKey({ ...l, id: `${l.id}-copy` }));
  }, [draft, savedKey, lessons]);

  // Restore the draft once, then keep it in localStorage. A draft that cannot be opened (newer
  // format, fields of the wrong types) is copied aside untouched before a fresh one replaces it.
  const [aside, setAside] = useState<{ reason: string; text: string } | null>(null);
  useEffect(() => {
    let raw: string | null = null;
    try {
      raw = window.localStorage.getItem(DRAFT_KEY);
    } catch {
      // Storage blocked: start fresh.
    }
    const stored = loadDraft(raw);
    if (stored.kind === 'ok') setDraft(stored.draft);
    if (stored.kind === 'aside' && raw !== null) {
      try {
        const prev = window.localStorage.getItem(DRAFT_ASIDE_KEY);
        // Never overwrite an earlier set-aside draft with a different one.
        window.localStorage.setItem(prev === null || prev === raw ? DRAFT_ASIDE_KEY : `${DRAFT_ASIDE_KEY}:${Date.now()}`, raw);
      } catch {
        // Storage full: the text is still offered for download below.
      }
      setAside({ reason: stored.reason, text: raw });
    }
    setLoaded(true);
  }, []);
  useEffect(() => {
    if (!loaded) return;
    try {
      window.localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
    } catch {
      // Storage full or blocked: the draft lives until the tab closes.
    }
  }, [draft, loaded]);

  const edit = (next: LessonDraft, message = '') => {
    setDraft(next);
    setShare('');
    setUndo(null);
    setNotice(null);
    if (message) setStatus(message);
  };
  /** Replaces the whole draft, keeping the old one for Undo (offered next to the button used). */
  const replace = (next: LessonDraft, message: string, from: string) => {
    const before = draft;
    edit(next);
    setUndo({ draft: before, message, from });
  };
  const onUndo = () => {
    if (!undo) return;
    const from = undo.from;
    edit(undo.draft);
    setNotice({ text: 'Undone: your earlier draft is back.', from });
    requestAnimationFrame(() => document.getElementById(from)?.focus());
  };
  // Where a replacement is reported, with its Undo: next to the button that made it.
  const placeOf = (from: string): NoticePlace => (from === 'import-button' ? 'out' : 'lesson');
  /** Replaces the draft at once when nothing would be lost; otherwise asks first (in the page). */
  const replaceOrAsk = (next: LessonDraft, message: string, action: string, from: string) => {
    if (!unsaved) {
      replace(next, message, from);
      return;
    }
    setPending({ next, message, action, from });
    requestAnimationFrame(() => keepRef.current?.focus());
  };
  const closeConfirm = (go: boolean) => {
    if (!pending) return;
    if (go) replace(pending.next, pending.message, pending.from);
    else setNotice({ text: 'Your draft is unchanged.', from: pending.from });
    const from = pending.from;
    setPending(null);
    requestAnimationFrame(() => document.getElementById(from)?.focus());
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= draft.slides.length) return;
    edit(moveSlide(draft, from, to), `Slide ${from + 1} moved to position ${to + 1}.`);
    // Keep keyboard focus on the moved slide's same button.
    requestAnimationFrame(() => document.getElementById(`move-${to}-${to < from ? 'up' : 'down'}`)?.focus());
  };

  const onImport = async (file: File) => {
    const r = parseLesson(await file.text());
    if (r.ok) {
      setImportIssues(null);
      replace(r.value, `Imported “${r.value.title}” (${r.value.slides.length} slides).`, 'import-button');
      setSavedKey(draftKey(r.value));
    } else {
      setImportIssues(r.error);
      setStatus('');
    }
  };

  const onExport = () => {
    if (!check.ok) return;
    const blob = new Blob([`${JSON.stringify(check.value, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(check.value);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setUndo(null);
    setStatus(`Exported ${a.download}.`);
    setSavedKey(draftKey(draft));
  };

  const onShare = () => {
    if (!check.ok) return;
    setShare(new URL(withBase(classroomHref('present', { encoded: encodeLesson(check.value) })), window.location.origin).href);
    setUndo(null);
    setStatus('Share link ready.');
  };

  /** What a panel says and whether it offers Undo: the pending Undo or notice made from its buttons, else `extra`. */
  const noticeFor = (where: NoticePlace, extra = '') => {
    const mine = undo && placeOf(undo.from) === where ? undo : null;
    return { text: mine ? mine.message : notice && placeOf(notice.from) === where ? notice.text : extra, canUndo: Boolean(mine) };
  };

  return { draft, check, starter, aside, setAside, importIssues, status, setStatus, share, pending, keepRef, handoutHref, presentHref, edit, replaceOrAsk, closeConfirm, onUndo, noticeFor, move, onImport, onExport, onShare };
}

/** What useLessonDraft gives the panels. */
export type LessonDraftApi = ReturnType<typeof useLessonDraft>;
