import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBank } from '@/lib/quiz/bank';
import { readQuizFiles } from '@/lib/content/quizFiles';
import { answerKeys, displayOptions } from '@/lib/quiz/display';
import { nextPracticeRef } from '@/lib/quiz/practice';
import { bankRef, generatedRef, parseRef, predictGeneratedRef, predictRef } from '@/lib/quiz/refs';
import { createRng, seedFrom } from '@/lib/quiz/rng';
import { builtInScenarioHref, decodeScenario, encodeScenario } from '@/lib/quiz/share';
import { masteryByTopic, recordAnswer } from '@/lib/quiz/mastery';
import { isKnownNote, noteHref } from '@/lib/quiz/topics';
import { templates } from '@/lib/quiz/generate';

const { bank: bankFiles, scenarios: scenarioFiles } = readQuizFiles();

const parsed = parseBank(bankFiles);
const bank = parsed.ok ? parsed.value : [];

describe('share links', () => {
  it('round-trip a scenario through deflate + base64url', () => {
    const scenario = { format: 'sts-scenario/v1', id: 'x', title: 'Ünïcode ✓', world: {}, steps: [] };
    const enc = encodeScenario(scenario);
    expect(enc).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(decodeScenario(enc)!)).toEqual(scenario);
  });

  it('reject what is not an encoded scenario', () => {
    expect(decodeScenario('!!!')).toBeUndefined();
    expect(decodeScenario('aGVsbG8')).toBeUndefined();
  });

  it('link built-in scenarios by id', () => {
    expect(builtInScenarioHref('role-chaining-one-hour')).toBe('/simulator/?scenario=role-chaining-one-hour');
  });
});

describe('refs', () => {
  it.each([bankRef('assume-root-purpose'), generatedRef('duration', 42), predictRef('region-disabled', 'paris'), predictGeneratedRef('mfa-role', 7)])('%s parses', (ref) => {
    expect(parseRef(ref)).toBeDefined();
  });
  it.each(['', 'x:y', 'g:duration', 'g:duration:abc', 'b:a:b', 'p:scenario'])('%s does not', (ref) => {
    expect(parseRef(ref)).toBeUndefined();
  });
});

describe('seeded randomness', () => {
  it('repeats for a seed and spreads counters', () => {
    expect(Array.from({ length: 5 }, () => createRng(9).int(1, 100))).toEqual(Array.from({ length: 5 }, () => createRng(9).int(1, 100)));
    expect(new Set([0, 1, 2, 3].map((n) => seedFrom(n))).size).toBe(4);
  });

  it('lib/quiz never reads Math.random or the wall clock', () => {
    const dir = path.join(__dirname, '../../../lib/quiz');
    // Every .ts file below it, the generators included
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files).toContain(path.join('generators', 'index.ts'));
    for (const f of files) expect(readFileSync(path.join(dir, f), 'utf8'), f).not.toMatch(/Math\.random|Date\.now\(|new Date\(\)/);
  });
});

describe('option order', () => {
  it('is a fixed permutation per question that does not always put the answer first', () => {
    const firsts = bank.filter((q) => q.kind === 'single').map((q) => answerKeys(q)[0]);
    const share = firsts.filter((k) => k === 'A').length / firsts.length;
    expect(share).toBeLessThan(0.45);
    for (const q of bank.slice(0, 20)) {
      expect(displayOptions(q).map((o) => o.id).sort()).toEqual(q.options.map((o) => o.id));
      expect(displayOptions(q)).toEqual(displayOptions(q));
    }
  });
});

describe('practice sequence', () => {
  it('is deterministic, mixes in a generated question every third, and respects the topic', () => {
    const seq = Array.from({ length: 9 }, (_, n) => nextPracticeRef(bank, templates, n, { source: 'mixed' }));
    expect(seq).toEqual(Array.from({ length: 9 }, (_, n) => nextPracticeRef(bank, templates, n, { source: 'mixed' })));
    expect(seq.map((r) => r![0])).toEqual(['b', 'b', 'g', 'b', 'b', 'g', 'b', 'b', 'g']);
    for (let n = 0; n < 12; n++) {
      const r = nextPracticeRef(bank, templates, n, { source: 'bank', topic: 'saml' })!;
      expect(bank.find((q) => `b:${q.id}` === r)?.topic).toBe('saml');
    }
    // No template covers AssumeRoot: generated-only falls back to the bank
    expect(nextPracticeRef(bank, templates, 2, { source: 'generated', topic: 'assume-root' })).toMatch(/^b:/);
  });
});

describe('mastery', () => {
  it('ranks tried topics weakest first and puts untried topics last', () => {
    let a = recordAnswer(undefined, 'mfa', true, 1);
    a = recordAnswer(a, 'mfa', true, 2);
    const b = recordAnswer(undefined, 'saml', false, 3);
    const rows = masteryByTopic({ 'b:a': a, 'b:b': b });
    expect(rows[0]).toMatchObject({ topic: 'saml', answers: 1 });
    expect(rows[1]).toMatchObject({ topic: 'mfa', answers: 2 });
    expect(rows[1]!.percent!).toBeGreaterThan(rows[0]!.percent!);
    expect(rows[2]!.percent).toBeUndefined();
  });

  it('keeps the last five results', () => {
    let s = recordAnswer(undefined, 'mfa', false, 0);
    for (let i = 0; i < 6; i++) s = recordAnswer(s, 'mfa', true, i);
    expect(s).toMatchObject({ seen: 7, correct: 6, recent: [true, true, true, true, true] });
  });
});

describe('notes', () => {
  it('accepts learn slugs and headings only', () => {
    expect(isKnownNote('external-id')).toBe(true);
    expect(isKnownNote('external-id#how-sts-checks-it')).toBe(true);
    expect(isKnownNote('external-id#nope')).toBe(false);
    expect(isKnownNote('astrology')).toBe(false);
    expect(noteHref('session-duration#role-chaining')).toBe('/notes/session-duration/#role-chaining');
  });
});

describe('scenario list for predict-then-run', () => {
  it('lists every scenario file of content/scenarios, and only those', () => {
    const onDisk = readdirSync(path.join(__dirname, '../../../content/scenarios'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect(Object.keys(scenarioFiles)).toEqual(onDisk);
  });
});
