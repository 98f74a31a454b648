import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { simulate } from '@/lib/engine';
import { AwsImport } from '@/components/simulator/AwsImport';
import { FormPanel } from '@/components/simulator/FormPanel';
import { GateTrace } from '@/components/gates/GateTrace';
import { filterScenarios, Library } from '@/components/simulator/Library';
import { OutcomeList } from '@/components/simulator/OutcomeList';
import { StepResult } from '@/components/simulator/StepResult';
import { TraceText } from '@/components/simulator/TraceText';
import { scenarioText, testIndex } from './helpers';

afterEach(() => cleanup());

function run(id: string) {
  const sim = simulate(scenarioText(id));
  if (!sim.ok) throw new Error(id);
  return sim;
}

describe('OutcomeList', () => {
  it('is a region named Outcome with one line of text per step, and picks a step', () => {
    const sim = run('cross-account-external-id');
    const onSelect = vi.fn();
    render(<OutcomeList steps={sim.result.steps} current={1} onSelect={onSelect} />);
    const region = screen.getByRole('region', { name: 'Outcome' });
    const items = within(region).getAllByRole('button');
    expect(items.map((b) => b.textContent)).toEqual([
      '1AssumeRoleno-external-idAccessDenied',
      '2AssumeRolewrong-external-idAccessDenied',
      '3AssumeRoleright-external-idCredentials issued, expires 2026-01-01T01:00:00Z',
      '4s3:GetObjectread-logsAllow',
    ]);
    expect(items[1]).toHaveProperty('ariaCurrent', 'step');
    fireEvent.click(items[2]!);
    expect(onSelect).toHaveBeenCalledWith(2);
  });
});

