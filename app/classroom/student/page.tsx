import type { Metadata } from 'next';
import { StudentApp } from '@/components/classroom/Student';
import { builtInLessons } from '@/lib/lessons/builtin';

export const metadata: Metadata = { title: 'Follow a lesson' };

/** The lesson comes from ?lesson= or #lesson=, read in the browser (static export). */
export default function Page() {
  return <StudentApp lessons={builtInLessons} />;
}
