/**
 * `npm run -s sim -- lab check FILE.json …`: verifies lab files (docs/lab-format.md). For each lab, the
 * starting scenario must fail its goal, the reference solution must meet it without touching a locked
 * part, and every note link must resolve. Exit 0 when all labs verify, 1 when one does not, 2 when a file
 * is not a valid lab.
 */
import { readFileSync } from 'node:fs';
import { parseLab, verifyLab } from '../lib/labs/check';
import { listNoteSlugs, loadNote } from '../lib/content/notes';

const headings = new Map<string, Set<string>>();
function resolveLearn(ref: string): boolean {
  const [slug, id] = ref.split('#');
  if (!slug || !listNoteSlugs().includes(slug)) return false;
  if (!id) return true;
  if (!headings.has(slug)) headings.set(slug, new Set(loadNote(slug).headings.map((h) => h.id)));
  return headings.get(slug)!.has(id);
}

/** Runs `lab check`; returns the exit status. */
export function labMain(args: string[]): number {
  const [verb, ...files] = args;
  const json = files.includes('--json');
  const paths = files.filter((f) => f !== '--json');
  if (verb !== 'check' || paths.length === 0) {
    process.stderr.write('usage: npm run -s sim -- lab check FILE.json [FILE.json …] [--json]\n');
    return 2;
  }
  let invalid = 0;
  let failed = 0;
  const out: string[] = [];
  for (const file of paths) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      invalid++;
      process.stderr.write(`${file}: (file): cannot read file: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
      continue;
    }
    const parsed = parseLab(text);
    if (!parsed.ok) {
      invalid++;
      for (const i of parsed.issues) process.stderr.write(`${file}: ${i.path || '(file)'}: ${i.message}\n`);
      if (json) out.push(JSON.stringify({ format: 'sts-lab-check/v1', file, invalid: parsed.issues }));
      continue;
    }
    const issues = verifyLab(parsed.lab, { resolveLearn });
    if (issues.length) failed++;
    if (json) out.push(JSON.stringify({ format: 'sts-lab-check/v1', file, lab: parsed.lab.id, ok: issues.length === 0, issues }));
    else {
      out.push(`${issues.length ? '✗' : '✓'} ${file} (${parsed.lab.id})`);
      for (const i of issues) out.push(`    ${i.path}: ${i.message}`);
    }
  }
  if (out.length) process.stdout.write(out.join('\n') + '\n');
  if (!json) process.stdout.write(`${paths.length} labs: ${paths.length - invalid - failed} verified, ${failed} failed${invalid ? `, ${invalid} invalid` : ''}\n`);
  return invalid ? 2 : failed ? 1 : 0;
}
