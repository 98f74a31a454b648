import { loadNav } from '@/lib/content/nav';

/**
 * The learning path from content/nav.json, as a navigation list. Marks the current note.
 * @example <LearningPath current="assume-role" />
 */
export function LearningPath({ current }: { current?: string }) {
  const nav = loadNav();
  let n = 0;
  return (
    <nav className="learning-path" aria-label="Learning path">
      <p className="learning-path__title">
        <a href={nav.path}>{nav.title}</a>
      </p>
      {nav.routes.map((section, si) => (
        <div key={section.title} className="learning-path__section">
          <p className="learning-path__section-title" id={`lp-section-${si}`}>
            {section.title}
          </p>
          <ol className="learning-path__list" aria-labelledby={`lp-section-${si}`} start={n + 1}>
            {section.routes.map((leaf) => {
              n++;
              const slug = leaf.path.replace(/^\/notes\/|\/$/g, '');
              const here = slug === current;
              return (
                <li key={leaf.path}>
                  <a href={leaf.path} aria-current={here ? 'page' : undefined}>
                    {leaf.title}
                  </a>
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </nav>
  );
}
