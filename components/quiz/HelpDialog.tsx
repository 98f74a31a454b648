'use client';

import { useEffect, useRef } from 'react';

/** One row of the keyboard help. */
export interface KeyHelp {
  keys: string;
  action: string;
}

/** The keyboard help overlay (`?`): a modal dialog that returns focus where it was. */
export function HelpDialog({ open, onClose, keys }: { open: boolean; onClose: () => void; keys: readonly KeyHelp[] }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    // showModal traps focus and gives Escape-to-close; older engines get a plain open dialog.
    if (open && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
    if (!open && d.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
    }
  }, [open]);
  return (
    <dialog ref={ref} className="quiz-dialog" aria-labelledby="quiz-help-title" onClose={onClose}>
      <h2 id="quiz-help-title">Keyboard shortcuts</h2>
      <table className="quiz-keys">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.keys}>
              <td>
                <kbd>{k.keys}</kbd>
              </td>
              <td>{k.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Shortcuts are off while you type in a field.</p>
      <form method="dialog">
        <button type="submit" className="quiz-button" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
