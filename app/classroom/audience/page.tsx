import type { Metadata } from 'next';
import { AudienceApp } from '@/components/classroom/Audience';
import { builtInLessons } from '@/lib/lessons/builtin';
import { NeedsJavaScript } from '@/components/layout/NeedsJavaScript';

export const metadata: Metadata = { title: 'Audience view' };

/** The lesson comes from ?lesson= or #lesson=, read in the browser (static export). */
export default function Page() {
  return (
    <>
      <NeedsJavaScript what="The audience screen" hide=".cr-loading" />
      <AudienceApp lessons={builtInLessons} />
    </>
  );
}
