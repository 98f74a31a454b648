import { describe, expect, it } from 'vitest';
import { learn } from '@/lib/explain/learn';
import { listNoteSlugs, loadNote } from '@/lib/content/notes';

describe('lib/explain/learn.ts references', () => {
  const slugs = new Set(listNoteSlugs());

  it.each(Object.entries(learn))('%s → %s resolves to a real heading', (_key, ref) => {
    // Given a trace reference of the form slug#heading-id
    const [slug, anchor] = ref.split('#');
    expect(anchor, `${ref} has a heading id`).toBeTruthy();
    // Then the note exists and has a heading with exactly that id
    expect(slugs.has(slug!), `content/notes/${slug}.mdx exists`).toBe(true);
    expect(loadNote(slug!).headings.map((h) => h.id), `${ref}`).toContain(anchor);
  });
});
