import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * The site's link to its own pages: a click navigates in place (no full reload), but nothing is
 * prefetched. Next's default prefetches every route whose link scrolls into view, fetching its
 * payload and scripts and parsing them on the main thread while a phone is still loading the page
 * the reader opened (issue #16); a click costs one small fetch instead. Pass `prefetch` to opt in.
 * Lint sends every import of next/link here.
 * @example <Link href="/quiz/practice/">Practice</Link>
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
