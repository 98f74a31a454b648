/**
 * The only module of the notes that imports mermaid. Loaded with `import()` by
 * MermaidDiagram when a diagram is needed, so mermaid is never part of a first load.
 */
import mermaid from 'mermaid';

let counter = 0;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Renders mermaid source to SVG markup. Renders run one at a time because mermaid's
 * configuration (the theme) is global.
 * @param source mermaid text
 * @param dark whether the page uses the dark theme
 */
export function renderMermaid(source: string, dark: boolean): Promise<string> {
  const run = async () => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: dark ? 'dark' : 'default',
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      // Wrap long messages so wide sequence diagrams are not shrunk to unreadable text.
      sequence: { useMaxWidth: true, wrap: true, width: 160, actorMargin: 30, messageMargin: 30 },
      flowchart: { useMaxWidth: true, wrappingWidth: 180 },
    });
    const { svg } = await mermaid.render(`note-diagram-${++counter}`, source);
    return svg;
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}
