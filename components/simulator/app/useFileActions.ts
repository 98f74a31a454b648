'use client';

import { useState, type DragEvent } from 'react';
import type { Fix, Simulation } from '@/lib/engine';
import { addToWorld, parseIamOutput } from '@/lib/import/awsIam';
import { basePath } from '@/lib/content/basePath';
import { formatJson, tryParse } from '@/lib/simulator/knobs';
import { shareUrl } from '@/lib/simulator/share';
import type { Origin, ScenarioStore } from '@/lib/stores/scenarioStore';
import { applyPatch } from '@/lib/util/jsonPatch';
import { lineColumnOf, locateIssue, syntaxErrorAt } from '@/lib/util/jsonLocate';
import { loadEngine, safeSimulate } from '../useSimulation';
import type { Chrome } from './chrome';
import { readFile } from './text';

/**
 * What the page does with files and links: import a picked or dropped file (a scenario, or AWS CLI
 * output that joins the current world), export the text, make a share link, apply a suggested fix.
 */
export function useFileActions(
  api: ScenarioStore,
  text: string,
  chrome: Chrome,
  openText: (origin: Origin, body: string, message: string) => void,
) {
  const { setNotice, setPanel, setShareLink } = chrome;
  const [dragging, setDragging] = useState(false);

  const importFile = async (file: File) => {
    setPanel(null);
    let body: string;
    try {
      body = await readFile(file);
    } catch {
      setNotice({ kind: 'error', text: `Could not read ${file.name}. Nothing was changed.` });
      return;
    }
    const data = tryParse(body);
    if (data === undefined) {
      const at = syntaxErrorAt(body);
      const lc = at === undefined ? undefined : lineColumnOf(body, at);
      setNotice({ kind: 'error', text: `${file.name} is not valid JSON${lc ? ` at line ${lc.line}, column ${lc.column}` : ''}. Nothing was changed: your scenario is as it was.` });
      return;
    }
    // AWS CLI output (get-role, get-user, …) joins the current world instead.
    const iam = parseIamOutput(body);
    if (iam.ok) {
      const base = tryParse(text);
      const added = base !== undefined ? addToWorld(base, iam.value) : undefined;
      if (added?.ok) {
        api.getState().setText(formatJson(added.value.doc));
        setNotice({ kind: 'info', text: `${file.name}: ${added.value.summary}` });
      } else setNotice({ kind: 'error', text: `${file.name}: ${added ? added.error.message : 'the scenario in the editor is not valid JSON; fix it first'}. Nothing was changed.` });
      return;
    }
    const { simulate } = await loadEngine();
    const sim: Simulation = safeSimulate(simulate, body);
    if (!sim.ok) {
      const details = sim.issues.slice(0, 8).map((i) => `Line ${lineColumnOf(body, locateIssue(body, i).from).line}: ${i.path ? `${i.path}: ` : ''}${i.message}`);
      if (sim.issues.length > 8) details.push(`…and ${sim.issues.length - 8} more.`);
      setNotice({
        kind: 'error',
        text: `${file.name} is not a valid scenario (${sim.issues.length === 1 ? '1 problem' : `${sim.issues.length} problems`}). Nothing was changed: your scenario is as it was.`,
        details,
        action: { label: 'Open it anyway to fix it', run: () => openText({ kind: 'file', name: file.name }, body, `Opened ${file.name}. Fix the problems listed beside the editor.`) },
      });
      return;
    }
    openText({ kind: 'file', name: file.name }, body, `Opened ${file.name}.`);
  };

  const exportFile = () => {
    const id = (tryParse(text) as { id?: unknown } | undefined)?.id;
    const name = `${typeof id === 'string' && id ? id : 'scenario'}.json`;
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setNotice({ kind: 'info', text: `Downloaded ${name}.` });
  };

  const share = async () => {
    const link = shareUrl(window.location.origin + basePath, text);
    setShareLink({ url: link, text });
    try {
      await navigator.clipboard.writeText(link);
      setNotice({ kind: 'info', text: 'Share link copied to the clipboard. It holds the whole scenario; nothing is uploaded.' });
    } catch {
      setNotice({ kind: 'info', text: 'Copy the share link below. It holds the whole scenario; nothing is uploaded.' });
    }
  };

  const applyFix = (fix: Fix) => {
    const doc = tryParse(text);
    const patched = doc === undefined ? undefined : applyPatch(doc, fix.patch);
    if (patched === undefined) {
      setNotice({ kind: 'error', text: `Could not apply "${fix.summary}": the scenario changed since it was suggested.` });
      return;
    }
    api.getState().setText(formatJson(patched));
    setNotice({ kind: 'info', text: `Applied: ${fix.summary}.` });
    // The Apply button goes away with the failure; keep keyboard users on the step's new result.
    requestAnimationFrame(() => document.getElementById('step-title')?.focus());
  };

  // A file dragged over the page: the whole page is the drop target.
  const dropTarget = {
    onDragOver: (e: DragEvent) => {
      if (e.dataTransfer.types.includes('Files')) {
        e.preventDefault();
        setDragging(true);
      }
    },
    onDragLeave: (e: DragEvent) => {
      if (e.currentTarget === e.target) setDragging(false);
    },
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer.files[0];
      if (file) void importFile(file);
    },
  };

  return { importFile, exportFile, share, applyFix, dragging, dropTarget };
}
