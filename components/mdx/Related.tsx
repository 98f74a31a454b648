import { componentHeadings } from '@/lib/content/noteHeadings';
import { loadNote } from '@/lib/content/notes';
import { withBase } from '@/lib/content/basePath';

/**
 * "Related notes": links to other notes with their one-line descriptions.
 * @example <Related notes="trust-policies external-id" />
 */
export function Related({ notes }: { notes: string }) {
  const h = componentHeadings.Related;
  const slugs = notes.split(/\s+/).filter(Boolean);
  return (
    <section className="related" aria-labelledby={h.id}>
      <h2 id={h.id} className="note-heading">
        <a href={`#${h.id}`} className="note-heading__link">
          {h.text}
          <span className="note-heading__hash" aria-hidden="true">
            #
          </span>
        </a>
      </h2>
      <ul className="related__list">
        {slugs.map((slug) => {
          const { meta } = loadNote(slug);
          return (
            <li key={slug}>
              <a href={withBase(`/notes/${slug}/`)}>{meta.title}</a>
              <span className="related__desc"> {meta.description}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
