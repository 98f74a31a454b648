'use client';

import { useRef } from 'react';
import { HiddenFileInput } from '@/components/layout/HiddenFileInput';
import type { Panel } from './chrome';

/** The id of the toolbar's file input. */
const IMPORT_INPUT_ID = 'sim-import-file';

/** The row of actions above the scenario: open, import, add from AWS, export, share. */
export function Toolbar({
  panel,
  onPanel,
  hasText,
  onImportFile,
  onExport,
  onShare,
}: {
  panel: Panel;
  onPanel: (panel: Panel) => void;
  /** Export and Share need a scenario. */
  hasText: boolean;
  onImportFile: (file: File) => void;
  onExport: () => void;
  onShare: () => void;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="sim-toolbar">
      <button type="button" className="btn" aria-expanded={panel === 'library'} aria-controls="sim-library" onClick={() => onPanel(panel === 'library' ? null : 'library')}>
        Scenarios and templates
      </button>
      {/* data-file-input: the static page opens the chooser itself on a press before React is in (see static/entry.ts). */}
      <button type="button" className="btn" data-file-input={IMPORT_INPUT_ID} onClick={() => fileInput.current?.click()}>
        Import file
      </button>
      <HiddenFileInput inputRef={fileInput} id={IMPORT_INPUT_ID} accept="application/json,.json" label="Import a scenario file" onFile={onImportFile} />
      <button type="button" className="btn" aria-expanded={panel === 'aws'} aria-controls="sim-aws" onClick={() => onPanel(panel === 'aws' ? null : 'aws')}>
        Add from AWS CLI output
      </button>
      <button type="button" className="btn" onClick={onExport} disabled={!hasText}>
        Export
      </button>
      <button type="button" className="btn btn--primary" onClick={onShare} disabled={!hasText}>
        Share
      </button>
    </div>
  );
}
