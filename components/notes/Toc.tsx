import type { NoteHeading } from '@/lib/content/remarkNotes.mjs';

/** "On this page": the note's `##` and `###` headings, linking to their stable ids. */
export function Toc({ headings }: { headings: NoteHeading[] }) {
  if (!headings.length) return null;
  // Nest ### under the preceding ##.
  const groups: { h: NoteHeading; children: NoteHeading[] }[] = [];
  for (const h of headings) {
    const last = groups[groups.length - 1];
    if (h.depth === 3 && last) last.children.push(h);
    else groups.push({ h, children: [] });
  }
  return (
    <nav className="toc" aria-label="On this page">
      <p className="toc__title">On this page</p>
      <ul className="toc__list">
        {groups.map(({ h, children }) => (
          <li key={h.id}>
            <a href={`#${h.id}`}>{h.text}</a>
            {children.length ? (
              <ul>
                {children.map((c) => (
                  <li key={c.id}>
                    <a href={`#${c.id}`}>{c.text}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}
