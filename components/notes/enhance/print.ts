/**
 * Opens every collapsed section (deep dives, scenario traces) while the page prints, and
 * restores them afterwards. Plain DOM code: used by <PrintExpander> and by the static bundle of
 * the note pages (entry.ts).
 * @returns a function that stops listening
 */
export function enhancePrint(): () => void {
  let opened: HTMLDetailsElement[] = [];
  const before = () => {
    opened = [...document.querySelectorAll<HTMLDetailsElement>('.note details:not([open])')];
    opened.forEach((d) => (d.open = true));
  };
  const after = () => {
    opened.forEach((d) => (d.open = false));
    opened = [];
  };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
  };
}
