import type { AnchorHTMLAttributes, Ref } from 'react';
import { withBase } from '@/lib/content/basePath';

/** The props of next/link that the static page's links take (the rest are Next router options, ignored). */
type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  href: string | { pathname?: string | null; search?: string | null; hash?: string | null };
  ref?: Ref<HTMLAnchorElement>;
  prefetch?: unknown;
  replace?: unknown;
  scroll?: unknown;
  shallow?: unknown;
  passHref?: unknown;
  legacyBehavior?: unknown;
  locale?: unknown;
  onNavigate?: unknown;
};

/**
 * next/link on a static page (scripts/static-notes.mjs aliases it here when it bundles the
 * simulator, which runs without Next's router): a plain link, with the base path in front as
 * next/link would add it. A click is a full page load, as on the static note pages.
 */
export default function PlainLink({ href, prefetch, replace, scroll, shallow, passHref, legacyBehavior, locale, onNavigate, ...rest }: Props) {
  void [prefetch, replace, scroll, shallow, passHref, legacyBehavior, locale, onNavigate];
  const url = typeof href === 'string' ? href : `${href.pathname ?? ''}${href.search ?? ''}${href.hash ?? ''}`;
  return <a href={withBase(url)} {...rest} />;
}
