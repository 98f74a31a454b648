/** "Did you mean …?" for typed names: the closest known name by edit distance. */

/** Levenshtein distance, case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

/**
 * The known name closest to a typed one, if it is close enough to be a typo (at most 2 edits,
 * and fewer than a third of the word).
 * @example closest('Principle', ['Principal', 'Action']) // 'Principal'
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(word, k);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best !== undefined && bestD > 0 && bestD <= Math.min(2, Math.ceil(word.length / 3)) ? best : best !== undefined && bestD === 0 && best !== word ? best : undefined;
}
