import type { Metadata } from 'next';
import { withBase } from '@/lib/content/basePath';
import type { ComponentType } from 'react';
import { DiagramEnhancer } from '@/components/notes/DiagramEnhancer';
import { FrozenHtml } from '@/components/notes/FrozenHtml';
import { LearningPath } from '@/components/notes/LearningPath';
import { NoteSearch } from '@/components/notes/NoteSearch';
import { PrevNext } from '@/components/notes/PrevNext';
import { PrintExpander } from '@/components/notes/PrintExpander';
import { Toc } from '@/components/notes/Toc';
import { flattenNav, loadNav } from '@/lib/content/nav';
import { loadNote } from '@/lib/content/notes';

export const dynamicParams = false;

/** One page per note of the learning path. */
export function generateStaticParams() {
  return flattenNav().map((e) => ({ slug: e.slug }));
}

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const { meta } = loadNote(slug);
  return { title: meta.title, description: meta.description };
}

const levelLabel = { foundation: 'Foundation', core: 'Core', advanced: 'Advanced' } as const;
/** `2026-12-03` → `3 December 2026`, computed from the string so the build's time zone cannot shift it. */
function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d} ${months[(m ?? 1) - 1]} ${y}`;
}

const examLabel = { associate: 'Solutions Architect Associate', security: 'Security Specialty' } as const;

/** A study note: sidebar (learning path), the note with its table of contents, previous/next. */
export default async function NotePage({ params }: Props) {
  const { slug } = await params;
  const note = loadNote(slug);
  const section = flattenNav().find((e) => e.slug === slug)?.section;
  const { default: Content } = (await import(`@/content/notes/${slug}.mdx`)) as { default: ComponentType };
  return (
    <div className="container notes-layout">
      <article className="note" aria-labelledby="note-title">
        <header className="note__header">
          <p className="note__crumbs">
            <a href={withBase(loadNav().path)}>Study notes</a>
            {section ? <span aria-hidden="true"> / </span> : null}
            {section ? <span>{section}</span> : null}
            <a className="note__jump" href="#learning-path">
              All notes and search
            </a>
          </p>
          <h1 id="note-title">{note.meta.title}</h1>
          <p className="lede">{note.meta.description}</p>
          <p className="note__meta">
            {levelLabel[note.meta.level]} · {note.readingMinutes} min read · for the{' '}
            {note.meta.exams.map((e) => examLabel[e]).join(' and ')} exam{note.meta.exams.length > 1 ? 's' : ''}
          </p>
          <p className="note__meta">
            Last checked against AWS documentation on <time dateTime={note.meta.lastChecked}>{formatDay(note.meta.lastChecked)}</time> ·{' '}
            <a href={withBase('/notes/aws-changes/')}>AWS changes this site covers</a>
          </p>
        </header>
        <Toc headings={note.headings} />
        <FrozenHtml id="note-body" className="note__body" content={Promise.resolve(<Content />)} />
        <PrevNext slug={slug} />
      </article>
      <aside className="notes-sidebar" id="learning-path" aria-label="All notes">
        <NoteSearch />
        <FrozenHtml id="note-learning-path" content={Promise.resolve(<LearningPath current={slug} headings={note.headings} />)} />
      </aside>
      <PrintExpander />
      <DiagramEnhancer />
    </div>
  );
}
