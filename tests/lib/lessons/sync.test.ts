import { describe, expect, it, vi } from 'vitest';
import { channelName, createPublisher, parseSyncMessage, subscribe, type BroadcastChannelLike, type SyncEnv, type SyncState } from '@/lib/lessons/sync';

/** BroadcastChannel stand-in: channels of one name deliver to each other, never to themselves. */
function fakeBroadcast() {
  const open = new Set<FakeChannel>();
  class FakeChannel implements BroadcastChannelLike {
    onmessage: ((ev: { data: unknown }) => void) | null = null;
    constructor(readonly name: string) {
      open.add(this);
    }
    postMessage(data: unknown) {
      for (const c of open) if (c !== this && c.name === this.name) c.onmessage?.({ data: structuredClone(data) });
    }
    close() {
      open.delete(this);
    }
  }
  return FakeChannel;
}

/** localStorage stand-in whose writes raise `storage` events in the other "windows". */
function fakeStorage() {
  const data = new Map<string, string>();
  const listeners = new Set<(k: string | null, v: string | null) => void>();
  return {
    storage: { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => (data.set(k, v), listeners.forEach((l) => l(k, v))) },
    onStorage: (l: (k: string | null, v: string | null) => void) => (listeners.add(l), () => listeners.delete(l)),
  };
}

const state = (slide: number, reveal = 0): SyncState => ({ lesson: 'builtin:x', slide, reveal, blank: false, contrast: false, scale: 1 });

describe('audience sync', () => {
  it('over BroadcastChannel: the audience follows every move, in order', () => {
    const env: SyncEnv = { BroadcastChannel: fakeBroadcast() };
    const seen: SyncState[] = [];
    const stop = subscribe('main', env, (s) => seen.push(s));
    const pub = createPublisher('main', env, 'p1');
    pub.publish(state(0));
    pub.publish(state(1, 2));
    expect(seen).toEqual([state(0), state(1, 2)]);
    stop();
    pub.publish(state(2));
    expect(seen).toHaveLength(2);
  });

  it('without BroadcastChannel: the storage event carries the state', () => {
    const { storage, onStorage } = fakeStorage();
    const seen: number[] = [];
    subscribe('main', { storage, onStorage }, (s) => seen.push(s.slide));
    const pub = createPublisher('main', { storage, onStorage }, 'p1');
    pub.publish(state(3));
    pub.publish(state(4));
    expect(seen).toEqual([3, 4]);
  });

  it('a window opened later starts from the last stored state', () => {
    const { storage, onStorage } = fakeStorage();
    createPublisher('main', { storage }, 'p1').publish(state(5, 1));
    const onState = vi.fn();
    subscribe('main', { storage, onStorage }, onState);
    expect(onState).toHaveBeenCalledWith(state(5, 1));
  });

  it('with both transports, each message is applied once; stale and foreign ones are dropped', () => {
    const { storage, onStorage } = fakeStorage();
    const env: SyncEnv = { BroadcastChannel: fakeBroadcast(), storage, onStorage };
    const seen: number[] = [];
    subscribe('main', env, (s) => seen.push(s.slide));
    const pub = createPublisher('main', env, 'p1');
    pub.publish(state(1));
    pub.publish(state(2));
    // A replayed old message from the same presenter is ignored…
    onStorage(() => undefined);
    storage.setItem(channelName('main'), JSON.stringify({ type: 'sts-classroom/state@1', from: 'p1', seq: 1, state: state(9) }));
    // …a reloaded presenter (new id) is followed…
    createPublisher('main', env, 'p2').publish(state(7));
    // …another room is not heard, and junk is ignored.
    createPublisher('other', env, 'p3').publish(state(8));
    storage.setItem(channelName('main'), '{not json');
    expect(seen).toEqual([1, 2, 7]);
  });

  it('rejects malformed messages', () => {
    expect(parseSyncMessage({ type: 'sts-classroom/state@1', from: 'p', seq: 1, state: { ...state(1), slide: '2' } })).toBeUndefined();
    expect(parseSyncMessage(null)).toBeUndefined();
    expect(parseSyncMessage({ type: 'other', from: 'p', seq: 1, state: state(1) })).toBeUndefined();
    expect(parseSyncMessage(JSON.stringify({ type: 'sts-classroom/state@1', from: 'p', seq: 1, state: state(1) }))?.state).toEqual(state(1));
  });
});
