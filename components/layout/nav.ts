/** One entry of the site's main navigation. */
export interface NavItem {
  /** Route path with a trailing slash (the export uses `trailingSlash: true`). */
  href: `/${string}`;
  /** Short label shown in the header. */
  label: string;
  /** One-line description, used on the home page to lead into the section. */
  description: string;
}

/**
 * The main navigation, in display order. List only pages that exist: the
 * browser tests load every entry (tests/e2e/routes.ts must contain each href).
 * Add the simulator, notes, quiz and classroom here when their pages land.
 */
export const navItems: readonly NavItem[] = [
  { href: '/', label: 'Home', description: 'What this site is and where to start.' },
  { href: '/notes/', label: 'Notes', description: 'Study notes on STS in a suggested order, each with a scenario the simulator runs, exam tips and a recap.' },
  { href: '/simulator/', label: 'Simulator', description: 'Load a scenario, change it, and step through every check STS makes.' },
  { href: '/debug/', label: 'Debug', description: 'Why AccessDenied? Paste a policy, a token, an error or a CloudTrail event: the verdict, the trace and the smallest safe fix.' },
  { href: '/labs/', label: 'Labs', description: 'Goal-checked challenges along a learning path: make STS work without weakening it.' },
  { href: '/quiz/', label: 'Quiz', description: 'Exam-style practice, timed exams and spaced review, each answer provable in the simulator.' },
  { href: '/classroom/', label: 'Classroom', description: 'Present STS to a room: scenarios stepped gate by gate, questions to predict, then reveal.' },
];

/** True when `href` is the current page or a section that contains it. */
export function isActive(href: string, pathname: string): boolean {
  const norm = (p: string) => (p.endsWith('/') ? p : `${p}/`);
  if (href === '/') return norm(pathname) === '/';
  return norm(pathname).startsWith(norm(href));
}
