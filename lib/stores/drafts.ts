/**
 * "My scenarios": the scenarios the user owns, kept in localStorage under a versioned key so
 * that neither a reload, a second tab, nor a broken JSON text loses what they typed. Built-in
 * scenarios are never stored: editing one makes a copy here. No React, no zustand: the
 * scenario store calls these.
 *
 * Nothing here is ever evicted to make room; when storage is full the write fails and says
 * so (the caller shows it), and the user's text stays in memory.
 */

/** What the simulator has open: a built-in scenario (read-only, fetched) or one of "My scenarios". */
export type ScenarioSource = { kind: 'builtin'; id: string } | { kind: 'mine'; id: string };

/** Where one of "My scenarios" came from. */
export type Origin =
  | { kind: 'builtin'; id: string }
  | { kind: 'shared'; fingerprint: string }
  | { kind: 'file'; name: string }
  | { kind: 'template'; id: string }
  | { kind: 'copy'; of: string };

/** One of "My scenarios". */
export interface MyScenario {
  /** Stable id (the key in `DraftFile.mine`). */
  id: string;
  /** The name shown in the list; the user can rename it. */
  name: string;
  /** Where it came from. */
  origin: Origin;
  /** The text as it was created, for "Revert". */
  original: string;
  /** The text as the user left it (may be invalid JSON). */
  text: string;
  /** The last text that ran and rendered without failing, for "Back to the last working version". */
  good?: string;
  /**
   * Text that made the page fail, set aside so it is never restored automatically; offered for
   * copying, downloading or opening anyway.
   */
  held?: string;
  /** Epoch ms of creation. */
  createdAt: number;
  /** Epoch ms of the last change; the newest change wins when two tabs edit the same scenario. */
  savedAt: number;
}

/** The stored document. */
export interface DraftFile {
  version: 2;
  /** What was open last, for a plain /simulator/ visit. */
  last?: ScenarioSource;
  /** My scenarios by id. */
  mine: Record<string, MyScenario>;
}

/** The storage key; bump the suffix and add a migration when the shape changes. */
export const DRAFTS_KEY = 'sts-simulator:drafts:v1';
/**
 * Set while a stored text is being opened and cleared once it rendered: if it is still set on
 * the next visit, that text made the page fail, and it is not restored automatically.
 */
export const OPENING_KEY = 'sts-simulator:opening';

/** The part of Web Storage the drafts need (tests pass a fake). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** How a write went. */
export type WriteResult = { ok: true } | { ok: false; reason: 'full' | 'unavailable' };

