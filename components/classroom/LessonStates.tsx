import { Link } from '@/components/layout/Link';
import { classroomHref, type ClassroomView } from '@/lib/lessons/location';
import { type Lesson, type LessonIssue } from '@/lib/lessons/schema';

/** Shown when a classroom page is opened without a lesson: pick one. */
export function NoLesson({ title, lessons, view }: { title: string; lessons: readonly Lesson[]; view: ClassroomView }) {
  return (
    <div className="container cr-page">
      <h1>{title}</h1>
      <p className="lede">Choose a lesson, or build your own.</p>
      <ul className="cr-lesson-links">
        {lessons.map((l) => (
          <li key={l.id}>
            <Link href={classroomHref(view, { lessonId: l.id })}>{l.title}</Link>
          </li>
        ))}
        <li>
          <Link href="/classroom/build/">Build a lesson</Link>
        </li>
      </ul>
    </div>
  );
}

/** Shown when the URL's lesson cannot be used: every located problem. */
export function LessonProblem({ issues }: { issues: readonly LessonIssue[] }) {
  return (
    <div className="container cr-page">
      <h1>This lesson cannot be shown</h1>
      <ul className="cr-issues">
        {issues.map((i, n) => (
          <li key={n}>
            <code>{i.path}</code>: {i.message}
          </li>
        ))}
      </ul>
      <p>
        <Link href="/classroom/">Back to the classroom</Link>
      </p>
    </div>
  );
}
