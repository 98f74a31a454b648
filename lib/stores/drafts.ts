/**
 * Drafts of scenarios the user edited, kept in localStorage under a versioned key so that
 * neither a reload nor a broken JSON text loses what they typed. No React, no zustand: the
 * scenario store calls these.
 */

/** Where a scenario in the simulator came from. */
export type ScenarioSource =
  | { kind: 'builtin'; id: string }
  | { kind: 'shared'; key: string }
  | { kind: 'file'; name: string }
  | { kind: 'template'; id: string };

/** One saved draft. */
export interface Draft {
  source: ScenarioSource;
  /** The text as it was opened, for "Revert". */
  original: string;
  /** The text as the user left it. */
  text: string;
  /** Epoch ms of the last save. */
  savedAt: number;
}

/** The stored document. */
export interface DraftFile {
  version: 1;
  /** Key of the draft worked on last. */
  last?: string;
  drafts: Record<string, Draft>;
}

/** The storage key; bump the suffix and add a migration when the shape changes. */
export const DRAFTS_KEY = 'sts-simulator:drafts:v1';
/** Drafts kept at most (the oldest go first). */
export const MAX_DRAFTS = 12;

/** The part of Web Storage the drafts need (tests pass a fake). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The draft key of a source: `builtin:cross-account-mfa`, `shared:1a2b3c4d`, … */
export function sourceKey(s: ScenarioSource): string {
  switch (s.kind) {
    case 'builtin':
      return `builtin:${s.id}`;
    case 'shared':
      return `shared:${s.key}`;
    case 'file':
      return `file:${s.name}`;
    case 'template':
      return `template:${s.id}`;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function isSource(v: unknown): v is ScenarioSource {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case 'builtin':
    case 'template':
      return typeof v.id === 'string';
    case 'shared':
      return typeof v.key === 'string';
    case 'file':
      return typeof v.name === 'string';
    default:
      return false;
  }
}

/**
 * Upgrades whatever is stored to the current shape, dropping what cannot be read.
 * @example migrateDrafts(JSON.parse(raw)).drafts
 */
export function migrateDrafts(raw: unknown): DraftFile {
  const empty: DraftFile = { version: 1, drafts: {} };
  if (!isObject(raw) || raw.version !== 1 || !isObject(raw.drafts)) return empty;
  const drafts: Record<string, Draft> = {};
  for (const [k, d] of Object.entries(raw.drafts)) {
    if (isObject(d) && isSource(d.source) && typeof d.text === 'string' && typeof d.original === 'string' && typeof d.savedAt === 'number')
      drafts[k] = { source: d.source, original: d.original, text: d.text, savedAt: d.savedAt };
  }
  return { version: 1, ...(typeof raw.last === 'string' && drafts[raw.last] ? { last: raw.last } : {}), drafts };
}

/** Reads the drafts (an empty file when storage is missing, full of junk, or refuses). */
export function readDrafts(storage: DraftStorage | null | undefined): DraftFile {
  if (!storage) return { version: 1, drafts: {} };
  try {
    const raw = storage.getItem(DRAFTS_KEY);
    return raw ? migrateDrafts(JSON.parse(raw)) : { version: 1, drafts: {} };
  } catch {
    return { version: 1, drafts: {} };
  }
}

/** Writes the drafts, keeping the newest MAX_DRAFTS; a full or blocked storage is ignored. */
export function writeDrafts(storage: DraftStorage | null | undefined, file: DraftFile): void {
  if (!storage) return;
  const keep = Object.entries(file.drafts)
    .sort((a, b) => b[1].savedAt - a[1].savedAt)
    .slice(0, MAX_DRAFTS);
  const drafts = Object.fromEntries(keep);
  const out: DraftFile = { version: 1, ...(file.last && drafts[file.last] ? { last: file.last } : {}), drafts };
  try {
    storage.setItem(DRAFTS_KEY, JSON.stringify(out));
  } catch {
    // Quota exceeded or storage disabled: the draft lives on in memory only.
  }
}
