'use client';

import { useScenarioStore, useScenarioStoreApi } from '@/components/providers/ScenarioStoreProvider';
import type { MyScenario } from '@/lib/stores/drafts';
import { InlineMarkdown } from '../InlineMarkdown';
import { originText } from '../MyScenarios';
import { HeldNotice, downloadText } from '../SimFailed';
import { builtinUrl } from './text';

/** Where the scenario comes from and whether it is saved, any storage trouble, then its title and summary. */
export function ScenarioHeader({
  title,
  summary,
  entry,
  previewing,
  onRevert,
}: {
  title: string;
  summary: string | undefined;
  /** The open entry of My scenarios, if one is open. */
  entry: MyScenario | undefined;
  /** The build-time run is on screen (no scenario is open yet). */
  previewing: boolean;
  onRevert: () => void;
}) {
  const api = useScenarioStoreApi();
  const text = useScenarioStore((s) => s.text);
  const original = useScenarioStore((s) => s.original);
  const source = useScenarioStore((s) => s.source);
  const restored = useScenarioStore((s) => s.restored);
  const saveProblem = useScenarioStore((s) => s.saveProblem);
  const held = useScenarioStore((s) => s.held);
  const blocked = useScenarioStore((s) => s.blocked);
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
  return (
    <section className={`sim-scenario${previewing ? ' is-preview' : ''}`} aria-labelledby="scenario-title">
      <p className="sim-scenario__source">
        {sourceText}
        {savedText}
        {restored && ' · your earlier edits were restored'}
        {edited && source?.kind === 'mine' && (
          <>
            {' '}
            <button type="button" className="btn btn--small btn--ghost" onClick={onRevert}>
              Revert changes
            </button>
          </>
        )}
        {entry?.origin.kind === 'builtin' && (
          <>
            {' '}
            <a className="btn btn--small btn--ghost" href={builtinUrl(entry.origin.id)}>
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
      {summary && (
        <p className="sim-scenario__summary">
          <InlineMarkdown text={summary} />
        </p>
      )}
    </section>
  );
}
