import { describe, expect, it } from 'vitest';
import { snippetAround } from '@/lib/content/snippet';

// Issue #16: search snippets showed the start of the section, not why it matched.
const text =
  'Every role has a trust policy. It names who may assume the role. For a third party, the role also asks for an ExternalId: ' +
  'a secret the customer and the vendor agree on, which stops the confused deputy problem when the vendor serves many customers.';

describe('snippetAround', () => {
  it.each([
    {
      name: 'a window of words around the first hit, with an ellipsis on both sides',
      terms: ['externalid'],
      window: { before: 3, after: 4 },
      want: '… asks for an ExternalId: a secret the customer …',
    },
    {
      name: 'a prefix of a word is a hit (MiniSearch matches prefixes)',
      terms: ['deput'],
      window: { before: 2, after: 1 },
      want: '… the confused deputy problem …',
    },
    {
      name: 'the first of several terms in the text wins, whatever order the query gave them',
      terms: ['vendor', 'trust'],
      window: { before: 2, after: 1 },
      want: '… has a trust policy. …',
    },
    {
      name: 'near the start there is no leading ellipsis, and the window keeps its length',
      terms: ['role'],
      window: { before: 5, after: 2 },
      want: 'Every role has a trust policy. It names …',
    },
    {
      name: 'near the end the window starts earlier, so the snippet is as long as elsewhere',
      terms: ['customers'],
      window: { before: 1, after: 3 },
      want: '… the vendor serves many customers.',
    },
    {
      name: 'a phrase is found in the running text',
      terms: ['confused deputy'],
      window: { before: 1, after: 1 },
      want: '… the confused deputy …',
    },
    {
      name: 'without a hit, the first words',
      terms: ['saml'],
      window: { before: 2, after: 2 },
      want: 'Every role has a trust …',
    },
    {
      name: 'a one-letter term is ignored rather than matching every "a"',
      terms: ['a'],
      window: { before: 0, after: 2 },
      want: 'Every role has …',
    },
  ])('$name', ({ terms, window, want }) => {
    expect(snippetAround(text, terms, window)).toBe(want);
  });

  it('keeps short text whole', () => {
    expect(snippetAround('AssumeRole returns temporary credentials.', ['temporary'])).toBe('AssumeRole returns temporary credentials.');
  });

  it('treats regular-expression characters in a term as text', () => {
    expect(snippetAround('Use sts:* with care; s3:Get* is narrower.', ['s3:get*'], { before: 0, after: 1 })).toBe('… s3:Get* is …');
  });
});
