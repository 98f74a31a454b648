'use client';

import { startTransition, useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { ScenarioStoreProvider, useScenarioStore, useScenarioStoreApi } from '@/components/providers/ScenarioStoreProvider';
import type { Fix, Simulation } from '@/lib/engine';
import type { ScenarioIndexEntry } from '@/lib/content/scenarioIndex';
import { addToWorld, parseIamOutput } from '@/lib/import/awsIam';
import { DRAFTS_KEY, type MyScenario, type Origin } from '@/lib/stores/drafts';
import { lineColumnOf, locateIssue, syntaxErrorAt } from '@/lib/util/jsonLocate';
import { formatJson, tryParse } from '@/lib/simulator/knobs';
import { callerText, isSuccess, outcomeText, stepLabel, stepTitle } from '@/lib/simulator/outcome';
import { decodeShare, fingerprint, sharePayload, shareUrl } from '@/lib/simulator/share';
import { templateText, type ScenarioTemplate } from '@/lib/simulator/templates';
import { applyPatch } from '@/lib/util/jsonPatch';
import { AwsImport } from './AwsImport';
import { EditorPanel } from './EditorPanel';
import { GateTrace } from '@/components/gates/GateTrace';
import { InlineMarkdown } from './InlineMarkdown';
import { Library } from './Library';
import { OutcomeList } from './OutcomeList';
import { Player, ShortcutsDialog, usePlaybackKeys, usePlaybackTimer } from './Player';
import { SequencePanel } from './SequencePanel';
import { StepResult } from './StepResult';
import { Timeline } from './Timeline';
import { TraceText } from './TraceText';
import { loadEngine, safeSimulate, useEngine, useSimulation, useStepFixes } from './useSimulation';
import { MyScenarios, originText } from './MyScenarios';
import { ErrorBoundary } from '@/components/layout/ErrorBoundary';
import { HeldNotice, RenderedMark, SimFailed, downloadText } from './SimFailed';
import { useReducedMotion } from './useTheme';
import { useLinkedStep } from './useLinkedStep';
import { basePath, withBase } from '@/lib/content/basePath';
import { DEFAULT_SCENARIO_ID } from '@/lib/simulator/defaultScenario';

/** A message shown under the toolbar. */
type Notice = { kind: 'info' | 'error'; text: string; details?: string[]; action?: { label: string; run: () => void } };

type Panel = 'library' | 'aws' | null;

const HIDE_KEY = 'sts-sim:hide-outcomes';

/** Self-study: "Hide outcomes until played", remembered in this browser. */
function useHideOutcomes(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(false);
  useEffect(() => {
    try {
      setOn(localStorage.getItem(HIDE_KEY) === '1');
    } catch {
      // Storage off: the option starts off.
    }
  }, []);
  const set = (v: boolean) => {
    setOn(v);
    try {
      localStorage.setItem(HIDE_KEY, v ? '1' : '0');
    } catch {
      // Storage off: the choice lasts for this page only.
    }
  };
  return [on, set];
}

/** The default scenario for a first visit. */
const DEFAULT_ID = DEFAULT_SCENARIO_ID;

/**
 * The default scenario's run, made at build time: shown (in the HTML, and while hydrating) until
 * the engine and the scenario the page really opens are in, so the first paint already has the
 * outcome. When the page opens the default scenario, the real run is the same and nothing moves.
 */
export interface SimulatorPreview {
  /** The built-in scenario it ran. */
  id: string;
  /** Its run, without fixes. */
  sim: Extract<Simulation, { ok: true }>;
}

async function fetchBuiltin(id: string): Promise<string> {
  const res = await fetch(withBase(`/simulator/scenarios/${id}.json`));
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
}

/** The scenario's title, also from text that is not valid JSON at the moment (while it is being edited). */
function titleOf(text: string): string | undefined {
  const doc = tryParse(text);
  const t = doc && typeof doc === 'object' ? (doc as { title?: unknown }).title : undefined;
  if (typeof t === 'string') return t;
  const m = /"title"\s*:\s*("(?:[^"\\\n]|\\.)*")/.exec(text);
  const found = m ? tryParse(m[1]!) : undefined;
  return typeof found === 'string' ? found : undefined;
}

