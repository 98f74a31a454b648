import { loadNav } from '@/lib/content/nav';
import type { NoteHeading } from '@/lib/content/remarkNotes.mjs';
import { withBase } from '@/lib/content/basePath';

/**
 * The learning path from content/nav.json, as a navigation list. Marks the current note and,
 * under it, lists that note's sections, so the sidebar doubles as a sticky table of contents
 * on wide screens.
 * @example <LearningPath current="assume-role" headings={note.headings} />
 */
export function LearningPath({ current, headings = [] }: { current?: string; headings?: NoteHeading[] }) {
  const nav = loadNav();
  const sections = headings.filter((h) => h.depth === 2);
  return (
    <nav className="learning-path" aria-label="Learning path">
      <p className="learning-path__title">
        <a href={withBase(nav.path)}>{nav.title}</a>
      </p>
      {nav.routes.map((section, si) => (
        <div key={section.title} className="learning-path__section">
          <p className="learning-path__section-title" id={`lp-section-${si}`}>
            {section.title}
          </p>
          <ul className="learning-path__list" aria-labelledby={`lp-section-${si}`}>
            {section.routes.map((leaf) => {
              const slug = leaf.path.replace(/^\/notes\/|\/$/g, '');
              const here = slug === current;
              return (
                <li key={leaf.path}>
                  <a href={withBase(leaf.path)} aria-current={here ? 'page' : undefined}>
                    {leaf.title}
                  </a>
                  {here && sections.length ? (
                    <ul className="learning-path__toc" aria-label="Sections of this note">
                      {sections.map((h) => (
                        <li key={h.id}>
                          <a href={`#${h.id}`}>{h.text}</a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
