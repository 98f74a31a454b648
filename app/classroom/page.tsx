import type { Metadata } from 'next';
import { Link } from '@/components/layout/Link';
import { builtInLessons } from '@/lib/lessons/builtin';
import { classroomHref } from '@/lib/lessons/location';

export const metadata: Metadata = {
  title: 'Classroom',
  description: 'Present STS to a room step by step: scenarios gate by gate, questions to predict, then reveal.',
};

/** Lesson picker: present, share with students, print. */
export default function ClassroomPage() {
  return (
    <div className="container cr-page">
      <p className="eyebrow">Classroom mode</p>
      <h1>Teach STS to a room, one check at a time</h1>
      <p className="lede">
        Pick a lesson and present it on a projector. Scenario slides reveal the simulator’s checks one key press at a time;
        question slides hold the answer until the room has predicted. A second window follows you for the projector, and
        students can follow on their own devices.
      </p>
      <ul className="cards cr-lessons">
        {builtInLessons.map((l) => (
          <li key={l.id} className="card">
            <h2>{l.title}</h2>
            <p>{l.summary}</p>
            <p className="cr-lessons__meta">
              {l.slides.length} slides
              {l.minutes ? ` · about ${l.minutes} minutes` : ''} · {l.slides.filter((s) => s.kind === 'question').length} questions
            </p>
            <p className="cr-lessons__actions">
              <Link className="button" href={classroomHref('present', { lessonId: l.id })} aria-label={`Present ${l.title}`}>
                Present
              </Link>
              <Link href={classroomHref('student', { lessonId: l.id })} aria-label={`Student view of ${l.title}`}>
                Student view
              </Link>
              <Link href={classroomHref('handout', { lessonId: l.id })} aria-label={`Handout of ${l.title}`}>
                Handout
              </Link>
            </p>
          </li>
        ))}
      </ul>
      <section className="section">
        <h2>Your own lesson</h2>
        <p>
          Put together notes, scenarios and questions, then export the lesson as a file or share it as a link that presents
          it. <Link href="/classroom/build/">Build a lesson</Link>.
        </p>
        <h2>Keys while presenting</h2>
        <p>
          <kbd>→</kbd> or <kbd>Space</kbd> next, <kbd>←</kbd> back, <kbd>R</kbd> reveal, <kbd>P</kbd> notes, <kbd>B</kbd> blank,{' '}
          <kbd>F</kbd> full screen, <kbd>?</kbd> all keys.
        </p>
      </section>
    </div>
  );
}