describe('GateTrace (compact) and TraceText', () => {
  it('light the gates played so far and say the same in text', () => {
    const sim = run('cross-account-external-id');
    const r = sim.result.steps[0]!;
    if (r.kind === 'clock') throw new Error('kind');
    // Given the first two checks of step 1 have played
    const { container } = render(
      <>
        <GateTrace mode="compact" entries={r.trace} revealed={2} outcome="AccessDenied" ok={false} />
        <TraceText intro="Step 1 of 4: AssumeRole." trace={r.trace} revealed={2} outcome="AccessDenied" />
      </>,
    );
    // Then two gates are lit, the rest pending, and the live text lists just those two
    expect(container.querySelectorAll('.gate--pass')).toHaveLength(2);
    expect(container.querySelectorAll('.gate--pending').length).toBe(r.trace.length - 2 + 1);
    const live = container.querySelector('[aria-live="polite"]')!;
    expect(within(live as HTMLElement).getAllByRole('listitem')).toHaveLength(2);
    expect(live.textContent).not.toContain('Result:');
    cleanup();
    // When the step completes, the failures and the result appear, with links to the notes
    render(<TraceText intro="Step 1 of 4: AssumeRole." trace={r.trace} revealed="all" outcome="AccessDenied" />);
    expect(screen.getByText('Result: AccessDenied')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Learn: External ID: how STS checks it' }).getAttribute('href')).toBe('/notes/external-id/#how-sts-checks-it');
  });
});

describe('StepResult', () => {
  it('shows what AWS says beside why, the CLI command, and applies a fix', () => {
    const sim = run('cross-account-external-id');
    const onApplyFix = vi.fn();
    render(<StepResult scenario={sim.scenario} steps={sim.result.steps} index={0} canApply onApplyFix={onApplyFix} />);
    expect(screen.getByRole('heading', { name: 'What AWS tells you' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Why' })).toBeTruthy();
    expect(screen.getByText(/is not authorized to perform: sts:AssumeRole on resource/)).toBeTruthy();
    expect(screen.getByText(/aws sts assume-role/).textContent).toContain('--role-session-name audit');
    fireEvent.click(screen.getByRole('button', { name: /^Apply: Pass the ExternalId/ }));
    expect(onApplyFix.mock.calls[0]![0].patch).toEqual([{ op: 'add', path: '/steps/0/params/ExternalId', value: 'Cust-7f3a9c21' }]);
  });

  it('shows the credentials card with its lifetime on the simulated clock', () => {
    const sim = run('cross-account-external-id');
    render(<StepResult scenario={sim.scenario} steps={sim.result.steps} index={2} canApply onApplyFix={() => {}} />);
    expect(screen.getByText('AccessKeyId')).toBeTruthy();
    expect(screen.getByText('2026-01-01T01:00:00Z')).toBeTruthy();
    expect(screen.getByText('arn:aws:sts::222222222222:assumed-role/VendorAudit/audit')).toBeTruthy();
    expect(screen.getByText('AROAVENDORAUDIT000001:audit')).toBeTruthy();
    expect(screen.getByText('1 h')).toBeTruthy();
    expect(screen.getByText(/on the simulated clock \(it is 00:00:00Z at this step\)/)).toBeTruthy();
  });

  it('shows the token GetWebIdentityToken returns, decoded into header and claims', () => {
    // Given the built-in outbound-federation scenario, when its GetWebIdentityToken step is shown
    const sim = run('get-web-identity-token');
    render(<StepResult scenario={sim.scenario} steps={sim.result.steps} index={1} canApply onApplyFix={() => {}} />);
    // Then the header and the claims are readable text, in labelled regions
    expect(screen.getByText('WebIdentityToken, decoded')).toBeTruthy();
    const claims = screen.getByRole('region', { name: 'JWT claims' }).textContent ?? '';
    expect(claims).toContain('"sub": "arn:aws:iam::111111111111:role/App"');
    expect(claims).toContain('"aud": "https://api.partner.example"');
    expect(claims).toContain('"https://sts.amazonaws.com/"');
    expect(screen.getByRole('region', { name: 'JWT header' }).textContent).toContain('"alg": "RS256"');
    expect(screen.getByRole('button', { name: 'Copy token' })).toBeTruthy();
    // And the raw compact JWT is not repeated as a field
    expect(screen.queryByText('WebIdentityToken', { selector: 'dt' })).toBeNull();
  });

  it('names the decision and the policy that decided a request', () => {
    const sim = run('cross-account-external-id');
    render(<StepResult scenario={sim.scenario} steps={sim.result.steps} index={3} canApply onApplyFix={() => {}} />);
    expect(screen.getByText('Allow')).toBeTruthy();
    expect(screen.getByText('Decided by:')).toBeTruthy();
  });
});

describe('Library', () => {
  it('filters by every search word and by tag', () => {
    const index = testIndex();
    expect(filterScenarios(index, 'chaining one hour', '').map((e) => e.id)).toContain('role-chaining-one-hour');
    expect(filterScenarios(index, '', 'saml').every((e) => e.tags.includes('saml'))).toBe(true);
    expect(filterScenarios(index, 'zzzz', '')).toEqual([]);
  });

  it('opens a scenario or a template', () => {
    const onOpen = vi.fn();
    const onTemplate = vi.fn();
    render(<Library index={testIndex()} onOpen={onOpen} onTemplate={onTemplate} />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search scenarios' }), { target: { value: 'external id' } });
    expect(screen.getByRole('status').textContent).toMatch(/of \d+ scenarios/);
    fireEvent.click(screen.getByRole('link', { name: 'A vendor role guarded by an ExternalId' }));
    expect(onOpen).toHaveBeenCalledWith('cross-account-external-id');
    fireEvent.click(screen.getByRole('button', { name: 'SAML federation' }));
    expect(onTemplate.mock.calls[0]![0].id).toBe('my-saml-role');
  });
});

describe('FormPanel', () => {
  it('writes each knob back to the JSON', () => {
    const doc = JSON.parse(scenarioText('cross-account-external-id')) as unknown;
    const onChange = vi.fn();
    render(<FormPanel doc={doc} step={0} onSelectStep={() => {}} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('ExternalId'), { target: { value: 'Cust-7f3a9c21' } });
    expect(JSON.parse(onChange.mock.calls.at(-1)![0]).steps[0].params.ExternalId).toBe('Cust-7f3a9c21');
    fireEvent.change(screen.getByLabelText('MaxSessionDuration (seconds)'), { target: { value: '7200' } });
    expect(JSON.parse(onChange.mock.calls.at(-1)![0]).world.roles[0].maxSessionDuration).toBe(7200);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Signed in with MFA (a console session)' }));
    expect(JSON.parse(onChange.mock.calls.at(-1)![0]).steps[0].as).toEqual({ user: 'arn:aws:iam::111111111111:user/vendor-scanner', mfaAgeSeconds: 300 });
    fireEvent.click(screen.getByRole('button', { name: 'Remove condition 1' }));
    expect(JSON.parse(onChange.mock.calls.at(-1)![0]).world.roles[0].trustPolicy.Statement[0].Condition).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(JSON.parse(onChange.mock.calls.at(-1)![0]).steps[0].params.Tags).toEqual([{ Key: 'tag1', Value: 'value' }]);
  });

  it('keeps a half-typed session policy as typed', () => {
    const doc = JSON.parse(scenarioText('cross-account-external-id')) as unknown;
    const onChange = vi.fn();
    render(<FormPanel doc={doc} step={0} onSelectStep={() => {}} onChange={onChange} />);
    const box = screen.getByLabelText('Session policy (Policy)') as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: '{"Version": ' } });
    expect(box.value).toBe('{"Version": ');
    expect(JSON.parse(onChange.mock.calls.at(-1)![0]).steps[0].params.Policy).toBe('{"Version": ');
  });

  it('asks for valid JSON first', () => {
    render(<FormPanel doc={undefined} step={0} onSelectStep={() => {}} onChange={() => {}} />);
    expect(screen.getByText(/needs the text to be valid JSON/)).toBeTruthy();
  });
});

describe('AwsImport', () => {
  it('recognises get-role output and adds the role to the world', () => {
    const onApply = vi.fn();
    render(<AwsImport text={scenarioText('cross-account-external-id')} onApply={onApply} />);
    const role = { Role: { Arn: 'arn:aws:iam::333333333333:role/Audit', RoleId: 'AROAAUDITEXAMPLE00001', MaxSessionDuration: 3600, AssumeRolePolicyDocument: '%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D' } };
    fireEvent.change(screen.getByLabelText('AWS CLI output'), { target: { value: JSON.stringify(role) } });
    expect(screen.getByText(/Recognised/).textContent).toContain('arn:aws:iam::333333333333:role/Audit');
    fireEvent.click(screen.getByRole('button', { name: 'Add to world' }));
    const [text, summary] = onApply.mock.calls[0]! as [string, string];
    expect(summary).toBe('Added role Audit (account 333333333333) with its trust policy and MaxSessionDuration 3600.');
    expect(JSON.parse(text).world.roles.at(-1)).toEqual({ arn: 'arn:aws:iam::333333333333:role/Audit', id: 'AROAAUDITEXAMPLE00001', maxSessionDuration: 3600, trustPolicy: { Version: '2012-10-17', Statement: [] } });
  });

  it('explains what it cannot import', () => {
    render(<AwsImport text="{}" onApply={() => {}} />);
    fireEvent.change(screen.getByLabelText('AWS CLI output'), { target: { value: '{"Buckets": []}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to world' }));
    expect(screen.getByRole('alert').textContent).toMatch(/not recognised/);
  });
});
