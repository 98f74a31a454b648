import type { ReactNode } from 'react';
import './classroom.css';
import { SafeIsland } from '@/components/layout/SafeIsland';

/** Classroom pages share one stylesheet (large type, high contrast, print). */
export default function ClassroomLayout({ children }: { children: ReactNode }) {
  return (
    <SafeIsland what="The classroom" keys={['sts-classroom-draft']}>
      {children}
    </SafeIsland>
  );
}
