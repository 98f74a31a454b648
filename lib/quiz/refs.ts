/**
 * References to quiz items, used as keys in saved progress: short, stable strings.
 * `b:<bank id>`, `g:<template>:<seed>` (generated question), `p:<scenario>:<step>` (predict a
 * built-in scenario step), `pg:<template>:<seed>` (predict a generated scenario's step).
 */

/** A parsed reference. */
export type Ref =
  | { kind: 'bank'; id: string }
  | { kind: 'generated'; template: string; seed: number }
  | { kind: 'predict'; scenario: string; step: string }
  | { kind: 'predict-generated'; template: string; seed: number };

/** The reference of a bank question. */
export const bankRef = (id: string) => `b:${id}`;
/** The reference of a generated question. */
export const generatedRef = (template: string, seed: number) => `g:${template}:${seed >>> 0}`;
/** The reference of a predict item on a built-in scenario's step. */
export const predictRef = (scenario: string, step: string) => `p:${scenario}:${step}`;
/** The reference of a predict item on a generated scenario. */
export const predictGeneratedRef = (template: string, seed: number) => `pg:${template}:${seed >>> 0}`;

/**
 * Parses a reference; undefined when it is not one.
 * @example parseRef('g:duration:42') // { kind: 'generated', template: 'duration', seed: 42 }
 */
export function parseRef(ref: string): Ref | undefined {
  const m = /^(b|g|p|pg):([a-z0-9-]+)(?::([A-Za-z0-9_.@-]+))?$/.exec(ref);
  if (!m) return undefined;
  const [, kind, a, b] = m as unknown as [string, string, string, string | undefined];
  const seed = b !== undefined && /^\d{1,10}$/.test(b) ? Number(b) : undefined;
  switch (kind) {
    case 'b':
      return b === undefined ? { kind: 'bank', id: a } : undefined;
    case 'g':
      return seed === undefined ? undefined : { kind: 'generated', template: a, seed };
    case 'pg':
      return seed === undefined ? undefined : { kind: 'predict-generated', template: a, seed };
    default:
      return b === undefined ? undefined : { kind: 'predict', scenario: a, step: b };
  }
}
