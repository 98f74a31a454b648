import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { noteComponentNames } from '@/components/mdx';
import { componentHeadings } from '@/lib/content/noteHeadings';
import { listNoteSlugs, loadNote, NoteMetaSchema } from '@/lib/content/notes';
import remarkNotes from '@/lib/content/remarkNotes.mjs';
import { noteTree, walk, attr } from './helpers';

const slugs = listNoteSlugs();

/** The notes the study-notes issue requires (slugs fixed where lib/explain/learn.ts names them). */
const requiredNotes = [
  'sts-basics', 'assume-role', 'trust-policies', 'external-id', 'session-duration', 'assume-role-with-saml',
  'assume-role-with-web-identity', 'outbound-identity-federation', 'cognito', 'mfa-and-get-session-token', 'get-federation-token', 'assume-root',
  'session-policies', 'session-tags', 'policy-evaluation', 'troubleshooting-calls', 'errors-and-troubleshooting',
  'sts-neighbours', 'exam-guide', 'glossary',
];

describe('study notes', () => {
  it('include every required note', () => {
    for (const slug of requiredNotes) expect(slugs, `content/notes/${slug}.mdx`).toContain(slug);
  });

  describe.each(slugs)('%s', (slug) => {
    it('has metadata that parses and headings with explicit, unique ids', () => {
      // Given the note's source, When the loader reads it
      const note = loadNote(slug);
      // Then its metadata is valid and nothing was flagged
      expect(NoteMetaSchema.safeParse(note.meta).success).toBe(true);
      expect(note.problems, `${slug} problems`).toEqual([]);
      const ids = note.headings.map((h) => h.id);
      expect(new Set(ids).size, `${slug} duplicate heading ids`).toBe(ids.length);
    });

    it('compiles as MDX with the notes remark plugin', async () => {
      const file = await compile(loadNote(slug).source, { remarkPlugins: [remarkNotes] });
      expect(String(file.value).length).toBeGreaterThan(100);
    });

    it('has the parts every note needs: objectives, a diagram, a scenario, an exam tip, a pitfall, a recap, related notes', () => {
      const note = loadNote(slug);
      for (const part of ['Objectives', 'Diagram', 'Scenario', 'ExamTip', 'Pitfall', 'Recap', 'Related']) {
        expect(note.components, `${slug} uses <${part}>`).toContain(part);
      }
      const ids = note.headings.map((h) => h.id);
      expect(ids[0], `${slug} starts with "What you will learn"`).toBe(componentHeadings.Objectives.id);
      expect(ids).toContain(componentHeadings.Recap.id);
    });

    it('uses only the registered MDX vocabulary and imports nothing', () => {
      const tree = noteTree(slug);
      walk(tree, (n) => {
        if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') {
          expect(noteComponentNames as string[], `${slug}: <${n.name}> is not a registered note component`).toContain(n.name);
        }
        if (n.type === 'mdxjsEsm') {
          // Notes embed scenarios by id; they never import code (least of all the engine in lib/).
          expect(n.value, `${slug}: MDX must not import`).not.toMatch(/\bimport\b/);
          expect(n.value, `${slug}: MDX must not reference lib/`).not.toMatch(/lib\//);
          expect(n.value, `${slug}: the only export is metadata`).toMatch(/^export const metadata = \{/);
        }
      });
    });

    it('gives every diagram a title and a text alternative', () => {
      walk(noteTree(slug), (n) => {
        if (n.type !== 'mdxJsxFlowElement' || n.name !== 'Diagram') return;
        expect(attr(n, 'title'), `${slug}: Diagram title`).toBeTruthy();
        expect(n.children?.length, `${slug}: Diagram text alternative`).toBeGreaterThan(0);
        const source = n.attributes?.find((a) => a.name === 'source');
        const text = (source?.value as { value?: string } | undefined)?.value ?? '';
        // The source is a template literal holding mermaid text of a known diagram type.
        expect(text, `${slug}: Diagram source`).toMatch(/^`\s*(sequenceDiagram|flowchart (TD|LR)|graph (TD|LR))\n/);
        expect(text, `${slug}: Diagram source must not interpolate`).not.toContain('${');
      });
    });

    it('links only to notes and headings that exist', () => {
      const note = loadNote(slug);
      for (const rel of note.relatedSlugs) expect(slugs, `${slug}: <Related> names ${rel}`).toContain(rel);
      walk(noteTree(slug), (n) => {
        if (n.type !== 'link' || !n.url?.startsWith('/notes/')) return;
        const m = /^\/notes\/([a-z0-9-]+)\/(?:#([a-z0-9-]+))?$/.exec(n.url);
        expect(m, `${slug}: link ${n.url} has the form /notes/<slug>/#<id>`).toBeTruthy();
        const [, target, anchor] = m!;
        expect(slugs, `${slug}: link ${n.url}`).toContain(target);
        if (anchor) expect(loadNote(target!).headings.map((h) => h.id), `${slug}: link ${n.url}`).toContain(anchor);
      });
    });
  });
});
