import { tryParse } from '@/lib/simulator/knobs';
import { withBase } from '@/lib/content/basePath';

/** A built-in scenario's text, as the site serves it. */
export async function fetchBuiltin(id: string): Promise<string> {
  const res = await fetch(withBase(`/simulator/scenarios/${id}.json`));
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
}

/** The scenario's title, also from text that is not valid JSON at the moment (while it is being edited). */
export function titleOf(text: string): string | undefined {
  const doc = tryParse(text);
  const t = doc && typeof doc === 'object' ? (doc as { title?: unknown }).title : undefined;
  if (typeof t === 'string') return t;
  const m = /"title"\s*:\s*("(?:[^"\\\n]|\\.)*")/.exec(text);
  const found = m ? tryParse(m[1]!) : undefined;
  return typeof found === 'string' ? found : undefined;
}

/** How many steps the text has (the form may select a step the last run does not have yet). */
export function stepsInText(text: string): number {
  const steps = (tryParse(text) as { steps?: unknown } | undefined)?.steps;
  return Array.isArray(steps) ? steps.length : 0;
}

/** Reads a dropped or picked file as text. */
export function readFile(file: File): Promise<string> {
  return typeof file.text === 'function'
    ? file.text()
    : new Promise((resolve, reject) => {
        const r = new FileReader();
        r.onload = () => resolve(String(r.result));
        r.onerror = () => reject(r.error);
        r.readAsText(file);
      });
}

/** The address of one of My scenarios. */
export function mineUrl(id: string): string {
  return withBase(`/simulator/?mine=${encodeURIComponent(id)}`);
}

/** The address of a built-in scenario. */
export function builtinUrl(id: string): string {
  return withBase(`/simulator/?scenario=${id}`);
}
