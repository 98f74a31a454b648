import type { Metadata } from 'next';
import { PresenterApp } from '@/components/classroom/Presenter';
import { builtInLessons } from '@/lib/lessons/builtin';
import { NeedsJavaScript } from '@/components/layout/NeedsJavaScript';

export const metadata: Metadata = { title: 'Present a lesson' };

/** The lesson comes from ?lesson= or #lesson=, read in the browser (static export). */
export default function Page() {
  return (
    <>
      <NeedsJavaScript what="Presenting a lesson" hide=".cr-loading" />
      <PresenterApp lessons={builtInLessons} />
    </>
  );
}