/** How many steps the text has (the form may select a step the last run does not have yet). */
function stepsInText(text: string): number {
  const steps = (tryParse(text) as { steps?: unknown } | undefined)?.steps;
  return Array.isArray(steps) ? steps.length : 0;
}

/** Reads a dropped or picked file as text. */
function readFile(file: File): Promise<string> {
  return typeof file.text === 'function'
    ? file.text()
    : new Promise((resolve, reject) => {
        const r = new FileReader();
        r.onload = () => resolve(String(r.result));
        r.onerror = () => reject(r.error);
        r.readAsText(file);
      });
}

function Simulator({ index, preview }: { index: readonly ScenarioIndexEntry[]; preview?: SimulatorPreview }) {
  const api = useScenarioStoreApi();
  const text = useScenarioStore((s) => s.text);
  const original = useScenarioStore((s) => s.original);
  const source = useScenarioStore((s) => s.source);
  const restored = useScenarioStore((s) => s.restored);
  const opened = useScenarioStore((s) => s.opened);
  const saveProblem = useScenarioStore((s) => s.saveProblem);
  const held = useScenarioStore((s) => s.held);
  const blocked = useScenarioStore((s) => s.blocked);
  const mine = useScenarioStore((s) => s.mine);
  const storeStep = useScenarioStore((s) => s.step);
  const revealed = useScenarioStore((s) => s.revealed);
  const [hideOutcomes, setHideOutcomes] = useHideOutcomes();
  const engine = useEngine();
  const { current, shown, stale } = useSimulation(engine, text, String(opened));
  const reduced = useReducedMotion();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [tab, setTab] = useState<'form' | 'json'>('form');
  const [help, setHelp] = useState(false);
  const [loading, setLoading] = useState(true);
  // Until the first scenario and the engine are in: the build-time run of the default scenario.
  const starting = !shown && engine.kind !== 'error' && (loading || engine.kind === 'loading');
  const previewing = starting && !!preview;
  const sim = shown ?? (previewing ? preview.sim : undefined);
  // The link and the text it holds: once the scenario changes, the link no longer shows it.
  const [shared, setShareLink] = useState<{ url: string; text: string } | null>(null);
  const shareLink = shared && shared.text === text ? shared.url : null;
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const steps = useMemo(() => sim?.result.steps ?? [], [sim]);
  const stepCount = steps.length;
  const step = Math.min(storeStep, Math.max(0, stepCount - 1));
  // Fixes for the step on screen only, once the text is still, and only when it failed and the run is current.
  const onScreen = steps[step];
  const failed = !!onScreen && onScreen.kind !== 'clock' && onScreen.outcome === 'error';
  const fixes = useStepFixes(engine, text, step, failed && !stale && revealed === 'all');
  const gateCounts = useMemo(() => steps.map((s) => (s.kind === 'clock' ? 0 : s.trace.length)), [steps]);
  const issues = current && !current.ok ? current.issues : [];

  // A link may name the step to open at (the quiz links the step that proves an answer).
  const expectLinkedStep = useLinkedStep(steps, useCallback((i: number) => api.getState().selectStep(i, Number.MAX_SAFE_INTEGER), [api]));
  usePlaybackTimer(gateCounts, reduced);
  const openHelp = useCallback(() => setHelp(true), []);
  usePlaybackKeys(stepCount, openHelp);

  // ---- opening scenarios ----------------------------------------------------------------
  const openBuiltin = useCallback(
    async (id: string, how: 'push' | 'replace' | 'none' = 'push') => {
      if (!index.some((e) => e.id === id)) {
        setNotice({ kind: 'error', text: `There is no built-in scenario "${id}". Pick one from the library.` });
        setPanel('library');
        return false;
      }
      setLoading(true);
      try {
        const body = await fetchBuiltin(id);
        // A built-in always opens as it is on the site: edits live in My scenarios, never in its place.
        api.getState().openBuiltin(id, body);
        if (how === 'push') history.pushState(null, '', withBase(`/simulator/?scenario=${id}`));
        if (how === 'replace') history.replaceState(null, '', withBase(`/simulator/?scenario=${id}`));
        setShareLink(null);
        return true;
      } catch (e) {
        setNotice({ kind: 'error', text: `Could not load scenario "${id}" (${e instanceof Error ? e.message : String(e)}).` });
        return false;
      } finally {
        setLoading(false);
      }
    },
    [api, index],
  );

  const openMine = useCallback(
    (id: string, how: 'push' | 'replace' | 'none' = 'push') => {
      if (api.getState().openMine(id) !== 'opened') return false;
      if (how === 'push') history.pushState(null, '', withBase(`/simulator/?mine=${encodeURIComponent(id)}`));
      if (how === 'replace') history.replaceState(null, '', withBase(`/simulator/?mine=${encodeURIComponent(id)}`));
      setShareLink(null);
      return true;
    },
    [api],
  );

  const openFromLocation = useCallback(async () => {
    const payload = sharePayload(window.location.hash);
    const params = new URLSearchParams(window.location.search);
    const id = params.get('scenario');
    const mineId = params.get('mine');
    if (payload) {
      const decoded = decodeShare(payload);
      if (decoded.ok) {
        // A share link (also how other pages hand a scenario over) always becomes a new entry in
        // My scenarios and replaces nothing; the address then names that entry, so a reload does
        // not add it again.
        api.getState().create({ kind: 'shared', fingerprint: fingerprint(payload) }, decoded.value);
        expectLinkedStep(window.location.search, window.location.hash);
        const opened = api.getState().source;
        if (opened?.kind === 'mine') history.replaceState(null, '', withBase(`/simulator/?mine=${encodeURIComponent(opened.id)}`));
        setNotice({ kind: 'info', text: 'Opened from a link as a new entry in My scenarios. Nothing else was changed.' });
        setLoading(false);
        return;
      }
      setNotice({ kind: 'error', text: decoded.error });
    } else if (id) {
      if (await openBuiltin(id, 'none')) {
        expectLinkedStep(window.location.search, window.location.hash);
        return;
      }
    } else if (mineId) {
      if (openMine(mineId, 'none')) {
        setLoading(false);
        return;
      }
      if (!api.getState().blocked) setNotice({ kind: 'error', text: 'That scenario is not in My scenarios in this browser (it may have been deleted, or saved in another browser).' });
    }
    const last = api.getState().lastOpened();
    // A built-in scenario is fetched again (it may have changed).
    if (last?.kind === 'builtin' && (await openBuiltin(last.id, 'replace'))) return;
    if (last?.kind === 'mine' && openMine(last.id, 'replace')) {
      setLoading(false);
      return;
    }
    await openBuiltin(index.some((e) => e.id === DEFAULT_ID) ? DEFAULT_ID : (index[0]?.id ?? DEFAULT_ID), 'none');
  }, [api, index, openBuiltin, openMine, expectLinkedStep]);

  // The first edit of a built-in makes it one of My scenarios: the address follows, so a reload
  // shows the edit (the built-in's own address keeps opening the original).
  useEffect(() => {
    if (source?.kind !== 'mine') return;
    const want = `?mine=${encodeURIComponent(source.id)}`;
    if (window.location.search !== want) history.replaceState(null, '', withBase(`/simulator/${want}`));
  }, [source]);

  // Another tab changed My scenarios: merge the list; reload the open one if it was edited there later.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key !== DRAFTS_KEY && e.key !== null) return;
      const before = api.getState().text;
      api.getState().sync();
      if (api.getState().text !== before) setNotice({ kind: 'info', text: 'This scenario was changed in another tab; its newest version is shown.' });
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [api]);

  useEffect(() => {
    void loadEngine();
    void openFromLocation();
    const onPop = () => void openFromLocation();
    window.addEventListener('popstate', onPop);
    window.addEventListener('hashchange', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('hashchange', onPop);
    };
  }, [openFromLocation]);

  const openText = (origin: Origin, body: string, message: string) => {
    api.getState().create(origin, body);
    const opened = api.getState().source;
    history.pushState(null, '', withBase(opened?.kind === 'mine' ? `/simulator/?mine=${encodeURIComponent(opened.id)}` : '/simulator/'));
    setShareLink(null);
    setPanel(null);
    setNotice({ kind: 'info', text: message });
  };

  const undoDelete = (removed: MyScenario, reopen: boolean) => {
    api.getState().restore(removed);
    if (reopen) openMine(removed.id);
    setNotice({ kind: 'info', text: `“${removed.name}” is back in My scenarios.` });
  };

  const openTemplate = (t: ScenarioTemplate) => openText({ kind: 'template', id: t.id }, templateText(t), `Started from the template "${t.title}" as a new entry in My scenarios.`);

  // ---- import, export, share --------------------------------------------------------------
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

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void importFile(file);
  };

  // ---- what to show -----------------------------------------------------------------------
  // The editor and the sections below the run (sequence, timeline) mount in a transition after
  // the first result shows: React renders them in slices instead of one long task on phones.
  const [rest, setRest] = useState(false);
  useEffect(() => {
    if (!starting && !rest) startTransition(() => setRest(true));
  }, [starting, rest]);
  const r = steps[step];
  const complete = revealed === 'all';
  const title = sim?.scenario.title ?? titleOf(text) ?? 'Untitled scenario';
  const currentId = source?.kind === 'builtin' ? source.id : undefined;
  const entry = source?.kind === 'mine' ? mine.find((m) => m.id === source.id) : undefined;
  const builtinId = source?.kind === 'builtin' ? source.id : entry?.origin.kind === 'builtin' ? entry.origin.id : undefined;
  const edited = text !== original;
  const sourceText = previewing ? 'Built-in scenario' : !source ? '' : source.kind === 'builtin' ? 'Built-in scenario' : `My scenarios: “${entry?.name ?? title}” (${originText(entry?.origin)})`;
  const savedText =
    source?.kind !== 'mine'
      ? ''
      : saveProblem === 'full'
        ? ' · NOT SAVED: this browser’s storage for the site is full. Export the scenario, or delete some of My scenarios.'
        : saveProblem === 'unavailable'
          ? ' · not saved: this browser does not let the site store data. Export the scenario to keep it.'
          : ' · saved in this browser';
  const revert = () => {
    const before = text;
    api.getState().revert();
    setNotice({ kind: 'info', text: 'Reverted to the text as it was opened.', action: { label: 'Undo', run: () => (api.getState().setText(before), setNotice(null)) } });
  };
  const fallback = (error: Error) => (
    <SimFailed
      error={error}
      text={text}
      name={entry?.name ?? title}
      builtinId={builtinId}
      onBack={() => api.getState().backToWorking()}
      onFresh={builtinId ? () => void openBuiltin(builtinId) : undefined}
    />
  );
  const boundaryKey = `${opened}:${text}`;
  const onBroken = () => api.getState().markBroken();

  return (
    <div
      className={`sim${dragging ? ' is-dragging' : ''}${previewing ? ' is-preview' : ''}`}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div className="sim-toolbar">
        <button type="button" className="btn" aria-expanded={panel === 'library'} aria-controls="sim-library" onClick={() => setPanel(panel === 'library' ? null : 'library')}>
          Scenarios and templates
        </button>
        <button type="button" className="btn" onClick={() => fileInput.current?.click()}>
          Import file
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Import a scenario file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(f);
          }}
        />
        <button type="button" className="btn" aria-expanded={panel === 'aws'} aria-controls="sim-aws" onClick={() => setPanel(panel === 'aws' ? null : 'aws')}>
          Add from AWS CLI output
        </button>
        <button type="button" className="btn" onClick={exportFile} disabled={!text}>
          Export
        </button>
        <button type="button" className="btn btn--primary" onClick={() => void share()} disabled={!text}>
          Share
        </button>
      </div>

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
              <button type="button" className="btn btn--small btn--ghost" onClick={() => setNotice(null)}>
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

      {panel === 'library' && (
        <section id="sim-library" className="panel" aria-labelledby="library-title">
          <h2 id="library-title">Scenarios</h2>
          <MyScenarios
            items={mine}
            currentId={source?.kind === 'mine' ? source.id : undefined}
            onOpen={(id) => {
              setPanel(null);
              setNotice(null);
              openMine(id);
            }}
            onRename={(id, name) => api.getState().rename(id, name)}
            onDuplicate={(id) => {
              const copy = api.getState().duplicate(id);
              if (copy) setNotice({ kind: 'info', text: 'Duplicated into a new entry of My scenarios.' });
            }}
            onDelete={(id) => {
              const wasOpen = source?.kind === 'mine' && source.id === id;
              const removed = api.getState().remove(id);
              if (!removed) return;
              if (wasOpen) void openBuiltin(removed.origin.kind === 'builtin' ? removed.origin.id : DEFAULT_ID);
              setNotice({ kind: 'info', text: `Deleted “${removed.name}” from My scenarios.`, action: { label: 'Undo', run: () => undoDelete(removed, wasOpen) } });
            }}
          />
          <h3 className="library__builtin-title">Built-in scenarios</h3>
          <Library
            index={index}
            currentId={currentId}
            onOpen={(id) => {
              setPanel(null);
              setNotice(null);
              void openBuiltin(id);
            }}
            onTemplate={openTemplate}
          />
        </section>
      )}
      {panel === 'aws' && (
        <section id="sim-aws" className="panel" aria-labelledby="aws-title">
          <h2 id="aws-title">Add from AWS CLI output</h2>
          <AwsImport
            text={text}
            onApply={(t, summary) => {
              api.getState().setText(t);
              setPanel(null);
              setNotice({ kind: 'info', text: summary });
            }}
          />
        </section>
      )}

      {starting && !previewing ? (
        // Until the first scenario and the engine are in, one tall placeholder holds the place of
        // the scenario and the run/edit grid, so nothing on screen moves when they arrive.
        <div className="sim-starting" role="status">
          <p className="muted">Loading the simulator…</p>
        </div>
      ) : (
        <>
          <section className="sim-scenario" aria-labelledby="scenario-title">
            <p className="sim-scenario__source">
              {sourceText}
              {savedText}
              {restored && ' · your earlier edits were restored'}
              {edited && source?.kind === 'mine' && (
                <>
                  {' '}
                  <button type="button" className="btn btn--small btn--ghost" onClick={revert}>
                    Revert changes
                  </button>
                </>
              )}
              {entry?.origin.kind === 'builtin' && (
                <>
                  {' '}
                  <a className="btn btn--small btn--ghost" href={withBase(`/simulator/?scenario=${entry.origin.id}`)}>
                    Open the original
                  </a>
                </>
              )}
            </p>
            {saveProblem === 'full' && source?.kind === 'mine' && (
              <p className="notice notice--error" role="alert">
                Your latest edits are only in this page: the browser refused to store them (storage full).{' '}
                <button type="button" className="btn btn--small" onClick={() => downloadText(text, `${entry?.name ?? 'scenario'}.json`)}>
                  Download your text
                </button>
              </p>
            )}
            {blocked && (
              <HeldNotice
                held={blocked.text}
                name={blocked.name}
                blocked
                onOpen={() => {
                  api.getState().openMine(blocked.id, { force: true });
                  api.getState().unblock();
                }}
                onForget={() => api.getState().unblock()}
              />
            )}
            {held !== undefined && <HeldNotice held={held} name={entry?.name ?? title} onOpen={() => (api.getState().setText(held), api.getState().dropHeld())} onForget={() => api.getState().dropHeld()} />}
            <h2 id="scenario-title">
              <InlineMarkdown text={title} />
            </h2>
            {sim?.scenario.summary && (
              <p className="sim-scenario__summary">
                <InlineMarkdown text={sim.scenario.summary} />
              </p>
            )}
          </section>

          <div className="sim-grid">
            <section className="sim-run" aria-labelledby="run-title">
              <h2 id="run-title" className="visually-hidden">
                Run
              </h2>
              <Player stepCount={stepCount} onHelp={openHelp} />
              <ErrorBoundary resetKey={boundaryKey} onError={onBroken} fallback={fallback}>
              <RenderedMark ready={current !== undefined} ok={!!current?.ok} text={text} onRendered={(ok) => api.getState().markRendered(ok)} />
              {!sim ? (
                <section className="outcome" aria-labelledby="outcome-heading">
                  <h3 id="outcome-heading">Outcome</h3>
                  <p className="muted">
                    {engine.kind === 'error'
                      ? `The simulator could not load (${engine.message}).`
                      : loading || engine.kind === 'loading'
                        ? 'Loading the simulator…'
                        : issues.length
                          ? `No outcome yet: the scenario has ${issues.length === 1 ? 'a problem' : `${issues.length} problems`} (see the editor).`
                          : 'No scenario yet.'}
                  </p>
                </section>
              ) : (
                <>
                  <label className="outcome__hide">
                    <input
                      type="checkbox"
                      checked={hideOutcomes}
                      onChange={(e) => {
                        setHideOutcomes(e.currentTarget.checked);
                        if (e.currentTarget.checked) api.getState().restart();
                      }}
                    />{' '}
                    Hide outcomes until played
                  </label>
                  <OutcomeList
                    hideAfter={hideOutcomes ? (complete ? step : step - 1) : undefined}
                    steps={steps}
                    current={step}
                    onSelect={(i) => api.getState().selectStep(i, stepCount)}
                    staleNote={stale ? `The scenario has ${issues.length === 1 ? 'a problem' : `${issues.length} problems`}; these results are from the last valid version of this scenario (“${sim.scenario.title}”), not from the text in the editor.` : undefined}
                  />
                  {r && (
                    <section className="step" aria-labelledby="step-title">
                      <h3 id="step-title" tabIndex={-1}>
                        Step {step + 1}: {stepTitle(r)} {r.kind !== 'clock' && <span className="step__label">{stepLabel(r, step)}</span>}
                      </h3>
                      {r.kind !== 'clock' && (
                        <p className="step__meta">
                          At {r.at} · signed by {callerText(sim.scenario, step)}
                        </p>
                      )}
                      {r.kind !== 'clock' && <GateTrace mode="compact" entries={r.trace} revealed={revealed} outcome={outcomeText(r)} ok={isSuccess(r)} />}
                      <TraceText
                        intro={`Step ${step + 1} of ${stepCount}: ${stepTitle(r)}${r.kind !== 'clock' ? ` (${stepLabel(r, step)})` : ''}.`}
                        trace={r.kind === 'clock' ? [] : r.trace}
                        revealed={revealed}
                        outcome={outcomeText(r)}
                      />
                      {complete && <StepResult scenario={sim.scenario} steps={steps} index={step} fixes={fixes} canApply={!stale} onApplyFix={applyFix} />}
                    </section>
                  )}
                </>
              )}
              </ErrorBoundary>
            </section>

            <section className="sim-edit" aria-labelledby="edit-title">
              <h2 id="edit-title">Edit</h2>
              <p className="muted small">Every change runs again at once. <span className="drop-tip">Drop a .json file anywhere on the page to import it.</span></p>
              {rest ? (
                <ErrorBoundary resetKey={boundaryKey} onError={onBroken} fallback={fallback}>
                  <EditorPanel text={text} issues={issues} step={storeStep} onSelectStep={(i) => api.getState().selectStep(i, Math.max(stepCount, stepsInText(api.getState().text)))} onChange={(t) => api.getState().setText(t)} tab={tab} onTab={setTab} />
                </ErrorBoundary>
              ) : (
                <p className="muted">Loading the editor…</p>
              )}
            </section>
          </div>
        </>
      )}

      {sim && rest && (
        <ErrorBoundary resetKey={boundaryKey} onError={onBroken} fallback={fallback}>
          <section className="sim-wide" aria-labelledby="sequence-title">
            <h2 id="sequence-title">Sequence</h2>
            <SequencePanel scenario={sim.scenario} result={sim.result} current={step} />
          </section>
          <section className="sim-wide" aria-labelledby="timeline-title">
            <h2 id="timeline-title">Sessions over time</h2>
            <Timeline scenario={sim.scenario} result={sim.result} current={step} />
          </section>
        </ErrorBoundary>
      )}
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
      {dragging && (
        <div className="drop-hint" aria-hidden="true">
          Drop a scenario file or AWS CLI output to import it
        </div>
      )}
    </div>
  );
}

/** The simulator island: its store, then the whole interactive page. */
export function SimulatorApp({ index, preview }: { index: readonly ScenarioIndexEntry[]; preview?: SimulatorPreview }) {
  return (
    <ScenarioStoreProvider>
      <Simulator index={index} preview={preview} />
    </ScenarioStoreProvider>
  );
}
