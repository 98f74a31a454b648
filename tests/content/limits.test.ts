import { describe, expect, it } from 'vitest';
import { limits } from '@/lib/sts/limits';
import { isDurationLimit, type LimitName } from '@/components/mdx/Limit';
import { listNoteSlugs, loadNote } from '@/lib/content/notes';
import { noteTree, proseBlocks } from './helpers';

const names = Object.keys(limits) as LimitName[];
const durationValues = new Set(names.filter(isDurationLimit).map((n) => limits[n] as number));
const countValues = new Set(names.filter((n) => !isDurationLimit(n)).map((n) => limits[n] as number));

const words: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fifteen: 15, twenty: 20, thirty: 30, 'thirty-six': 36, forty: 40, fifty: 50, sixty: 60, 'sixty-four': 64,
};
const timeUnits: [RegExp, number][] = [
  [/^(seconds?|secs?|s)$/i, 1],
  [/^(minutes?|mins?)$/i, 60],
  [/^(hours?|h)$/i, 3600],
  [/^days?$/i, 86400],
];
const countUnit = /^(characters?|chars?|tags?|keys?|digits?|ARNs?|polic(y|ies)|managed)$/i;

/** Words that make a sentence a statement about a limit. */
const limitWords = /\b(max(imum)?|min(imum)?|at most|at least|up to|no more than|no longer than|limit(s|ed)?|cap(s|ped)?|defaults?|between|exceeds?)\b/i;

/** A hard-coded number with a unit, found in prose. */
interface Finding {
  text: string;
  value: number;
  dimension: 'time' | 'count';
  sentence: string;
}

/** Finds numbers with a time or count unit in one block of prose. */
function findNumbers(block: string): Finding[] {
  const out: Finding[] = [];
  const sentences = block.split(/(?<=[.!?])\s+/);
  const re = /\b(\d{1,3}(?:,\d{3})+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty-six|thirty|forty|fifty|sixty-four|sixty)[\s-]+([A-Za-z]+)\b/gi;
  for (const sentence of sentences) {
    for (const m of sentence.matchAll(re)) {
      const raw = m[1]!.toLowerCase();
      const isDigits = /^\d/.test(raw);
      const n = isDigits ? Number(raw.replace(/,/g, '')) : words[raw]!;
      const unit = m[2]!;
      const time = timeUnits.find(([u]) => u.test(unit));
      if (time && (isDigits || !/^(s|h)$/i.test(unit))) out.push({ text: m[0], value: n * time[1], dimension: 'time', sentence });
      else if (isDigits && countUnit.test(unit)) out.push({ text: m[0], value: n, dimension: 'count', sentence });
    }
  }
  return out;
}

/** Every hard-coded limit in some blocks of prose, as messages. */
function limitProblems(blocks: string[]): string[] {
  const problems: string[] = [];
  for (const block of blocks) {
    for (const f of findNumbers(block)) {
      const known = f.dimension === 'time' ? durationValues : countValues;
      if (known.has(f.value)) problems.push(`"${f.text}" is a limit from lib/sts/limits.ts written by hand: use <Limit />. In: ${f.sentence}`);
      else if (limitWords.test(f.sentence)) problems.push(`"${f.text}" states a limit that lib/sts/limits.ts does not have. In: ${f.sentence}`);
    }
  }
  return problems;
}

describe('limit numbers in the notes', () => {
  it.each([
    ['The chaining cap is two hours.', /does not have/],
    ['A role session lasts at most 24 hours.', /does not have/],
    ['GetSessionToken lasts up to 36 hours.', /written by hand/],
    ['Sessions last one hour by default.', /written by hand/],
    ['Session names are up to 64 characters.', /written by hand/],
  ])('flags "%s"', (sentence, message) => {
    // Given a sentence that states a limit with a number typed by hand, Then the check rejects it
    expect(limitProblems([sentence])).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    'Alice asks for a working day, 28800 in the call, and gets it.',
    'Account 111111111111 has two roles and three users.',
    'The scenario moves the clock on.',
  ])('accepts "%s"', (sentence) => {
    expect(limitProblems([sentence])).toEqual([]);
  });

  it('the finder sees digits and words, and ignores numbers without units', () => {
    expect(findNumbers('The cap is one hour.').map((f) => f.value)).toEqual([3600]);
    expect(findNumbers('Between 900 seconds and 12 hours.').map((f) => f.value)).toEqual([900, 43200]);
    expect(findNumbers('Up to 64 characters.').map((f) => f.dimension)).toEqual(['count']);
    expect(findNumbers('Account 111111111111 has two roles.')).toEqual([]);
  });

  describe.each(listNoteSlugs())('%s', (slug) => {
    it('names only limits that exist in lib/sts/limits.ts', () => {
      for (const name of loadNote(slug).limitNames) expect(names, `<Limit name="${name}">`).toContain(name);
    });

    it('states no limit as a hard-coded number (use <Limit name="…" />)', () => {
      const { meta } = loadNote(slug);
      expect(limitProblems([meta.title, meta.description, ...proseBlocks(noteTree(slug))])).toEqual([]);
    });
  });
});
