import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { FormPanel } from '@/components/simulator/FormPanel';
import { scenarioText } from './helpers';

afterEach(() => cleanup());

/** The form wired like the simulator: its writes become the text it reads. */
function Harness({ initial }: { initial: string }) {
  const [text, setText] = useState(initial);
  const [step, setStep] = useState(0);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    doc = undefined;
  }
  return (
    <>
      <FormPanel doc={doc} text={text} step={step} onSelectStep={setStep} onChange={setText} />
      <pre data-testid="text">{text}</pre>
    </>
  );
}

const current = () => JSON.parse(screen.getByTestId('text').textContent ?? '') as { steps: Record<string, unknown>[]; world: { roles: Record<string, unknown>[] } };
const stepOptions = () => within(screen.getByLabelText('Step to edit')).getAllByRole('option').map((o) => o.textContent);

describe('FormPanel step list', () => {
  it('adds a step of any call after the one on screen, and selects it', () => {
    render(<Harness initial={scenarioText('cross-account-external-id')} />);
    fireEvent.change(screen.getByLabelText('New step'), { target: { value: 'GetCallerIdentity' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add after step 1' }));
    expect(current().steps[1]).toEqual({ id: 'whoami', as: { user: 'arn:aws:iam::111111111111:user/vendor-scanner' }, call: 'GetCallerIdentity' });
    expect((screen.getByLabelText('Step to edit') as HTMLSelectElement).value).toBe('1');
    expect(screen.getByRole('status').textContent).toContain('Added step 2: GetCallerIdentity.');
  });

  it('deletes with Undo, and names the references a deletion breaks', () => {
    const initial = scenarioText('web-identity-then-chain');
    render(<Harness initial={initial} />);
    const before = stepOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(stepOptions()).toHaveLength(before.length - 1);
    const broken = screen.queryByRole('group', { name: 'Broken step references' });
    // The first step's session is used later in this scenario
    expect(broken?.textContent).toMatch(/which no longer exists/);
    fireEvent.click(within(screen.getByRole('status')).getByRole('button', { name: 'Undo' }));
    expect(screen.getByTestId('text').textContent).toBe(initial);
    expect(screen.queryByRole('group', { name: 'Broken step references' })).toBeNull();
  });

  it('moves, duplicates and renames steps; references follow a rename', () => {
    render(<Harness initial={scenarioText('web-identity-then-chain')} />);
    const firstId = current().steps[0]!.id as string;
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate' }));
    expect(current().steps[1]!.id).toBe(`${firstId}-2`);
    fireEvent.click(screen.getByRole('button', { name: 'Move up' }));
    expect(current().steps[0]!.id).toBe(`${firstId}-2`);
    // Rename the original (now step 2): every step that used its id follows
    fireEvent.change(screen.getByLabelText('Step to edit'), { target: { value: '1' } });
    const idField = screen.getByLabelText('Step id');
    fireEvent.change(idField, { target: { value: 'renamed' } });
    fireEvent.keyDown(idField, { key: 'Enter' });
    const text = screen.getByTestId('text').textContent ?? '';
    expect(text).toContain('"id": "renamed"');
    expect(text).not.toContain(`"session": "${firstId}"`);
    expect(screen.queryByRole('group', { name: 'Broken step references' })).toBeNull();
  });

  it('changes the call, keeping what the new call takes', () => {
    render(<Harness initial={scenarioText('cross-account-external-id')} />);
    fireEvent.change(screen.getByLabelText('Call'), { target: { value: 'GetSessionToken' } });
    expect(current().steps[0]!.call).toBe('GetSessionToken');
    expect(current().steps[0]!.params).toBeUndefined();
    expect(screen.getByText('GetSessionToken parameters')).toBeTruthy();
  });
});

describe('FormPanel federation and trust policy', () => {
  it('edits web identity claims with suggestions, and offers the provider and role it needs', () => {
    render(<Harness initial={scenarioText('cross-account-external-id')} />);
    fireEvent.change(screen.getByLabelText('New step'), { target: { value: 'AssumeRoleWithWebIdentity' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add after step 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add the OIDC provider for token.actions.githubusercontent.com' }));
    expect(JSON.stringify(current())).toContain('oidc-provider/token.actions.githubusercontent.com');
    fireEvent.click(screen.getByRole('button', { name: 'Add claim' }));
    const rows = screen.getAllByRole('group', { name: /^Claim \d+/ });
    const last = rows.at(-1)!;
    fireEvent.change(within(last).getByLabelText('Claim', { exact: true }), { target: { value: 'environment' } });
    fireEvent.change(within(last).getByLabelText('Value', { exact: true }), { target: { value: 'prod' } });
    expect((current().steps[1]!.params as { WebIdentityToken: Record<string, unknown> }).WebIdentityToken.environment).toBe('prod');
    // The claim list suggests GitHub's key claims
    const list = document.getElementById(within(last).getByLabelText('Claim', { exact: true }).getAttribute('list')!)!;
    expect([...list.querySelectorAll('option')].map((o) => o.getAttribute('value'))).toContain('job_workflow_ref');
  });

  it('suggests the operator a typo meant, and the Like operator for a wildcard', () => {
    render(<Harness initial={scenarioText('cross-account-external-id')} />);
    const cond = screen.getByRole('group', { name: 'Condition 1' });
    fireEvent.change(within(cond).getByLabelText('Operator'), { target: { value: 'StringEqual' } });
    fireEvent.click(within(cond).getByRole('button', { name: 'StringEquals' }));
    expect(JSON.stringify(current().world.roles[0]!.trustPolicy)).toContain('"StringEquals"');
    fireEvent.change(within(cond).getByLabelText('Values (comma-separated)'), { target: { value: 'Cust-*' } });
    expect(cond.textContent).toContain('StringEquals compares * and ? literally: use StringLike for a pattern.');
    fireEvent.click(within(cond).getByRole('button', { name: 'Switch to the Like operator' }));
    expect(JSON.stringify(current().world.roles[0]!.trustPolicy)).toContain('"StringLike":{"sts:ExternalId":"Cust-*"}');
  });

  it('edits a SAML assertion field by field', () => {
    render(<Harness initial={scenarioText('saml-assertion-failures')} />);
    fireEvent.change(screen.getByLabelText('Recipient (becomes SAML:aud)'), { target: { value: 'https://example.com/saml' } });
    expect((current().steps[0]!.params as { SAMLAssertion: { recipient: string } }).SAMLAssertion.recipient).toBe('https://example.com/saml');
    fireEvent.change(screen.getByLabelText('RoleSessionName attribute'), { target: { value: 'bob' } });
    expect(JSON.stringify(current().steps[0])).toContain('"https://aws.amazon.com/SAML/Attributes/RoleSessionName":["bob"]');
  });
});
