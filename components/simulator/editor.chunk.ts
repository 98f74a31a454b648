/**
 * The editing side (the Form, the JSON tab and everything they use), loaded on demand: a plain
 * visit on a phone shows the run long before the reader reaches the editor, so it stays out of the
 * page's first load. Import this module only with `import()`.
 */
export { EditorPanel } from './EditorPanel';
