import type { Metadata } from 'next';
import { PresenterApp } from '@/components/classroom/Presenter';
import { builtInLessons } from '@/lib/lessons/builtin';

export const metadata: Metadata = { title: 'Present a lesson' };

/** The lesson comes from ?lesson= or #lesson=, read in the browser (static export). */
export default function Page() {
  return <PresenterApp lessons={builtInLessons} />;
}
