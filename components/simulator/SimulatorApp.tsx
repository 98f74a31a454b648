'use client';

import { Suspense, lazy, startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ScenarioStoreProvider, useScenarioStore, useScenarioStoreApi } from '@/components/providers/ScenarioStoreProvider';
import type { StepResult } from '@/lib/engine';
import type { SimulatorPreview } from '@/lib/simulator/preview';
import type { ScenarioIndexEntry } from '@/lib/content/scenarioIndex';
import { ErrorBoundary } from '@/components/layout/ErrorBoundary';
import { Player, ShortcutsDialog, usePlaybackKeys, usePlaybackTimer } from './Player';
import { SequencePanel, sequenceMinHeight } from './SequencePanel';
import { RenderedMark, SimFailed } from './SimFailed';
import { Timeline } from './Timeline';
import { useEngine, useSimulation, useStepFixes } from './useSimulation';
import { useLinkedStep, useShowLinkedStep } from './useLinkedStep';
import { useFirstInteraction, useNearViewport } from './useOnDemand';
import { useReducedMotion } from './useTheme';
import type { Chrome, Notice, Panel, SharedLink } from './app/chrome';
import { Notices } from './app/Notices';
import { AwsPanel, LibraryPanel } from './app/Panels';
import { RunResults } from './app/RunResults';
import { ScenarioHeader } from './app/ScenarioHeader';
import { Toolbar } from './app/Toolbar';
import { stepsInText, titleOf } from './app/text';
import { useFileActions } from './app/useFileActions';
import { useHideOutcomes } from './app/useHideOutcomes';
import { useOpenScenario } from './app/useOpenScenario';


export type { SimulatorPreview };

/** The editor, in its own chunk (see editor.chunk.ts): fetched when it is about to mount. */
const EditorPanel = lazy(() => import('./editor.chunk').then((m) => ({ default: m.EditorPanel })));

/** No steps yet: what the linked-step hook sees while the build-time preview is showing. */
const noSteps: readonly StepResult[] = [];

/**
 * The simulator page: the toolbar and its panels, the scenario, the run beside the editor, then
 * the sequence and timeline. Opening scenarios lives in useOpenScenario, files and links in
 * useFileActions; the pieces of the layout are in ./app.
 */
