import { Link } from '@/components/layout/Link';
import { NavLinks } from './NavLinks';
import { productName } from './site';
import { ThemeToggle } from './ThemeToggle';

/**
 * Site header: product name (home link), main navigation, theme switch. Its links never
 * prefetch: on every page they would fetch seven routes' payloads and scripts at load
 * (about 100 kB of JavaScript a reading page never runs); a click still navigates in place.
 */
export function Header() {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="brand">
          <svg className="brand__mark" width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="7" fill="currentColor" />
            <path d="M10 17.5 14.5 22 23 11" fill="none" stroke="var(--color-bg)" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span>{productName}</span>
        </Link>
        <NavLinks />
        <ThemeToggle />
      </div>
    </header>
  );
}
