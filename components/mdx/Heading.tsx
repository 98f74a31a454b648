import type { ReactNode } from 'react';

/** Props MDX passes to a heading (the id comes from its `{/*id*\/}` marker). */
interface HeadingProps {
  id?: string;
  children?: ReactNode;
}

/**
 * A note heading whose text is a link to itself, so any section can be deep-linked by
 * copying the link. The id is explicit and stable (see lib/content/remarkNotes.mjs).
 */
function makeHeading(Tag: 'h2' | 'h3') {
  function Heading({ id, children }: HeadingProps) {
    if (!id) return <Tag>{children}</Tag>;
    return (
      <Tag id={id} className="note-heading">
        <a href={`#${id}`} className="note-heading__link">
          {children}
          <span className="note-heading__hash" aria-hidden="true">
            #
          </span>
        </a>
      </Tag>
    );
  }
  Heading.displayName = Tag.toUpperCase();
  return Heading;
}

/** `##` in a note. */
export const H2 = makeHeading('h2');
/** `###` in a note. */
export const H3 = makeHeading('h3');
