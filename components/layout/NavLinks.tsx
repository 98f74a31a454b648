'use client';

import { Link } from '@/components/layout/Link';
import { usePathname } from 'next/navigation';
import { isActive, navItems } from './nav';

/** The header navigation, marking the current section with aria-current (no prefetching: see Header). */
export function NavLinks() {
  const pathname = usePathname() ?? '/';
  return (
    <nav aria-label="Main" className="site-nav">
      <ul>
        {navItems.map((item) => {
          const current = isActive(item.href, pathname);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={current ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
