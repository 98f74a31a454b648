/**
 * CodeMirror 6 for the scenario JSON (~110 kB gzip). Only JsonEditor imports this module, with
 * `import()`, when the JSON tab is shown.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, foldKeymap, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Annotation, EditorSelection, EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
// @lezer/highlight comes with @codemirror/language (its dependency), which defines the tags.
import { tags } from '@lezer/highlight';

/** A problem to underline. */
export interface EditorProblem {
  from: number;
  to: number;
  message: string;
}

/** What the simulator can do with a mounted editor. */
export interface JsonEditorHandle {
  /** Replaces the text from outside (form, fix, import) without echoing it back as an edit. */
  setText(text: string): void;
  /** Shows these problems inline (underline, gutter marker, tooltip). */
  setProblems(problems: readonly EditorProblem[]): void;
  /** Selects a range, scrolls it into view and focuses the editor. */
  reveal(from: number, to: number): void;
  destroy(): void;
}

const External = Annotation.define<boolean>();

// Colours come from CSS variables so both themes stay readable (see simulator.css).
const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--syn-key)' },
  { tag: tags.string, color: 'var(--syn-string)' },
  { tag: tags.number, color: 'var(--syn-number)' },
  { tag: [tags.bool, tags.null], color: 'var(--syn-keyword)' },
  { tag: tags.invalid, color: 'var(--syn-invalid)' },
]);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--color-surface-raised)', color: 'var(--color-text)', fontSize: '0.875rem', height: '100%' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55' },
  '.cm-content': { caretColor: 'var(--color-text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--color-text)' },
  '.cm-gutters': { backgroundColor: 'var(--color-surface)', color: 'var(--color-muted)', borderRight: '1px solid var(--color-border)' },
  '.cm-activeLine': { backgroundColor: 'var(--sim-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--sim-active-line)', color: 'var(--color-text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--sim-selection) !important' },
  '&.cm-focused': { outline: '3px solid var(--color-focus)', outlineOffset: '-3px' },
  '.cm-tooltip': { backgroundColor: 'var(--color-surface-raised)', color: 'var(--color-text)', border: '1px solid var(--color-border)' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--sim-fail)' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--sim-fail)', textUnderlineOffset: '3px' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--color-code-bg)', color: 'var(--color-muted)', border: '1px solid var(--color-border)' },
});

/**
 * Mounts an editor.
 * @param parent element to mount into
 * @param options initial text, change callback, accessible name
 */
export function createJsonEditor(parent: HTMLElement, options: { text: string; onChange: (text: string) => void; label: string }): JsonEditorHandle {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        lineNumbers(),
        foldGutter(),
        lintGutter(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        history(),
        indentOnInput(),
        bracketMatching(),
        json(),
        syntaxHighlighting(highlight),
        EditorView.lineWrapping,
        keymap.of([...defaultKeymap, ...historyKeymap, ...foldKeymap, ...lintKeymap]),
        theme,
        // tabindex is redundant for a contenteditable, but tells checkers the scroller has focusable content.
        EditorView.contentAttributes.of({ 'aria-label': options.label, tabindex: '0' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !u.transactions.some((t) => t.annotation(External))) options.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });

  return {
    setText(text) {
      const cur = view.state.doc.toString();
      if (cur === text) return;
      // Replace only the part that changed, so the cursor and scroll position survive.
      let start = 0;
      while (start < cur.length && start < text.length && cur[start] === text[start]) start++;
      let endCur = cur.length;
      let endNew = text.length;
      while (endCur > start && endNew > start && cur[endCur - 1] === text[endNew - 1]) {
        endCur--;
        endNew--;
      }
      view.dispatch({ changes: { from: start, to: endCur, insert: text.slice(start, endNew) }, annotations: External.of(true) });
    },
    setProblems(problems) {
      const len = view.state.doc.length;
      const diagnostics: Diagnostic[] = problems.map((p) => {
        const from = Math.max(0, Math.min(p.from, len));
        return { from, to: Math.max(from, Math.min(p.to, len)), severity: 'error', message: p.message };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    reveal(from, to) {
      const len = view.state.doc.length;
      const a = Math.min(from, len);
      view.dispatch({ selection: EditorSelection.single(a, Math.min(Math.max(to, a), len)), effects: EditorView.scrollIntoView(a, { y: 'center' }) });
      view.focus();
    },
    destroy() {
      view.destroy();
    },
  };
}
