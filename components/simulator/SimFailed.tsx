'use client';

import { useEffect, useState } from 'react';

/**
 * Offers text as a file download (the user's text must never be lost, even when the page
 * cannot show it).
 * @param text what to save
 * @param name the file name
 */
export function downloadText(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'scenario.json';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copy and Download buttons for a text, with a spoken result. */
function KeepText({ text, name }: { text: string; name: string }) {
  const [said, setSaid] = useState('');
  const file = name.endsWith('.json') ? name : `${name}.json`;
  return (
    <>
      <button
        type="button"
        className="btn btn--small"
        onClick={() =>
          navigator.clipboard.writeText(text).then(
            () => setSaid('Copied your text to the clipboard.'),
            () => setSaid('The browser did not allow copying; use Download instead.'),
          )
        }
      >
        Copy your text
      </button>
      <button type="button" className="btn btn--small" onClick={() => downloadText(text, file)}>
        Download your text
      </button>
      <span role="status" className="small">
        {said}
      </span>
    </>
  );
}

interface FailedProps {
  /** What was thrown. */
  error: Error;
  /** The text the page failed on (kept, offered for copying). */
  text: string;
  /** The scenario's name. */
  name: string;
  /** The built-in it came from, if any. */
  builtinId?: string;
  /** Opens the last version that worked. */
  onBack: () => void;
  /** Opens the built-in afresh. */
  onFresh?: () => void;
}

/** What the simulator shows when a part of it failed to render: what failed, and ways on that lose nothing. */
export function SimFailed({ error, text, name, builtinId, onBack, onFresh }: FailedProps) {
  return (
    <section className="notice notice--error sim-failed" role="alert" aria-labelledby="sim-failed-title">
      <h3 id="sim-failed-title">This part of the simulator could not show “{name}”</h3>
      <p>
        It stopped with <code className="break">{error.message || error.name}</code>. Your text is kept in this browser and will not be restored automatically on
        your next visit.
      </p>
      <div className="notice__actions">
        <button type="button" className="btn btn--small btn--primary" onClick={onBack}>
          Back to the last working version
        </button>
        {onFresh && (
          <button type="button" className="btn btn--small" onClick={onFresh}>
            Open a fresh copy of the built-in{builtinId ? ` (${builtinId})` : ''}
          </button>
        )}
        <KeepText text={text} name={name} />
      </div>
    </section>
  );
}

/** The notice for text that made the page fail on an earlier visit and was set aside. */
export function HeldNotice({ held, name, blocked, onOpen, onForget }: { held: string; name: string; blocked?: boolean; onOpen: () => void; onForget: () => void }) {
  return (
    <div className="notice notice--error" role="status">
      {blocked ? (
        <p>
          Last time, the page failed while showing “{name}” from My scenarios, so it was not opened again. It is kept ({held.length.toLocaleString('en')} characters).
        </p>
      ) : (
        <p>
          Last time, the page failed while showing your edits of “{name}”, so the last working version is open. The text that failed is kept aside ({held.length.toLocaleString('en')}{' '}
          characters).
        </p>
      )}
      <div className="notice__actions">
        <KeepText text={held} name={name} />
        <button type="button" className="btn btn--small" onClick={onOpen}>
          Open it anyway
        </button>
        <button type="button" className="btn btn--small btn--ghost" onClick={onForget}>
          {blocked ? 'Dismiss' : 'Forget it'}
        </button>
      </div>
    </div>
  );
}

/**
 * Renders nothing; once the part it sits in has rendered (committed without an exception), says
 * so, which clears the "opening" marker and records the last working version.
 */
export function RenderedMark({ ready, ok, text, onRendered }: { ready: boolean; ok: boolean; text: string; onRendered: (ok: boolean) => void }) {
  useEffect(() => {
    if (ready) onRendered(ok);
    // The callback is recreated every render; what matters is a new text or result.
  }, [ready, ok, text]);
  return null;
}
