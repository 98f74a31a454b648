import type { Metadata } from 'next';
import { withBase } from '@/lib/content/basePath';
import { flattenNav, loadNav } from '@/lib/content/nav';
import { loadNote } from '@/lib/content/notes';
import { NoteSearch } from '@/components/notes/NoteSearch';

export const metadata: Metadata = {
  title: 'Study notes',
  description: 'Original, exam-accurate notes on AWS STS: trust policies, federation, MFA, session limits, session policies and tags, with runnable scenarios.',
};

const levelLabel = { foundation: 'Foundation', core: 'Core', advanced: 'Advanced' } as const;

/** The notes index: the learning path, group by group, with search. */
export default function NotesIndexPage() {
  const nav = loadNav();
  const total = flattenNav(nav).length;
  let n = 0;
  return (
    <div className="container notes-index">
      <header className="notes-index__header">
        <p className="eyebrow">Learn STS</p>
        <h1>Study notes</h1>
        <p className="lede">
          {total} short notes on the AWS Security Token Service, in the order we suggest reading them. Each one explains a
          part of STS in plain words, shows it working in a scenario the simulator runs, and ends with exam tips, pitfalls
          and a recap. They follow the AWS documentation and suit the Solutions Architect Associate and Security
          Specialty exams.
        </p>
      </header>
      <NoteSearch />
      {nav.routes.map((section, si) => (
        <section key={section.title} className="notes-index__section" aria-labelledby={`path-${si}`}>
          <h2 id={`path-${si}`}>
            <span className="notes-index__step">{si + 1}</span> {section.title}
          </h2>
          <p className="muted">{section.description}</p>
          <ol className="note-cards" start={n + 1}>
            {section.routes.map((leaf) => {
              n++;
              const slug = leaf.path.replace(/^\/notes\/|\/$/g, '');
              const { meta, readingMinutes } = loadNote(slug);
              return (
                <li key={leaf.path} className="note-card">
                  <h3 className="note-card__title">
                    <a href={withBase(leaf.path)}>{meta.title}</a>
                  </h3>
                  <p className="note-card__desc">{meta.description}</p>
                  <p className="note-card__meta">
                    {levelLabel[meta.level]} · {readingMinutes} min read
                  </p>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
