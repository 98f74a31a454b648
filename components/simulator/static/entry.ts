/**
 * The only script a /simulator/ page loaded from the server runs at first (scripts/static-notes.mjs
 * bundles it and puts it in place of the Next.js runtime, issue #16). The page's HTML already
 * shows the default scenario's build-time run; React and the simulator load when they are wanted,
 * and then hydrate just the island (./mount.tsx), keeping every DOM node:
 * - at once, when the address or this browser opens another scenario (the preview is hidden), or
 *   when the reader chose "Hide outcomes until played" (the build-time outcomes must go);
 * - on the reader's first press, key, focus, touch or file drag;
 * - when the Edit section comes within 800 px of the viewport (at once on a wide screen).
 * Until then, a press inside the island (a button, a checkbox) is held and replayed on the same
 * element once the island is live, and so are keys, a choice in a list (the speed) and a dropped
 * file, so nothing the reader does first is lost. Import file opens its chooser at once (a browser
 * allows that only shortly after the press) and the chosen file is held. The header's theme switch runs the same DOM code as on the static note pages.
 */
import { enhanceThemeToggle } from '@/components/layout/enhanceThemeToggle';
import { HIDE_OUTCOMES_KEY, SIMULATOR_ISLAND_ID } from '@/lib/simulator/defaultScenario';

/** An input that reached the island before React did, to replay on the same element. */
type Held =
  | { kind: 'click'; target: Element }
  | { kind: 'key'; target: Element; init: KeyboardEventInit }
  | { kind: 'change'; target: HTMLSelectElement; value: string }
  | { kind: 'file'; target: HTMLInputElement; files: File[] }
  | { kind: 'drop'; target: Element; files: File[] };

/** The events that mean the reader has started using the page (the simulator's own list, plus touch and drag). */
const starters = ['pointerdown', 'keydown', 'focusin', 'touchstart', 'dragenter'] as const;

/** How near the viewport the Edit section must come for the island to start (as useNearViewport). */
const NEAR = '800px 0px';

/** True when the reader chose "Hide outcomes until played" in this browser. */
function hidesOutcomes(): boolean {
  try {
    return localStorage.getItem(HIDE_OUTCOMES_KEY) === '1';
  } catch {
    return false;
  }
}

/** The element itself, or for an SVG icon inside a button the nearest HTML element around it (SVG has no click()). */
function htmlElementAt(target: Element): HTMLElement | null {
  let el: Element | null = target;
  while (el && !(el instanceof HTMLElement)) el = el.parentElement;
  return el;
}

