'use client';

import { useScenarioStore, useScenarioStoreApi } from '@/components/providers/ScenarioStoreProvider';
import type { ScenarioIndexEntry } from '@/lib/content/scenarioIndex';
import { DEFAULT_SCENARIO_ID } from '@/lib/simulator/defaultScenario';
import type { ScenarioTemplate } from '@/lib/simulator/templates';
import type { MyScenario } from '@/lib/stores/drafts';
import { AwsImport } from '../AwsImport';
import { Library } from '../Library';
import { MyScenarios } from '../MyScenarios';
import type { Chrome } from './chrome';

/** The library panel: My scenarios (open, rename, duplicate, delete with undo), then the built-ins and templates. */
export function LibraryPanel({
  index,
  chrome,
  openBuiltin,
  openMine,
  openTemplate,
  undoDelete,
}: {
  index: readonly ScenarioIndexEntry[];
  chrome: Chrome;
  openBuiltin: (id: string) => Promise<boolean>;
  openMine: (id: string) => boolean;
  openTemplate: (t: ScenarioTemplate) => void;
  undoDelete: (removed: MyScenario, reopen: boolean) => void;
}) {
  const api = useScenarioStoreApi();
  const mine = useScenarioStore((s) => s.mine);
  const source = useScenarioStore((s) => s.source);
  const { setNotice, setPanel } = chrome;
  return (
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
          if (wasOpen) void openBuiltin(removed.origin.kind === 'builtin' ? removed.origin.id : DEFAULT_SCENARIO_ID);
          setNotice({ kind: 'info', text: `Deleted “${removed.name}” from My scenarios.`, action: { label: 'Undo', run: () => undoDelete(removed, wasOpen) } });
        }}
      />
      <h3 className="library__builtin-title">Built-in scenarios</h3>
      <Library
        index={index}
        currentId={source?.kind === 'builtin' ? source.id : undefined}
        onOpen={(id) => {
          setPanel(null);
          setNotice(null);
          void openBuiltin(id);
        }}
        onTemplate={openTemplate}
      />
    </section>
  );
}

/** The panel that adds roles, users and policies from AWS CLI output to the scenario's world. */
export function AwsPanel({ chrome }: { chrome: Chrome }) {
  const api = useScenarioStoreApi();
  const text = useScenarioStore((s) => s.text);
  return (
    <section id="sim-aws" className="panel" aria-labelledby="aws-title">
      <h2 id="aws-title">Add from AWS CLI output</h2>
      <AwsImport
        text={text}
        onApply={(t, summary) => {
          api.getState().setText(t);
          chrome.setPanel(null);
          chrome.setNotice({ kind: 'info', text: summary });
        }}
      />
    </section>
  );
}
