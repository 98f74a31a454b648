import type { Metadata } from 'next';
import { HandoutApp } from '@/components/classroom/Handout';
import { builtInLessons } from '@/lib/lessons/builtin';

export const metadata: Metadata = { title: 'Handout' };

/** A printable handout of the lesson named by ?lesson= (or #lesson=). */
export default function Page() {
  return <HandoutApp lessons={builtInLessons} />;
}