function run(): void {
  document.querySelectorAll<HTMLElement>('.theme-toggle').forEach((group) => enhanceThemeToggle(group));
  const island = document.getElementById(SIMULATOR_ISLAND_ID);
  if (!island) return;

  const held: Held[] = [];
  let interacted = false;
  let started = false;
  let live = false;
  const inIsland = (t: EventTarget | null): t is Element => t instanceof Element && island.contains(t);

  // Until the island is live: hold what would otherwise do nothing (React is not listening yet).
  const onClick = (e: MouseEvent) => {
    if (live || !inIsland(e.target) || e.target.closest('a[href]')) return;
    // A file input opens only within a few seconds of the press: open it now (its choice is held).
    if (e.target instanceof HTMLInputElement && e.target.type === 'file') return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const opens = e.target.closest<HTMLElement>('[data-file-input]')?.dataset.fileInput;
    const input = opens ? document.getElementById(opens) : null;
    if (input instanceof HTMLInputElement && input.type === 'file') input.click();
    else held.push({ kind: 'click', target: e.target });
    // A click can come alone (a screen reader's activation, voice control): it starts React too.
    onStarter();
  };
  const onKey = (e: KeyboardEvent) => {
    if (live || e.isComposing || ['Tab', 'Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) return;
    const target = inIsland(e.target) ? e.target : document.body;
    // Once React listens (it may before the scenario is open) it must see only the replay.
    e.stopImmediatePropagation();
    const { key, code, altKey, ctrlKey, metaKey, shiftKey, repeat } = e;
    held.push({ kind: 'key', target, init: { key, code, altKey, ctrlKey, metaKey, shiftKey, repeat } });
    onStarter(); // (the starter listener comes after this one and no longer sees the key)
  };
  // A choice in a <select> (the speed) changes the DOM at once; React is told once it listens.
  const onChange = (e: Event) => {
    if (live || !inIsland(e.target)) return;
    if (e.target instanceof HTMLSelectElement) held.push({ kind: 'change', target: e.target, value: e.target.value });
    else if (e.target instanceof HTMLInputElement && e.target.type === 'file') held.push({ kind: 'file', target: e.target, files: [...(e.target.files ?? [])] });
    else return;
    e.stopImmediatePropagation();
  };
  const onDragOver = (e: DragEvent) => {
    // Without this, a file dropped before the island is live would replace the page.
    if (!live && inIsland(e.target) && e.dataTransfer?.types.includes('Files')) e.preventDefault();
  };
  const onDrop = (e: DragEvent) => {
    if (live || !inIsland(e.target) || !e.dataTransfer?.files.length) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    held.push({ kind: 'drop', target: e.target, files: [...e.dataTransfer.files] });
  };
  const holding: [string, EventListener][] = [
    ['click', onClick as EventListener],
    ['keydown', onKey as EventListener],
    ['change', onChange],
    ['dragover', onDragOver as EventListener],
    ['drop', onDrop as EventListener],
  ];
  for (const [type, fn] of holding) window.addEventListener(type, fn, { capture: true });

  const replay = () => {
    if (live) return;
    live = true;
    for (const [type, fn] of holding) window.removeEventListener(type, fn, { capture: true });
    for (const h of held.splice(0)) {
      if (!h.target.isConnected) continue;
      if (h.kind === 'click') htmlElementAt(h.target)?.click();
      else if (h.kind === 'key') h.target.dispatchEvent(new KeyboardEvent('keydown', { ...h.init, bubbles: true, cancelable: true }));
      else if (h.kind === 'file') {
        const data = new DataTransfer();
        h.files.forEach((f) => data.items.add(f));
        h.target.files = data.files;
        h.target.dispatchEvent(new Event('change', { bubbles: true }));
      } else if (h.kind === 'change') {
        // Hydration sets a controlled <select> back to React's value: choose again, then say so.
        h.target.value = h.value;
        h.target.dispatchEvent(new Event('change', { bubbles: true }));
      } else {
        const data = new DataTransfer();
        h.files.forEach((f) => data.items.add(f));
        h.target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    }
  };

  const edit = island.querySelector('.sim-edit');
  const io =
    edit && typeof IntersectionObserver !== 'undefined'
      ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), { rootMargin: NEAR })
      : undefined;
  const start = () => {
    if (started) return;
    started = true;
    io?.disconnect();
    for (const type of starters) window.removeEventListener(type, onStarter, { capture: true });
    import('./mount')
      .then((m) => m.mountSimulator(island, { interacted, onLive: replay }))
      .catch((error: unknown) => {
        // The chunk did not load (offline on a first visit, a deploy in between): say so, keep the run readable.
        console.error(error);
        replay();
        const note = document.createElement('p');
        note.className = 'notice notice--error';
        note.setAttribute('role', 'alert');
        note.textContent = 'The simulator could not load its code (are you offline?). The run below is the one built with the site; reload the page to use the simulator.';
        island.prepend(note);
      });
  };
  function onStarter() {
    interacted = true;
    start();
  }

  if (document.documentElement.classList.contains('sim-no-preview') || hidesOutcomes() || !edit || !io) return start();
  for (const type of starters) window.addEventListener(type, onStarter, { capture: true, passive: true });
  io.observe(edit);
}

// A module script runs after parsing, so the document is usually ready already.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
else run();
