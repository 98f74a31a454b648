import type { Metadata } from 'next';
import { StudentApp } from '@/components/classroom/Student';
import { builtInLessons } from '@/lib/lessons/builtin';
import { NeedsJavaScript } from '@/components/layout/NeedsJavaScript';

export const metadata: Metadata = { title: 'Follow a lesson' };

/** The lesson comes from ?lesson= or #lesson=, read in the browser (static export). */
export default function Page() {
  return (
    <>
      <NeedsJavaScript what="The student view" hide=".cr-loading" />
      <StudentApp lessons={builtInLessons} />
    </>
  );
}
