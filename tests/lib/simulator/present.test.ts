import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import { cliCommand, cliCredentialsHint, optionName, shellQuote } from '@/lib/simulator/cliCommand';
import { noteHref, noteLabel } from '@/lib/simulator/notes';
import { decidingEntries, outcomeText } from '@/lib/simulator/outcome';
import { decodeShare, encodeShare, fingerprint, sharePayload, shareUrl } from '@/lib/simulator/share';
import { templateText, templates } from '@/lib/simulator/templates';
import { formatDuration, sessionTimeline } from '@/lib/simulator/timeline';

function run(file: string) {
  const sim = simulate(readFileSync(file, 'utf8'));
  if (!sim.ok) throw new Error(JSON.stringify(sim.issues));
  return sim;
}

describe('outcome text', () => {
  it('says what each step did, as the Outcome list shows it', () => {
    const sim = run('content/scenarios/cross-account-external-id.json');
    expect(sim.result.steps.map(outcomeText)).toEqual(['AccessDenied', 'AccessDenied', 'Credentials issued, expires 2026-01-01T01:00:00Z', 'Allow']);
    const r = sim.result.steps[0]!;
    if (r.kind === 'clock') throw new Error('kind');
    expect(decidingEntries(r).map((t) => t.gate)).toEqual(['external-id', 'trust-policy']);
  });
});

describe('the aws CLI command', () => {
  it('maps API parameter names to CLI options', () => {
    expect(['RoleArn', 'RoleSessionName', 'SAMLAssertion', 'PolicyArns', 'TransitiveTagKeys', 'AccessKeyId'].map(optionName)).toEqual([
      '--role-arn', '--role-session-name', '--saml-assertion', '--policy-arns', '--transitive-tag-keys', '--access-key-id',
    ]);
    expect(shellQuote('it\'s {"a":1}')).toBe(`'it'\\''s {"a":1}'`);
  });

  it('writes tags, session policies and from-step values', () => {
    const scenario = {
      region: 'eu-west-1',
      steps: [
        { id: 'a', as: { user: 'arn:aws:iam::111111111111:user/alice' }, call: 'AssumeRole' as const, params: { RoleArn: 'arn:aws:iam::2:role/R', RoleSessionName: 's', Tags: [{ Key: 'team', Value: 'blue' }], Policy: { Version: '2012-10-17' } } },
        { as: { session: 'a' }, call: 'GetAccessKeyInfo' as const, params: { AccessKeyId: { fromStep: 'a', path: 'response.Credentials.AccessKeyId' } } },
      ],
    };
    const results = [{ kind: 'call', id: 'a', call: 'AssumeRole', at: '', outcome: 'success', trace: [], response: { Credentials: { AccessKeyId: 'ASIAEXAMPLE' } } }] as never;
    expect(cliCommand(scenario, 0)).toBe(
      `aws sts assume-role \\\n  --role-arn arn:aws:iam::2:role/R \\\n  --role-session-name s \\\n  --tags Key=team,Value=blue \\\n  --policy '{"Version":"2012-10-17"}' \\\n  --region eu-west-1`,
    );
    expect(cliCommand(scenario, 1, results)).toContain('--access-key-id ASIAEXAMPLE');
    expect(cliCredentialsHint(scenario, 0)).toBe("# run with alice's credentials");
    expect(cliCredentialsHint(scenario, 1)).toMatch(/from step "a"/);
  });

  it('has a command for every call step of every built-in scenario', () => {
    for (const f of readdirSync('content/scenarios').filter((x) => x.endsWith('.json'))) {
      const sim = run(`content/scenarios/${f}`);
      sim.scenario.steps.forEach((s, i) => {
        const cmd = cliCommand(sim.scenario, i, sim.result.steps);
        if ('call' in s) expect(cmd, `${f} step ${i}`).toMatch(/^aws sts [a-z-]+/);
        else expect(cmd).toBeUndefined();
      });
    }
  });
});

describe('share links', () => {
  it('round-trips a scenario through the URL fragment', () => {
    const text = readFileSync('content/scenarios/cross-account-external-id.json', 'utf8');
    const url = shareUrl('https://example.org', text);
    expect(url).toMatch(/^https:\/\/example\.org\/simulator\/#s=[A-Za-z0-9_-]+$/);
    const payload = sharePayload(new URL(url).hash)!;
    const back = decodeShare(payload);
    expect(back.ok && JSON.parse(back.value)).toEqual(JSON.parse(text));
    // compressed well below the text's size
    expect(payload.length).toBeLessThan(text.length / 2);
  });

  it('keeps invalid JSON as typed, and reports damaged links', () => {
    expect(decodeShare(encodeShare('{"a": tr'))).toEqual({ ok: true, value: '{"a": tr' });
    expect(decodeShare('###').ok).toBe(false);
    expect(decodeShare(encodeShare('{"a":1}').slice(0, 3)).ok).toBe(false);
    expect(sharePayload('#x=1')).toBeUndefined();
    expect(fingerprint('abc')).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('timeline', () => {
  it('chains sessions and measures lifetimes on the simulated clock', () => {
    const sim = run('content/scenarios/role-chaining-one-hour.json');
    const t = sessionTimeline(sim.scenario, sim.result);
    expect(t.sessions.length).toBeGreaterThan(1);
    expect(t.sessions.some((s) => s.parentStep !== undefined)).toBe(true);
    for (const s of t.sessions) expect(s.expiresAt).toBeGreaterThan(s.issuedAt);
    expect(t.end).toBeGreaterThanOrEqual(Math.max(...t.sessions.map((s) => s.expiresAt)));
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(3_570_000)).toBe('59 min 30 s');
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(-61_000)).toBe('-1 min 1 s');
  });
});

describe('notes links', () => {
  it('links a learn reference to its note section', () => {
    expect(noteHref('trust-policies#conditions')).toBe('/notes/trust-policies/#conditions');
    expect(noteLabel('mfa-and-get-session-token#getsessiontoken')).toBe('MFA and get session token: GetSessionToken');
  });
});

describe('templates', () => {
  it('are valid scenarios whose every step succeeds', () => {
    expect(templates.map((t) => t.id)).toEqual(['my-cross-account-role', 'my-oidc-role', 'my-saml-role']);
    for (const t of templates) {
      const sim = simulate(templateText(t));
      expect(sim.ok, t.id).toBe(true);
      if (sim.ok) expect(sim.result.steps.map(outcomeText).every((o) => o.startsWith('Credentials issued') || o === 'Allow'), t.id).toBe(true);
    }
  });
});
