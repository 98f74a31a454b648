'use client';

import { useCallback, useEffect, useState } from 'react';
import type { ScenarioIndexEntry } from '@/lib/content/scenarioIndex';
import { DEFAULT_SCENARIO_ID } from '@/lib/simulator/defaultScenario';
import { decodeShare, fingerprint, sharePayload } from '@/lib/simulator/share';
import { templateText, type ScenarioTemplate } from '@/lib/simulator/templates';
import { DRAFTS_KEY, type MyScenario, type Origin } from '@/lib/stores/drafts';
import type { ScenarioStore } from '@/lib/stores/scenarioStore';
import { useScenarioStore } from '@/components/providers/ScenarioStoreProvider';
import { loadEngine } from '../useSimulation';
import { withBase } from '@/lib/content/basePath';
import type { Chrome } from './chrome';
import { builtinUrl, fetchBuiltin, mineUrl } from './text';

type How = 'push' | 'replace' | 'none';

/**
 * Opening scenarios: a built-in, one of My scenarios, a share link, a template or a file's text;
 * the address follows what is open, and the page opens what the address names (also on back and
 * forward). Another tab's changes to My scenarios are merged in.
 * @param inPage a built-in whose text the page already holds (the build-time preview's, from the
 *   same build as the static file): opened without a fetch
 */
export function useOpenScenario(
  api: ScenarioStore,
  index: readonly ScenarioIndexEntry[],
  chrome: Chrome,
  expectLinkedStep: (search: string, hash: string) => void,
  inPage?: { id: string; text: string },
) {
  const { setNotice, setPanel, setShareLink } = chrome;
  const [loading, setLoading] = useState(true);

  const openBuiltin = useCallback(
    async (id: string, how: How = 'push') => {
      if (!index.some((e) => e.id === id)) {
        setNotice({ kind: 'error', text: `There is no built-in scenario "${id}". Pick one from the library.` });
        setPanel('library');
        return false;
      }
      setLoading(true);
      try {
        // Any other scenario needs the engine: start loading it while its text is fetched.
        if (id !== inPage?.id) void loadEngine();
        const body = id === inPage?.id ? inPage.text : await fetchBuiltin(id);
        // A built-in always opens as it is on the site: edits live in My scenarios, never in its place.
        api.getState().openBuiltin(id, body);
        if (how === 'push') history.pushState(null, '', builtinUrl(id));
        if (how === 'replace') history.replaceState(null, '', builtinUrl(id));
        setShareLink(null);
        return true;
      } catch (e) {
        setNotice({ kind: 'error', text: `Could not load scenario "${id}" (${e instanceof Error ? e.message : String(e)}).` });
        return false;
      } finally {
        setLoading(false);
      }
    },
    [api, index, inPage, setNotice, setPanel, setShareLink],
  );

  const openMine = useCallback(
    (id: string, how: How = 'push') => {
      if (api.getState().openMine(id) !== 'opened') return false;
      if (how === 'push') history.pushState(null, '', mineUrl(id));
      if (how === 'replace') history.replaceState(null, '', mineUrl(id));
      setShareLink(null);
      return true;
    },
    [api, setShareLink],
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
        if (opened?.kind === 'mine') history.replaceState(null, '', mineUrl(opened.id));
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
    await openBuiltin(index.some((e) => e.id === DEFAULT_SCENARIO_ID) ? DEFAULT_SCENARIO_ID : (index[0]?.id ?? DEFAULT_SCENARIO_ID), 'none');
  }, [api, index, openBuiltin, openMine, expectLinkedStep, setNotice]);

  // The first edit of a built-in makes it one of My scenarios: the address follows, so a reload
  // shows the edit (the built-in's own address keeps opening the original).
  const source = useScenarioStore((s) => s.source);
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
  }, [api, setNotice]);

  useEffect(() => {
    void openFromLocation();
    const onPop = () => void openFromLocation();
    window.addEventListener('popstate', onPop);
    window.addEventListener('hashchange', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('hashchange', onPop);
    };
  }, [openFromLocation]);

  /** Opens text (a template, a file) as a new entry of My scenarios. */
  const openText = (origin: Origin, body: string, message: string) => {
    api.getState().create(origin, body);
    const opened = api.getState().source;
    history.pushState(null, '', opened?.kind === 'mine' ? mineUrl(opened.id) : withBase('/simulator/'));
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

  return { loading, openBuiltin, openMine, openText, openTemplate, undoDelete };
}
