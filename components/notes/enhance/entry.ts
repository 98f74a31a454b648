/**
 * The only script of a statically loaded notes page (scripts/static-notes.mjs bundles it and
 * puts it in place of the Next.js runtime): it brings the page's few interactive parts to life
 * with the same DOM code the React components call, so a note page never starts React.
 * search.chunk and mermaid stay lazy chunks, fetched on first use.
 */
import { enhanceThemeToggle } from '@/components/layout/enhanceThemeToggle';
import { enhanceDiagrams } from './diagrams';
import { enhancePrint } from './print';
import { enhanceNoteSearch } from './search';

function start(): void {
  document.querySelectorAll<HTMLElement>('.theme-toggle').forEach((group) => enhanceThemeToggle(group));
  document.querySelectorAll<HTMLElement>('.note-search').forEach((root) => enhanceNoteSearch(root));
  enhancePrint();
  enhanceDiagrams();
}

// A module script runs after parsing, so the document is usually ready already.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
