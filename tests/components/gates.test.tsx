import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GateTrace, type GateEntry } from '@/components/gates/GateTrace';

afterEach(() => cleanup());

// Three checks of an AssumeRole that the trust policy refuses.
const entries: GateEntry[] = [
  { gate: 'authenticate', result: 'pass', reason: 'alice signs with long-term keys.', learn: 'sts-basics#credentials' },
  { gate: 'external-id', result: 'skip', reason: 'The trust policy does not test sts:ExternalId.', learn: 'external-id#how-sts-checks-it' },
  { gate: 'trust-policy', result: 'fail', reason: 'No statement allows alice.', learn: 'trust-policies#principals', uncertain: true },
];

describe('GateTrace, the one way the site draws a step’s checks', () => {
  it('compact: lights the checks played so far, marks the current one, and stays out of the accessibility tree', () => {
    // Given two of three checks have played
    const { container } = render(<GateTrace mode="compact" entries={entries} revealed={2} outcome="AccessDenied" ok={false} />);
    // Then two are lit, the second is current, the third and the end node wait
    expect(container.querySelector('ol')!.getAttribute('aria-hidden')).toBe('true');
    expect([...container.querySelectorAll('li')].map((li) => li.className)).toEqual(['gate gate--pass', 'gate gate--skip gate--current', 'gate gate--pending', 'gate gate--end gate--pending']);
    cleanup();
    // When the step is complete, the end node says the outcome; with no outcome there is no end node
    const done = render(<GateTrace mode="compact" entries={entries} revealed="all" outcome="AccessDenied" ok={false} />);
    expect(done.container.querySelector('.gate--end')!.textContent).toBe('✗AccessDenied');
    cleanup();
    const bare = render(<GateTrace mode="compact" entries={entries} revealed="all" />);
    expect(bare.container.querySelectorAll('li')).toHaveLength(3);
  });

  it('stepped: shows the revealed checks with their reasons, numbers the rest, keeps the newest whole', () => {
    // Given two checks revealed on a slide, the outcome not yet
    render(
      <>
        <p id="t">Checks</p>
        <GateTrace mode="stepped" entries={entries} shown={2} outcome={false} labelledBy="t" />
      </>,
    );
    const list = screen.getByRole('list', { name: 'Checks' });
    // Then the pending check is hidden from assistive technology, and the newest is the latest
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[1]!.className).toBe('cr-gate cr-gate--skip cr-gate--latest cr-gate--newest');
    expect(items[0]!.className).toContain('cr-gate--past');
    expect(screen.queryByText('No statement allows alice.')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('stepped, full (handout): every check with its study-note link and the uncertainty said in words', () => {
    render(
      <>
        <p id="t">Checks</p>
        <GateTrace mode="stepped" entries={entries} shown={3} outcome full labelledBy="t" />
      </>,
    );
    expect(screen.getAllByRole('link', { name: 'Study note' }).map((a) => a.getAttribute('href'))).toEqual(['/notes/sts-basics/#credentials', '/notes/external-id/#how-sts-checks-it', '/notes/trust-policies/#principals']);
    expect(screen.getByText(/AWS does not document this/)).toBeTruthy();
    expect(document.querySelector('.cr-gate--past, .cr-gate--newest')).toBeNull();
  });

  it('all: every check at once, named for people, each with a labelled link to its note', () => {
    render(<GateTrace mode="all" entries={entries} label={(g) => ({ authenticate: 'Authentication', 'external-id': 'The ExternalId condition', 'trust-policy': "The role's trust policy" })[g as string]!} />);
    expect(screen.getAllByRole('listitem').map((li) => li.querySelector('.quiz-trace__gate')!.textContent)).toEqual(['Authentication: passed', 'The ExternalId condition: skipped', "The role's trust policy: failed"]);
    expect(screen.getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toContainEqual(["Learn more about the role's trust policy", '/notes/trust-policies/#principals']);
  });
});
