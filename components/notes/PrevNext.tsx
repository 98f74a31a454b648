import { neighbours } from '@/lib/content/nav';
import { withBase } from '@/lib/content/basePath';

/** Links to the previous and next notes of the learning path. */
export function PrevNext({ slug }: { slug: string }) {
  const { previous, next } = neighbours(slug);
  if (!previous && !next) return null;
  return (
    <nav className="prev-next" aria-label="Previous and next notes">
      {previous ? (
        <a className="prev-next__link prev-next__link--prev" href={withBase(previous.path)} rel="prev">
          <span className="prev-next__dir">Previous</span>
          <span className="prev-next__title">{previous.title}</span>
        </a>
      ) : (
        <span />
      )}
      {next ? (
        <a className="prev-next__link prev-next__link--next" href={withBase(next.path)} rel="next">
          <span className="prev-next__dir">Next</span>
          <span className="prev-next__title">{next.title}</span>
        </a>
      ) : null}
    </nav>
  );
}
