/**
 * Headings that teaching components render themselves (so every note spells them the same
 * way). Pure data: imported by the components that render them and by the note loader
 * that lists them in the table of contents.
 */

/** A heading a component renders. */
export interface ComponentHeading {
  /** Its stable id. */
  id: string;
  /** Its text. */
  text: string;
}

/** MDX component name → the `##` heading it renders. */
export const componentHeadings = {
  Objectives: { id: 'what-you-will-learn', text: 'What you will learn' },
  Recap: { id: 'recap', text: 'Recap' },
  Related: { id: 'related-notes', text: 'Related notes' },
} as const satisfies Record<string, ComponentHeading>;

/** A component that renders its own heading. */
export type HeadingComponent = keyof typeof componentHeadings;

/** True when `name` is a component that renders its own heading. */
export function isHeadingComponent(name: string | null | undefined): name is HeadingComponent {
  return typeof name === 'string' && Object.hasOwn(componentHeadings, name);
}
