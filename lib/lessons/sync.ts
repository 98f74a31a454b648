/**
 * Keeping an audience window in step with the presenter's: two windows of one browser, no
 * server. Messages go over a BroadcastChannel; where there is none, over localStorage's
 * `storage` event. The presenter also leaves the last state in localStorage, so an
 * audience window opened later (or reloaded) starts on the right slide.
 */

/** The slide and reveal state the audience mirrors. Never holds presenter notes. */
export interface SyncState {
  /** `builtin:<id>` or `link:<encoded lesson>`. */
  lesson: string;
  /** Slide index from 0. */
  slide: number;
  /** Reveal value of that slide. */
  reveal: number;
  /** The screen is blanked. */
  blank: boolean;
  /** High-contrast theme. */
  contrast: boolean;
  /** Type scale, 1 = default. */
  scale: number;
}

/** One message on the wire. */
export interface SyncMessage {
  /** Message kind and version. */
  type: 'sts-classroom/state@1';
  /** The presenter window's random id (a reload starts a new sequence). */
  from: string;
  /** Increases with every message from one presenter window. */
  seq: number;
  /** The state. */
  state: SyncState;
}

/** Browser capabilities, injected so tests can stand in for them. */
export interface SyncEnv {
  /** `globalThis.BroadcastChannel`, if the browser has it. */
  BroadcastChannel?: { new (name: string): BroadcastChannelLike };
  /** `localStorage`, if usable. */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** Subscribes to `storage` events of other windows. */
  onStorage?: (listener: (key: string | null, value: string | null) => void) => () => void;
}

/** The part of BroadcastChannel this module uses. */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

/**
 * The channel and storage key of a room.
 * @param room room name
 * @returns the name used for both
 * @example channelName('main') // 'sts-classroom:main'
 */
export const channelName = (room: string): string => `sts-classroom:${room}`;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Checks a message from another window; anything malformed is ignored, not trusted.
 * @param data the received value (object, or JSON text from storage)
 * @returns the message, or undefined
 * @example parseSyncMessage(JSON.parse(localStorage.getItem(key)))
 */
export function parseSyncMessage(data: unknown): SyncMessage | undefined {
  let v = data;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return undefined;
    }
  }
  if (!v || typeof v !== 'object') return undefined;
  const m = v as Partial<SyncMessage>;
  const s = m.state as Partial<SyncState> | undefined;
  if (m.type !== 'sts-classroom/state@1' || typeof m.from !== 'string' || !isNum(m.seq) || !s) return undefined;
  if (typeof s.lesson !== 'string' || !isNum(s.slide) || !isNum(s.reveal) || typeof s.blank !== 'boolean' || typeof s.contrast !== 'boolean' || !isNum(s.scale)) return undefined;
  return { type: m.type, from: m.from, seq: m.seq, state: { lesson: s.lesson, slide: s.slide, reveal: s.reveal, blank: s.blank, contrast: s.contrast, scale: s.scale } };
}

/** The presenter's side. */
export interface SyncPublisher {
  /** Sends the state to every audience window and leaves it for late joiners. */
  publish(state: SyncState): void;
  /** Stops. */
  close(): void;
}

/**
 * Opens the presenter's side of a room.
 * @param room room name
 * @param env browser capabilities
 * @param from this window's id
 * @returns the publisher
 * @example createPublisher('main', browserSyncEnv(), crypto.randomUUID()).publish(state)
 */
export function createPublisher(room: string, env: SyncEnv, from: string): SyncPublisher {
  const channel = env.BroadcastChannel ? new env.BroadcastChannel(channelName(room)) : undefined;
  let seq = 0;
  return {
    publish(state) {
      const msg: SyncMessage = { type: 'sts-classroom/state@1', from, seq: ++seq, state };
      channel?.postMessage(msg);
      try {
        env.storage?.setItem(channelName(room), JSON.stringify(msg));
      } catch {
        // Storage full or blocked: the channel still carries the message.
      }
    },
    close() {
      channel?.close();
    },
  };
}

/**
 * Opens an audience window's side of a room: calls `onState` with the last stored state at
 * once, then with every newer one (duplicates and stale messages are dropped).
 * @param room room name
 * @param env browser capabilities
 * @param onState receives each new state
 * @returns a function that stops listening
 * @example const stop = subscribe('main', browserSyncEnv(), (s) => show(s))
 */
export function subscribe(room: string, env: SyncEnv, onState: (state: SyncState) => void): () => void {
  let last: { from: string; seq: number } | undefined;
  const accept = (data: unknown) => {
    const msg = parseSyncMessage(data);
    if (!msg) return;
    if (last && last.from === msg.from && msg.seq <= last.seq) return;
    last = { from: msg.from, seq: msg.seq };
    onState(msg.state);
  };
  try {
    accept(env.storage?.getItem(channelName(room)) ?? null);
  } catch {
    // No stored state yet.
  }
  const channel = env.BroadcastChannel ? new env.BroadcastChannel(channelName(room)) : undefined;
  if (channel) channel.onmessage = (ev) => accept(ev.data);
  const stopStorage = env.onStorage?.((key, value) => {
    if (key === channelName(room)) accept(value);
  });
  return () => {
    if (channel) {
      channel.onmessage = null;
      channel.close();
    }
    stopStorage?.();
  };
}

/**
 * The real browser's capabilities (call only in the browser).
 * @returns BroadcastChannel when present, localStorage and its storage event
 * @example subscribe('main', browserSyncEnv(), show)
 */
export function browserSyncEnv(): SyncEnv {
  let storage: SyncEnv['storage'];
  try {
    storage = window.localStorage;
  } catch {
    storage = undefined;
  }
  return {
    ...(typeof BroadcastChannel === 'function' ? { BroadcastChannel: BroadcastChannel as unknown as NonNullable<SyncEnv['BroadcastChannel']> } : {}),
    ...(storage ? { storage } : {}),
    onStorage(listener) {
      const h = (e: StorageEvent) => listener(e.key, e.newValue);
      window.addEventListener('storage', h);
      return () => window.removeEventListener('storage', h);
    },
  };
}
