import type { ReactNode } from 'react';
import './classroom.css';

/** Classroom pages share one stylesheet (large type, high contrast, print). */
export default function ClassroomLayout({ children }: { children: ReactNode }) {
  return children;
}