/** The key of a source, for comparing and for the "opening" marker: `builtin:x`, `mine:m1`. */
export function sourceKey(s: ScenarioSource): string {
  return `${s.kind}:${s.id}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

function isOrigin(v: unknown): v is Origin {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case 'builtin':
    case 'template':
      return isString(v.id);
    case 'shared':
      return isString(v.fingerprint);
    case 'file':
      return isString(v.name);
    case 'copy':
      return isString(v.of);
    default:
      return false;
  }
}

function isSource(v: unknown): v is ScenarioSource {
  return isObject(v) && (v.kind === 'builtin' || v.kind === 'mine') && isString(v.id);
}

/** The scenario title in a text, if it parses and has one. */
export function titleIn(text: string): string | undefined {
  try {
    const doc: unknown = JSON.parse(text);
    return isObject(doc) && isString(doc.title) && doc.title.trim() ? doc.title.trim() : undefined;
  } catch {
    return undefined;
  }
}

function readScenario(id: string, d: unknown): MyScenario | undefined {
  if (!isObject(d) || !isOrigin(d.origin) || !isString(d.text) || !isString(d.original) || typeof d.savedAt !== 'number') return undefined;
  return {
    id,
    name: isString(d.name) && d.name.trim() ? d.name : (titleIn(d.text) ?? 'Untitled scenario'),
    origin: d.origin,
    original: d.original,
    text: d.text,
    ...(isString(d.good) ? { good: d.good } : {}),
    ...(isString(d.held) ? { held: d.held } : {}),
    createdAt: typeof d.createdAt === 'number' ? d.createdAt : d.savedAt,
    savedAt: d.savedAt,
  };
}

/** A version-1 draft's source (before "My scenarios"). */
function originOfV1(source: unknown): Origin | undefined {
  if (!isObject(source)) return undefined;
  if ((source.kind === 'builtin' || source.kind === 'template') && isString(source.id)) return { kind: source.kind, id: source.id };
  if (source.kind === 'shared' && isString(source.key)) return { kind: 'shared', fingerprint: source.key };
  if (source.kind === 'file' && isString(source.name)) return { kind: 'file', name: source.name };
  return undefined;
}

/**
 * Upgrades whatever is stored to the current shape, dropping only what cannot be read.
 * Version 1 kept a draft per source, built-ins included; an edited draft becomes one of
 * "My scenarios", an unedited draft of a built-in is dropped (the built-in is the same).
 * @example migrateDrafts(JSON.parse(raw)).mine
 */
export function migrateDrafts(raw: unknown): DraftFile {
  const empty: DraftFile = { version: 2, mine: {} };
  if (!isObject(raw)) return empty;
  if (raw.version === 2 && isObject(raw.mine)) {
    const mine: Record<string, MyScenario> = {};
    for (const [k, d] of Object.entries(raw.mine)) {
      const s = readScenario(k, d);
      if (s) mine[k] = s;
    }
    const last = isSource(raw.last) && (raw.last.kind === 'builtin' || mine[raw.last.id]) ? raw.last : undefined;
    return { version: 2, ...(last ? { last } : {}), mine };
  }
  if (raw.version === 1 && isObject(raw.drafts)) {
    const mine: Record<string, MyScenario> = {};
    let last: ScenarioSource | undefined;
    let n = 0;
    for (const [k, d] of Object.entries(raw.drafts)) {
      if (!isObject(d) || !isString(d.text) || !isString(d.original) || typeof d.savedAt !== 'number') continue;
      const origin = originOfV1(d.source);
      if (!origin) continue;
      if (origin.kind === 'builtin' && d.text === d.original) {
        if (raw.last === k) last = { kind: 'builtin', id: origin.id };
        continue;
      }
      const id = `v1-${(n += 1)}`;
      mine[id] = { id, name: titleIn(d.text) ?? titleIn(d.original) ?? 'Untitled scenario', origin, original: d.original, text: d.text, createdAt: d.savedAt, savedAt: d.savedAt };
      if (raw.last === k) last = { kind: 'mine', id };
    }
    return { version: 2, ...(last ? { last } : {}), mine };
  }
  return empty;
}

/** Reads the drafts (an empty file when storage is missing, full of junk, or refuses). */
export function readDrafts(storage: DraftStorage | null | undefined): DraftFile {
  if (!storage) return { version: 2, mine: {} };
  try {
    const raw = storage.getItem(DRAFTS_KEY);
    return raw ? migrateDrafts(JSON.parse(raw)) : { version: 2, mine: {} };
  } catch {
    return { version: 2, mine: {} };
  }
}

/** True for the errors browsers throw when a write does not fit. */
function isQuotaError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/**
 * Writes the whole file. Nothing is dropped to make room: a full storage is reported.
 * @returns whether it was stored, and why not
 */
export function writeDrafts(storage: DraftStorage | null | undefined, file: DraftFile): WriteResult {
  if (!storage) return { ok: false, reason: 'unavailable' };
  try {
    storage.setItem(DRAFTS_KEY, JSON.stringify(file));
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: isQuotaError(e) ? 'full' : 'unavailable' };
  }
}

/**
 * Changes the stored file with a fresh read first, so what another tab stored meanwhile (other
 * scenarios, renames, deletions) is kept: per-scenario merge, not last-writer-wins of the blob.
 * @param change edits the freshly read file in place
 */
export function updateDrafts(storage: DraftStorage | null | undefined, change: (file: DraftFile) => void): WriteResult {
  const file = readDrafts(storage);
  change(file);
  return writeDrafts(storage, file);
}

/** Reads a plain string key, or undefined when missing or refused. */
export function readKey(storage: DraftStorage | null | undefined, key: string): string | undefined {
  try {
    return storage?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Sets (or with undefined removes) a plain string key; failures are ignored. */
export function writeKey(storage: DraftStorage | null | undefined, key: string, value: string | undefined): void {
  try {
    if (value === undefined) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // Storage blocked: the marker is a safeguard only.
  }
}

/**
 * A new id that is not in use yet.
 * @param now epoch ms (ids sort by creation)
 * @example newId(file, 1700000000000) // 'm1lofa8w00'
 */
export function newId(file: DraftFile, now: number): string {
  const base = `m${Math.max(0, Math.floor(now)).toString(36)}`;
  for (let i = 0; ; i++) {
    const id = `${base}${i.toString(36)}`;
    if (!file.mine[id]) return id;
  }
}

/** My scenarios, newest change first. */
export function listMine(file: DraftFile): MyScenario[] {
  return Object.values(file.mine).sort((a, b) => b.savedAt - a.savedAt || a.id.localeCompare(b.id));
}
