/**
 * The only module that imports mermaid (~190 kB gzip). Load it with `import()` from
 * MermaidDiagram, never statically, so it stays out of every page's first load.
 */
import mermaid from 'mermaid';
import { lockedMermaidKeys, stripDirectives } from './sanitize';

let initialisedFor: string | undefined;
let counter = 0;

/**
 * Renders mermaid source to an SVG string.
 * @param source mermaid text (from lib/diagram)
 * @param theme the site's resolved colour theme
 */
export async function renderMermaid(source: string, theme: 'light' | 'dark'): Promise<string> {
  if (initialisedFor !== theme) {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      // Directives in the text cannot change these (and are stripped anyway, below).
      secure: [...lockedMermaidKeys],
      theme: theme === 'dark' ? 'dark' : 'default',
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      sequence: { useMaxWidth: true, mirrorActors: false, wrap: true, width: 170, noteMargin: 8, messageMargin: 30 },
    });
    initialisedFor = theme;
  }
  counter += 1;
  const { svg } = await mermaid.render(`sim-mermaid-${counter}`, stripDirectives(source));
  return svg;
}
