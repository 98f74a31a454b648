'use client';

import type { RefObject } from 'react';

/**
 * The hidden file input behind an "Import…" button: the button clicks it through `inputRef`. It
 * hands over the first picked file and clears itself, so picking the same file again fires again.
 */
export function HiddenFileInput({
  inputRef,
  id,
  accept,
  label,
  onFile,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  id?: string;
  accept: string;
  /** Its accessible name. */
  label: string;
  onFile: (file: File) => void;
}) {
  return (
    <input
      ref={inputRef}
      id={id}
      type="file"
      accept={accept}
      className="visually-hidden"
      tabIndex={-1}
      aria-label={label}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
