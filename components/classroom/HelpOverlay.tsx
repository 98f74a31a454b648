'use client';

import { useEffect, useRef } from 'react';
import { keyHelp } from './keys';

/** The keyboard help (? opens, Escape or the button closes); focus moves in and back out. */
export function HelpOverlay({ open, onClose, only }: { open: boolean; onClose: () => void; only?: readonly string[] }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => before?.focus?.();
  }, [open]);
  if (!open) return null;
  const rows = only ? keyHelp.filter((k) => only.includes(k.action)) : keyHelp;
  return (
    <div className="cr-overlay" role="dialog" aria-modal="true" aria-labelledby="cr-help-title" onKeyDown={(e) => e.key === 'Tab' && (e.preventDefault(), closeRef.current?.focus())}>
      <div className="cr-overlay__panel">
        <h2 id="cr-help-title">Keyboard</h2>
        <table className="cr-keys">
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">What it does</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((k) => (
              <tr key={k.action}>
                <td>
                  {k.keys.map((key) => (
                    <kbd key={key}>{key}</kbd>
                  ))}
                </td>
                <td>{k.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeRef} type="button" className="btn" onClick={onClose}>
          Close (Esc)
        </button>
      </div>
    </div>
  );
}
