import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_ID, previewGuardScript } from '@/lib/simulator/defaultScenario';
import { DRAFTS_KEY } from '@/lib/stores/drafts';
import { readScenarioText } from '@/lib/content/scenarioIndex';

/** Runs the guard as the page would, with this address and stored drafts; true when it hides the preview. */
function hidesPreview(search: string, hash: string, drafts: string | null | Error): boolean {
  const classes = new Set<string>();
  const storage = {
    getItem: (key: string) => {
      if (drafts instanceof Error) throw drafts;
      return key === DRAFTS_KEY ? drafts : null;
    },
  };
  runInNewContext(previewGuardScript(DRAFTS_KEY), {
    location: { search, hash },
    localStorage: storage,
    document: { documentElement: { classList: { add: (c: string) => classes.add(c) } } },
  });
  return classes.has('sim-no-preview');
}

const last = (l: unknown) => JSON.stringify({ version: 2, last: l, mine: {} });

describe('the /simulator/ build-time preview shows only for a plain visit that opens the default scenario', () => {
  const rows: { name: string; search: string; hash: string; drafts: string | null | Error; hidden: boolean }[] = [
    { name: 'a first visit (nothing stored)', search: '', hash: '', drafts: null, hidden: false },
    { name: 'a return visit whose last scenario was the default', search: '', hash: '', drafts: last({ kind: 'builtin', id: DEFAULT_SCENARIO_ID }), hidden: false },
    { name: 'stored drafts with nothing open last', search: '', hash: '', drafts: JSON.stringify({ version: 2, mine: {} }), hidden: false },
    { name: 'a return visit whose last scenario was another built-in', search: '', hash: '', drafts: last({ kind: 'builtin', id: 'mfa-protected-role' }), hidden: true },
    { name: 'a return visit whose last scenario was one of My scenarios', search: '', hash: '', drafts: last({ kind: 'mine', id: 'm1' }), hidden: true },
    { name: 'an address naming a built-in', search: '?scenario=mfa-protected-role', hash: '', drafts: null, hidden: true },
    { name: 'an address naming one of My scenarios', search: '?mine=m1', hash: '', drafts: null, hidden: true },
    { name: 'a share link', search: '', hash: '#s=AAAA', drafts: null, hidden: true },
    { name: 'drafts that are not JSON', search: '', hash: '', drafts: '{oops', hidden: true },
    { name: 'storage that throws (blocked)', search: '', hash: '', drafts: new Error('SecurityError'), hidden: true },
  ];
  for (const r of rows) {
    it(`${r.name}: preview ${r.hidden ? 'hidden' : 'shown'}`, () => {
      expect(hidesPreview(r.search, r.hash, r.drafts)).toBe(r.hidden);
    });
  }

  it('names a built-in scenario that exists', () => {
    expect(readScenarioText(DEFAULT_SCENARIO_ID)).toBeDefined();
  });
});
