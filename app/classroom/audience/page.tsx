import type { Metadata } from 'next';
import { AudienceApp } from '@/components/classroom/Audience';
import { builtInLessons } from '@/lib/lessons/builtin';

export const metadata: Metadata = { title: 'Audience view' };

/** The lesson comes from ?lesson= or #lesson=, read in the browser (static export). */
export default function Page() {
  return <AudienceApp lessons={builtInLessons} />;
}
