import { describe, expect, it } from 'vitest';
import { mergeLabProgress, readLabProgress, solvedLabCount, type LabRecord } from '@/lib/labs/progress';

// Lab progress as kept in the browser and carried in the progress export file (issue #14).
const rec = (r: Partial<LabRecord>): LabRecord => ({ hintsShown: 0, solutionShown: false, updatedAt: 0, ...r });

describe('lab progress', () => {
  it('reads every valid entry and counts the rest', () => {
    const out = readLabProgress({ version: 1, labs: { 'a-lab': { solvedAt: 5, hintsShown: 2, solutionShown: false, updatedAt: 6 }, 'BAD ID': {}, 'b-lab': null } });
    expect(out).toEqual({ labs: { 'a-lab': rec({ solvedAt: 5, hintsShown: 2, updatedAt: 6 }) }, dropped: 2 });
  });

  it.each([
    [null, 'it is not an object'],
    [{ version: 2, labs: {} }, 'unknown layout version 2 (this site reads 1)'],
    [{ labs: {} }, 'unknown layout version null (this site reads 1)'],
    [{ version: 1, labs: 'x' }, '"labs" is not an object'],
  ])('refuses %j as a whole, saying why', (value, problem) => {
    expect(readLabProgress(value)).toEqual({ labs: {}, dropped: 0, problem });
  });

  it('merges an import into what the browser has: the later change wins and a solve is never lost', () => {
    const mine = { 'a-lab': rec({ solvedAt: 10, hintsShown: 1, updatedAt: 10 }), 'b-lab': rec({ hintsShown: 3, updatedAt: 50 }) };
    const file = { 'a-lab': rec({ hintsShown: 0, updatedAt: 20, attempt: { '/x': '1' } }), 'c-lab': rec({ solvedAt: 7, updatedAt: 7 }) };
    const merged = mergeLabProgress(mine, file);
    expect(merged['a-lab']).toEqual(rec({ solvedAt: 10, hintsShown: 1, updatedAt: 20, attempt: { '/x': '1' } }));
    expect(merged['b-lab']).toEqual(mine['b-lab']);
    expect(merged['c-lab']).toEqual(file['c-lab']);
    expect(solvedLabCount(merged)).toBe(2);
  });
});
