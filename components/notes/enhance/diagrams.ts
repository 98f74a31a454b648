/**
 * Draws the mermaid diagrams of a note, as plain DOM code: used by <DiagramEnhancer> (React
 * pages) and by the static bundle of the note pages (entry.ts), so there is one logic.
 */

/** The slot a <Diagram> renders: `data-source` holds the mermaid text, `data-state` where it is. */
type Canvas = HTMLElement & { dataset: { source?: string; title?: string; state?: 'idle' | 'loading' | 'ready' | 'error' } };

function isDark(): boolean {
  const forced = document.documentElement.dataset.theme;
  if (forced === 'dark') return true;
  if (forced === 'light') return false;
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

function showStatus(canvas: Canvas, text: string, live: boolean): void {
  const p = document.createElement('p');
  p.className = 'diagram__status';
  if (live) p.setAttribute('role', 'status');
  p.textContent = text;
  const box = document.createElement('div');
  box.className = 'diagram__placeholder';
  box.append(p);
  canvas.replaceChildren(box);
}

/**
 * Draws the page's diagrams lazily: each one when it comes near the viewport or when the reader
 * presses its "Draw the diagram" button, and again when the theme changes. mermaid itself is
 * loaded with `import()` the first time a diagram is needed. The diagrams live in static HTML
 * (the note body is never hydrated), so this works on the DOM directly.
 * @returns a function that stops watching (pending drawings are dropped)
 */
export function enhanceDiagrams(): () => void {
  const canvases = [...document.querySelectorAll<Canvas>('.diagram__canvas[data-source]')];
  if (!canvases.length) return () => undefined;
  let disposed = false;
  let themeDark = isDark();

  const draw = (canvas: Canvas, redraw = false) => {
    const state = canvas.dataset.state;
    if (!redraw && state !== 'idle' && state !== 'error') return;
    if (redraw && state !== 'ready') return;
    canvas.dataset.state = 'loading';
    // Say "Drawing…" only if it takes a moment, to avoid a flash.
    const slow = window.setTimeout(() => !disposed && !redraw && showStatus(canvas, 'Drawing the diagram…', true), 300);
    // The site's one mermaid wrapper (shared with the simulator), loaded on first use.
    import('@/components/diagram/mermaid.chunk')
      .then(({ renderMermaid }) => renderMermaid(canvas.dataset.source ?? '', themeDark ? 'dark' : 'light'))
      .then((svg) => {
        if (disposed) return;
        const figure = document.createElement('div');
        figure.className = 'diagram__svg';
        figure.setAttribute('role', 'img');
        // Focusable, so keyboards can scroll a wide diagram on a phone.
        figure.tabIndex = 0;
        figure.setAttribute('aria-label', `Diagram: ${canvas.dataset.title ?? ''}. The text below describes it.`);
        figure.innerHTML = svg;
        canvas.replaceChildren(figure);
        canvas.dataset.state = 'ready';
      })
      .catch((e: unknown) => {
        if (disposed) return;
        canvas.dataset.state = 'error';
        showStatus(canvas, `The diagram could not be drawn (${e instanceof Error ? e.message : String(e)}). The text below describes it in full.`, false);
      })
      .finally(() => window.clearTimeout(slow));
  };

  const observer =
    typeof IntersectionObserver === 'undefined'
      ? undefined
      : new IntersectionObserver(
          (entries) => {
            for (const e of entries) {
              if (!e.isIntersecting) continue;
              observer?.unobserve(e.target);
              draw(e.target as Canvas);
            }
          },
          { rootMargin: '200px 0px' },
        );
  canvases.forEach((c) => observer?.observe(c));

  const onClick = (event: MouseEvent) => {
    const button = (event.target as Element | null)?.closest?.('.diagram__draw');
    const canvas = button?.closest<Canvas>('.diagram__canvas[data-source]');
    if (!canvas) return;
    observer?.unobserve(canvas);
    draw(canvas);
  };
  document.addEventListener('click', onClick);
  canvases.forEach((c) => c.querySelector('.diagram__draw')?.removeAttribute('disabled'));

  const onTheme = () => {
    const dark = isDark();
    if (dark === themeDark) return;
    themeDark = dark;
    canvases.forEach((c) => draw(c, true));
  };
  const themeObserver = new MutationObserver(onTheme);
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', onTheme);

  return () => {
    disposed = true;
    observer?.disconnect();
    themeObserver.disconnect();
    media.removeEventListener('change', onTheme);
    document.removeEventListener('click', onClick);
  };
}
