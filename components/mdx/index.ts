/**
 * The study notes' teaching vocabulary, registered in one map. mdx-components.tsx re-exports
 * it, so every note can use these names without importing anything (notes never import code).
 */
import type { MDXComponents } from 'mdx/types';
import { DeepDive, ExamTip, Objectives, Pitfall, Recap } from './Callouts';
import { Diagram } from './Diagram';
import { A, Pre, Table } from './Elements';
import { H2, H3 } from './Heading';
import { Limit } from './Limit';
import { Related } from './Related';
import { Scenario } from './Scenario';

/** Components a note may use by name. */
export const noteComponents = {
  Objectives,
  Pitfall,
  ExamTip,
  DeepDive,
  Recap,
  Related,
  Scenario,
  Limit,
  Diagram,
} as const;

/** The names a note may use; the content tests reject any other JSX element. */
export const noteComponentNames = Object.keys(noteComponents) as (keyof typeof noteComponents)[];

/** Markdown elements rendered by our components (headings with stable ids, scrollable tables and code). */
export const markdownComponents = {
  h2: H2,
  h3: H3,
  table: Table,
  pre: Pre,
  a: A,
} satisfies MDXComponents;

/** Everything MDX needs. */
export const mdxComponents: MDXComponents = { ...markdownComponents, ...noteComponents };
