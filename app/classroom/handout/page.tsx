import type { Metadata } from 'next';
import { HandoutApp } from '@/components/classroom/Handout';
import { builtInLessons } from '@/lib/lessons/builtin';
import { NeedsJavaScript } from '@/components/layout/NeedsJavaScript';

export const metadata: Metadata = { title: 'Handout' };

/** A printable handout of the lesson named by ?lesson= (or #lesson=). */
export default function Page() {
  return (
    <>
      <NeedsJavaScript what="The handout" hide=".cr-loading" />
      <HandoutApp lessons={builtInLessons} />
    </>
  );
}