function Simulator({ index, preview, interacted: already, onReady }: SimulatorAppProps) {
  const api = useScenarioStoreApi();
  const text = useScenarioStore((s) => s.text);
  const source = useScenarioStore((s) => s.source);
  const opened = useScenarioStore((s) => s.opened);
  const mine = useScenarioStore((s) => s.mine);
  const storeStep = useScenarioStore((s) => s.step);
  const revealed = useScenarioStore((s) => s.revealed);
  const [hideOutcomes, setHideOutcomes] = useHideOutcomes();
  const interacted = useFirstInteraction(already);
  const reduced = useReducedMotion();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [shared, setShareLink] = useState<SharedLink | null>(null);
  // The link shows the scenario only until the scenario changes.
  const shareLink = shared && shared.text === text ? shared.url : null;
  const chrome: Chrome = useMemo(() => ({ setNotice, setPanel, setShareLink }), []);
  const [tab, setTab] = useState<'form' | 'json'>('form');
  const [help, setHelp] = useState(false);

  // A link may name the step to open at (the quiz links the step that proves an answer).
  const linked = useLinkedStep();
  const { loading, openBuiltin, openMine, openTemplate, openText, undoDelete } = useOpenScenario(api, index, chrome, linked.expect, preview);
  // The build-time run is the run of exactly this text: it is used as it is (with its fixes), and
  // the engine loads once the reader starts using the page, or at once for any other text.
  const known = preview && text === preview.text ? preview : undefined;
  const engine = useEngine(interacted || (!loading && !known));
  const { current, shown, stale } = useSimulation(engine, text, String(opened), known?.sim);
  const { importFile, exportFile, share, applyFix, dragging, dropTarget } = useFileActions(api, text, chrome, openText);
  useEffect(() => {
    if (!loading) onReady?.();
  }, [loading, onReady]);

  // Until the first scenario and the engine are in: the build-time run of the default scenario.
  const starting = !shown && engine.kind !== 'error' && (loading || engine.kind === 'loading');
  const previewing = starting && !!preview;
  const sim = shown ?? (previewing ? preview.sim : undefined);
  const steps = useMemo(() => sim?.result.steps ?? [], [sim]);
  const stepCount = steps.length;
  const step = Math.min(storeStep, Math.max(0, stepCount - 1));
  // Fixes for the step on screen only, once the text is still, and only when it failed and the run is current.
  const onScreen = steps[step];
  const failed = !!onScreen && onScreen.kind !== 'clock' && onScreen.outcome === 'error';
  // While the build-time run shows, so do its fixes (the static page shows them before React starts).
  const fixes = useStepFixes(engine, text, step, failed && !stale && revealed === 'all', (known ?? (previewing ? preview : undefined))?.fixes);
  const gateCounts = useMemo(() => steps.map((s) => (s.kind === 'clock' ? 0 : s.trace.length)), [steps]);
  const issues = current && !current.ok ? current.issues : [];

  // Not the build-time preview's steps: the linked step belongs to the scenario being opened.
  useShowLinkedStep(linked, previewing ? noSteps : steps, useCallback((i: number) => api.getState().selectStep(i, Number.MAX_SAFE_INTEGER), [api]));
  usePlaybackTimer(gateCounts, reduced);
  const openHelp = useCallback(() => setHelp(true), []);
  usePlaybackKeys(stepCount, openHelp);

  // The editor and the sections below the run (sequence, timeline) mount once the first result
  // shows. On a plain visit showing the build-time run, they wait until they are wanted: the
  // editor's section near the viewport (at once on a wide screen, where it is beside the run), the
  // reader's first press, key or focus, or problems to show; their placeholders hold the place.
  // An address naming a scenario opens it to be worked on: they mount at once. Either way they
  // mount in a transition: React renders them in slices instead of one long task on phones.
  const [plainAddress] = useState(() => typeof window !== 'undefined' && !window.location.search && window.location.hash.length <= 1);
  const editRef = useRef<HTMLElement>(null);
  const near = useNearViewport(editRef, !starting);
  const wantRest = !starting && (!(known && plainAddress) || near || interacted || issues.length > 0);
  const [rest, setRest] = useState(false);
  useEffect(() => {
    if (wantRest && !rest) startTransition(() => setRest(true));
  }, [wantRest, rest]);

  const title = sim?.scenario.title ?? titleOf(text) ?? 'Untitled scenario';
  const entry = source?.kind === 'mine' ? mine.find((m) => m.id === source.id) : undefined;
  const builtinId = source?.kind === 'builtin' ? source.id : entry?.origin.kind === 'builtin' ? entry.origin.id : undefined;
  const revert = () => {
    const before = text;
    api.getState().revert();
    setNotice({ kind: 'info', text: 'Reverted to the text as it was opened.', action: { label: 'Undo', run: () => (api.getState().setText(before), setNotice(null)) } });
  };
  // A part of the page that fails to render is replaced by a way back, not a blank page.
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
    // The preview's parts carry `is-preview` themselves (see simulator.css): a class on the root
    // would restyle the whole page when the preview ends.
    <div className={`sim${dragging ? ' is-dragging' : ''}`} {...dropTarget}>
      <Toolbar panel={panel} onPanel={setPanel} hasText={!!text || previewing} onImportFile={(f) => void importFile(f)} onExport={exportFile} onShare={() => void share()} />
      <Notices notice={notice} onDismiss={() => setNotice(null)} shareLink={shareLink} />
      {panel === 'library' && <LibraryPanel index={index} chrome={chrome} openBuiltin={openBuiltin} openMine={openMine} openTemplate={openTemplate} undoDelete={undoDelete} />}
      {panel === 'aws' && <AwsPanel chrome={chrome} />}

      {starting && !previewing ? (
        // Until the first scenario and the engine are in, one tall placeholder holds the place of
        // the scenario and the run/edit grid, so nothing on screen moves when they arrive.
        <div className="sim-starting" role="status">
          <p className="muted">Loading the simulator…</p>
        </div>
      ) : (
        <>
          <ScenarioHeader title={title} summary={sim?.scenario.summary} entry={entry} previewing={previewing} onRevert={revert} />

          <div className={`sim-grid${previewing ? ' is-preview' : ''}`}>
            <section className="sim-run" aria-labelledby="run-title">
              <h2 id="run-title" className="visually-hidden">
                Run
              </h2>
              <Player stepCount={stepCount} onHelp={openHelp} />
              <ErrorBoundary resetKey={boundaryKey} onError={onBroken} fallback={fallback}>
                <RenderedMark ready={current !== undefined} ok={!!current?.ok} text={text} onRendered={(ok) => api.getState().markRendered(ok)} />
                <RunResults
                  sim={sim}
                  step={step}
                  stale={stale}
                  issues={issues}
                  waiting={engine.kind === 'error' ? engine : loading || engine.kind === 'loading' ? { kind: 'loading' } : undefined}
                  fixes={fixes}
                  onApplyFix={applyFix}
                  hideOutcomes={hideOutcomes}
                  onHideOutcomes={setHideOutcomes}
                />
              </ErrorBoundary>
            </section>

            <section className="sim-edit" aria-labelledby="edit-title" ref={editRef}>
              <h2 id="edit-title">Edit</h2>
              <p className="muted small">Every change runs again at once. <span className="drop-tip">Drop a .json file anywhere on the page to import it.</span></p>
              {rest ? (
                <ErrorBoundary resetKey={boundaryKey} onError={onBroken} fallback={fallback}>
                  <Suspense fallback={editorPlaceholder}>
                    <EditorPanel text={text} issues={issues} step={storeStep} onSelectStep={(i) => api.getState().selectStep(i, Math.max(stepCount, stepsInText(api.getState().text)))} onChange={(t) => api.getState().setText(t)} tab={tab} onTab={setTab} />
                  </Suspense>
                </ErrorBoundary>
              ) : (
                editorPlaceholder
              )}
            </section>
          </div>
        </>
      )}

      {sim && (
        <ErrorBoundary resetKey={boundaryKey} onError={onBroken} fallback={fallback}>
          <section className={`sim-wide${previewing ? ' is-preview' : ''}`} aria-labelledby="sequence-title">
            <h2 id="sequence-title">Sequence</h2>
            {rest ? <SequencePanel scenario={sim.scenario} result={sim.result} current={step} /> : <div className="diagram sim-later" style={{ minHeight: sequenceMinHeight(stepCount) }} aria-hidden="true" />}
          </section>
          <section className={`sim-wide${previewing ? ' is-preview' : ''}`} aria-labelledby="timeline-title">
            <h2 id="timeline-title">Sessions over time</h2>
            {rest ? <Timeline scenario={sim.scenario} result={sim.result} current={step} /> : <p className="muted sim-later">Loading the timeline…</p>}
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

/** Where the editor will be, until it has mounted (and while its chunk loads). */
const editorPlaceholder = <p className="muted sim-edit__later">Loading the editor…</p>;

/** What the island is rendered with (lib/simulator/preview.ts), and whether the reader already started. */
interface SimulatorAppProps {
  index: readonly ScenarioIndexEntry[];
  preview?: SimulatorPreview;
  /** The reader pressed, typed or focused before this mounted (the static page, see ./static). */
  interacted?: boolean;
  /** Called once the scenario the address opens is in (the static page then replays held input). */
  onReady?: () => void;
}

/** The simulator island: its store, then the whole interactive page. */
export function SimulatorApp(props: SimulatorAppProps) {
  return (
    <ScenarioStoreProvider>
      <Simulator {...props} />
    </ScenarioStoreProvider>
  );
}
