import type { Metadata } from 'next';
import { Link } from '@/components/layout/Link';

export const metadata: Metadata = { title: 'Page not found' };

/** 404 page (exported as out/404.html). */
export default function NotFound() {
  return (
    <div className="container prose narrow">
      <p className="eyebrow">Error 404</p>
      <h1>This page does not exist</h1>
      <p>
        The address may be mistyped, or the page may have moved. In STS terms: the request was well formed, but no
        resource matched.
      </p>
      <p>
        <Link href="/" className="button">
          Back to the home page
        </Link>
      </p>
    </div>
  );
}
