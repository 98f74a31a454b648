/**
 * Makes mermaid source safe to hand to mermaid: the text comes from the engine, but names in it
 * (a RoleSessionName, a tag value, a title) are the user's. Mermaid reads `%%{init: …}%%`
 * directives anywhere in the text and front matter at its top; either can set `themeCSS`, which
 * can make the browser fetch an outside URL. Both are removed before rendering. No mermaid
 * import here, so it is cheap to test.
 */

/** A directive (`%%{ … }%%`, across lines too), or the start of one that never closes. */
const directive = /%%\s*\{[\s\S]*?\}\s*%%|%%\s*\{/g;

/**
 * Removes every mermaid directive and front-matter block; comments (`%% …`) stay harmless.
 * @param source mermaid text
 * @returns the text without directives
 * @example stripDirectives('sequenceDiagram\n  A->>B: %%{init: {"themeCSS": "x"}}%%') // 'sequenceDiagram\n  A->>B: '
 */
export function stripDirectives(source: string): string {
  let out = source.replace(/^\uFEFF?\s*---\r?\n[\s\S]*?\r?\n---\s*(\r?\n|$)/, '');
  // Removing one directive can join the halves of another ("%%{%%{x}%%…"): repeat until stable.
  for (let i = 0; i < 10; i++) {
    const next = out.replace(directive, '');
    if (next === out) break;
    out = next;
  }
  return out;
}

/**
 * Mermaid settings that no text may change (mermaid's `secure` list): security level, and every
 * key that carries CSS or fonts, which could point at another origin.
 */
export const lockedMermaidKeys = ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'maxEdges', 'suppressErrorRendering', 'theme', 'themeCSS', 'themeVariables', 'fontFamily', 'altFontFamily', 'darkMode', 'htmlLabels'] as const;
