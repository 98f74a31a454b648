'use client';

import { usePathname } from 'next/navigation';
import { IntentLink } from './IntentLink';
import { isActive, navItems } from './nav';

/** The header navigation, marking the current section with aria-current. */
export function NavLinks() {
  const pathname = usePathname() ?? '/';
  return (
    <nav aria-label="Main" className="site-nav">
      <ul>
        {navItems.map((item) => {
          const current = isActive(item.href, pathname);
          return (
            <li key={item.href}>
              <IntentLink href={item.href} aria-current={current ? 'page' : undefined}>
                {item.label}
              </IntentLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
