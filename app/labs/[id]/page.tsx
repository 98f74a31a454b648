import type { Metadata } from 'next';
import { Link } from '@/components/layout/Link';
import { notFound } from 'next/navigation';
import { LabApp } from '@/components/labs/LabApp';
import { labWithNeighbours, loadLabs, trackInfo } from '@/lib/content/labs';
import { loadNote } from '@/lib/content/notes';
import '../labs.css';

export const dynamicParams = false;

export function generateStaticParams() {
  return loadLabs().map((l) => ({ id: l.id }));
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const found = labWithNeighbours(id);
  return found ? { title: `Lab: ${found.lab.title}`, description: found.lab.idea.replace(/`/g, '') } : {};
}

/** One lab. The lab file is small, so it is rendered into the page; the engine loads on demand. */
export default async function LabPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const found = labWithNeighbours(id);
  if (!found) notFound();
  const { lab, previous, next } = found;
  const inTrack = loadLabs().filter((l) => l.track === lab.track);
  // Name each note section by its note's title and heading, resolved at build time.
  const learnLinks = lab.learn.map((ref) => {
    const [slug = '', id = ''] = ref.split('#');
    const note = loadNote(slug);
    const heading = note.headings.find((h) => h.id === id);
    return { href: `/notes/${slug}/#${id}`, label: heading ? `${note.meta.title}: ${heading.text}` : note.meta.title };
  });
  return (
    <div className="container lab-page">
      <p className="lab-page__crumbs">
        <Link href="/labs/">Labs</Link> › {trackInfo[lab.track].title} › lab {inTrack.findIndex((l) => l.id === lab.id) + 1} of {inTrack.length}
      </p>
      <h1>{lab.title}</h1>
      <LabApp lab={lab} learnLinks={learnLinks} previous={previous && { id: previous.id, title: previous.title }} next={next && { id: next.id, title: next.title }} />
    </div>
  );
}
