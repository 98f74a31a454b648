'use client';

import { useRef, useState, useSyncExternalStore } from 'react';
import { masteryByTopic } from '@/lib/quiz/mastery';
import { exportProgress, importNotes, importProgress } from '@/lib/quiz/progress';
import { getLabProgress, importLabProgress, resetLabProgress, solvedLabCount, subscribeLabProgress, type LabProgress } from '@/lib/stores/labProgress';
import { dueRefs } from '@/lib/quiz/schedule';
import { progressDataOf } from '@/lib/stores/progressStore';
import { useProgress, useProgressStore } from './ProgressProvider';

/** Mastery per topic, weakest first. */
export function MasteryTable({ limit }: { limit?: number }) {
  const stats = useProgress((s) => s.stats);
  const rows = masteryByTopic(stats);
  const shown = limit ? rows.filter((r) => r.percent !== undefined).slice(0, limit) : rows;
  if (limit && shown.length === 0) return <p className="muted">Answer a few questions to see your weakest topics here.</p>;
  return (
    <table className="quiz-table quiz-mastery">
      <caption>{limit ? 'Your weakest topics' : 'Mastery by topic, weakest first'}</caption>
      <thead>
        <tr>
          <th scope="col">Topic</th>
          <th scope="col">Mastery</th>
          <th scope="col">Answers</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((r) => (
          <tr key={r.topic}>
            <th scope="row">{r.label}</th>
            <td>
              {r.percent === undefined ? (
                <span className="muted">Not started</span>
              ) : (
                <span className="quiz-meter">
                  <span className="quiz-meter__bar" aria-hidden="true">
                    <span style={{ width: `${r.percent}%` }} />
                  </span>
                  <span>{r.percent}%</span>
                </span>
              )}
            </td>
            <td>{r.answers}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const noLabs: LabProgress = {};
const useLabProgress = () => useSyncExternalStore(subscribeLabProgress, getLabProgress, () => noLabs);

/** Progress: mastery, exam history, labs solved, and export, import and reset of saved progress (the labs' too). */
export function ProgressView() {
  const store = useProgressStore();
  const hydrated = useProgress((s) => s.hydrated);
  const cards = useProgress((s) => s.cards);
  const exams = useProgress((s) => s.exams);
  const stats = useProgress((s) => s.stats);
  const labs = useLabProgress();
  const [confirmReset, setConfirmReset] = useState(false);
  const [resetLabs, setResetLabs] = useState(false);
  const [pending, setPending] = useState<{ name: string; text: string } | undefined>();
  const [message, setMessage] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);

  if (!hydrated) return <p aria-busy="true">Loading your progress…</p>;
  const answered = Object.values(stats).reduce((n, s) => n + s.seen, 0);
  const due = dueRefs(cards, Date.now()).length;
  const labsSolved = solvedLabCount(labs);
  const labsTouched = Object.keys(labs).length;

  const download = () => {
    const text = exportProgress(progressDataOf(store.getState()), Date.now(), getLabProgress());
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `sts-quiz-progress-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
    setMessage('Progress exported.');
  };
  const applyImport = () => {
    if (!pending) return;
    const out = importProgress(pending.text);
    if (!out.ok) {
      setMessage(out.message);
      setPending(undefined);
      return;
    }
    const labCount = Object.keys(out.labs).length;
    const labSave = labCount ? importLabProgress(out.labs) : undefined;
    const notes = [
      labCount ? `Progress of ${labCount} lab${labCount === 1 ? '' : 's'} merged with yours.` : '',
      importNotes(out),
      labSave && !labSave.saved ? labSave.reason : '',
    ].filter(Boolean);
    store.getState().replaceProgress(out.data, {
      kind: 'imported',
      message: `Progress imported from ${pending.name}.${notes.length ? ` ${notes.join(' ')}` : ''}`,
    });
    setPending(undefined);
    setMessage('');
  };

  return (
    <div className="quiz-progress">
      <ul className="quiz-stats" aria-label="Summary">
        <li>
          <strong>{answered}</strong> answers
        </li>
        <li>
          <strong>{Object.keys(cards).length}</strong> review cards
        </li>
        <li>
          <strong>{due}</strong> due now
        </li>
        <li>
          <strong>{exams.length}</strong> exams taken
        </li>
        <li>
          <strong>{labsSolved}</strong> labs solved
        </li>
      </ul>
      <MasteryTable />
      {exams.length > 0 && (
        <table className="quiz-table">
          <caption>Exam history</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Score</th>
              <th scope="col">Time used</th>
            </tr>
          </thead>
          <tbody>
            {[...exams].reverse().map((e) => (
              <tr key={e.at}>
                <th scope="row">{new Date(e.at).toLocaleString()}</th>
                <td>
                  {e.correct} / {e.total} ({e.total ? Math.round((e.correct / e.total) * 100) : 0}%)
                </td>
                <td>{Math.round(e.durationSeconds / 60)} min</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section className="quiz-panel" aria-labelledby="quiz-data-title">
        <h2 id="quiz-data-title">Your data</h2>
        <p className="muted">Progress is kept in this browser only. Export it to move it to another browser or keep a copy. The file also carries your labs&apos; progress.</p>
        <div className="quiz-actions__buttons">
          <button type="button" className="quiz-button quiz-button--secondary" onClick={download}>
            Export progress
          </button>
          <label className="quiz-button quiz-button--secondary quiz-file">
            Import progress
            <input
              ref={fileRef}
              type="file"
              accept="application/json,.json"
              className="visually-hidden"
              onChange={async (e) => {
                const file = e.currentTarget.files?.[0];
                if (!file) return;
                setPending({ name: file.name, text: await file.text() });
                if (fileRef.current) fileRef.current.value = '';
              }}
            />
          </label>
          <button
            type="button"
            className="quiz-button quiz-button--danger"
            onClick={() => {
              setResetLabs(false);
              setConfirmReset(true);
            }}
          >
            Reset progress
          </button>
        </div>
        {pending && (
          <div className="quiz-confirm" role="alertdialog" aria-labelledby="quiz-import-title">
            <p id="quiz-import-title">Replace all current quiz progress with the contents of {pending.name}?</p>
            <p className="muted">Lab progress in the file is merged with yours: per lab the later change wins, and no solve is lost.</p>
            <div className="quiz-actions__buttons">
              <button type="button" className="quiz-button" autoFocus onClick={applyImport}>
                Replace my progress
              </button>
              <button type="button" className="quiz-button quiz-button--secondary" onClick={() => setPending(undefined)}>
                Cancel
              </button>
            </div>
          </div>
        )}
        {confirmReset && (
          <div className="quiz-confirm" role="alertdialog" aria-labelledby="quiz-reset-title">
            <p id="quiz-reset-title">Erase all answers, review cards, exam history and any exam in progress? This cannot be undone.</p>
            {labsTouched > 0 ? (
              <label className="quiz-check">
                <input type="checkbox" checked={resetLabs} onChange={(e) => setResetLabs(e.currentTarget.checked)} /> Also erase lab progress ({labsSolved} solved, {labsTouched} started)
              </label>
            ) : (
              <p className="muted">Lab progress is not affected (you have none).</p>
            )}
            <div className="quiz-actions__buttons">
              <button
                type="button"
                className="quiz-button quiz-button--danger"
                autoFocus
                onClick={() => {
                  store.getState().resetProgress();
                  if (resetLabs) resetLabProgress();
                  setMessage(resetLabs ? 'Quiz and lab progress erased.' : labsTouched > 0 ? 'Quiz progress erased; lab progress kept.' : '');
                  setConfirmReset(false);
                }}
              >
                Erase everything
              </button>
              <button type="button" className="quiz-button quiz-button--secondary" onClick={() => setConfirmReset(false)}>
                Cancel
              </button>
            </div>
          </div>
        )}
        <p role="status" className="quiz-status">
          {message}
        </p>
      </section>
    </div>
  );
}
