import type { ReactNode } from 'react';
import { componentHeadings } from '@/lib/content/noteHeadings';

/** Children and an optional title, the shape of every callout. */
interface CalloutProps {
  title?: string;
  children?: ReactNode;
}

function Callout({ kind, label, title, children }: CalloutProps & { kind: string; label: string }) {
  return (
    <div className={`callout callout--${kind}`} role="note">
      <p className="callout__title">
        <span className="callout__label">{label}</span>
        {title ? <span className="callout__heading">{title}</span> : null}
      </p>
      <div className="callout__body">{children}</div>
    </div>
  );
}

/** A mistake readers (and exam distractors) make, and what is true instead. */
export function Pitfall(props: CalloutProps) {
  return <Callout kind="pitfall" label="Pitfall" {...props} />;
}

/** How a certification question tends to test this, and the rule that answers it. */
export function ExamTip(props: CalloutProps) {
  return <Callout kind="exam" label="Exam tip" {...props} />;
}

/**
 * Detail that most readers can skip: collapsed, and open without JavaScript.
 * Opened for printing by components/notes/PrintExpander.
 */
export function DeepDive({ title, children }: CalloutProps) {
  return (
    <details className="deep-dive">
      <summary>
        <span className="callout__label">Deep dive</span> {title}
      </summary>
      <div className="deep-dive__body">{children}</div>
    </details>
  );
}

function HeadedSection({ which, className, children }: { which: keyof typeof componentHeadings; className: string; children?: ReactNode }) {
  const h = componentHeadings[which];
  return (
    <section className={className} aria-labelledby={h.id}>
      <h2 id={h.id} className="note-heading">
        <a href={`#${h.id}`} className="note-heading__link">
          {h.text}
          <span className="note-heading__hash" aria-hidden="true">
            #
          </span>
        </a>
      </h2>
      {children}
    </section>
  );
}

/** "What you will learn": the note's objectives, at its top. */
export function Objectives({ children }: { children?: ReactNode }) {
  return (
    <HeadedSection which="Objectives" className="objectives">
      {children}
    </HeadedSection>
  );
}

/** The note in a few lines, at its end. */
export function Recap({ children }: { children?: ReactNode }) {
  return (
    <HeadedSection which="Recap" className="recap">
      {children}
    </HeadedSection>
  );
}
