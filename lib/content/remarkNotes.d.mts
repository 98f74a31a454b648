/** Types for remarkNotes.mjs (see that file). */
import type { Root } from 'mdast';

/** A `##` or `###` heading of a note, with its explicit id. */
export interface NoteHeading {
  /** 2 for `##`, 3 for `###`. */
  depth: 2 | 3;
  /** The explicit, stable id from `{/*id*\/}`. */
  id: string;
  /** The heading's plain text. */
  text: string;
}

/** Kebab-case, the only shape a heading id may have. */
export declare const headingIdPattern: RegExp;
/** Plain text of an mdast node. */
export declare function toPlainText(node: unknown): string;
/** Sets explicit ids on `##`/`###` headings; lists them and any problems. */
export declare function applyHeadingIds(tree: Root): { headings: NoteHeading[]; problems: string[] };
/** Turns pipe-table paragraphs into table nodes; returns how many. */
export declare function applyPipeTables(tree: Root): number;
/** The remark plugin used by the MDX loader. */
export default function remarkNotes(): (tree: Root, file: { fail(message: string): never }) => void;
