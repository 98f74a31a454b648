/**
 * The whole scenario as a mermaid sequence diagram: the calls between the callers, any
 * identity provider, STS, IAM and the services that requests go to. Returns mermaid source
 * text only (components/diagram/mermaid.chunk.ts renders it), so it is pure and testable.
 */
import type { CallResult, RequestResult, StsResult } from '../scenario/run';
import type { Scenario, Step } from '../scenario/schema';
import type { Gate } from '../sts/types';

/** Options for the diagram. */
export interface SequenceOptions {
  /** Index of the step to highlight. */
  current?: number;
  /** Background of the highlighted step, any CSS colour mermaid accepts. */
  highlight?: string;
}

/** A participant of the diagram. */
export interface Participant {
  /** Mermaid id (letters and digits). */
  id: string;
  /** Label shown in the box. */
  label: string;
  kind: 'caller' | 'idp' | 'sts' | 'iam' | 'service';
}

// Gates where STS or a service reads IAM policies (identity, trust, SCP, boundary, resource).
const policyGates: ReadonlySet<Gate> = new Set<Gate>(['caller-permissions', 'trust-policy', 'external-id', 'session-tags', 'source-identity', 'rcp', 'scp', 'resource-policy', 'boundary', 'identity-policy']);

/**
 * Makes text safe inside a mermaid message or label: `#` and `;` end or escape statements and
 * `<` starts HTML, so they become mermaid entity codes; newlines become spaces.
 * @example mermaidText('a;b') // 'a#59;b'
 */
export function mermaidText(s: string): string {
  const codes: Record<string, string> = { '#': '#35;', ';': '#59;', '<': '#lt;', '>': '#gt;' };
  return s
    .replace(/[#;<>]/g, (c) => codes[c]!)
    .replace(/[\r\n]+/g, ' ')
    .trim();
}

const lastPart = (arn: string) => arn.split('/').pop() ?? arn;
/** `arn:aws:sts::1:assumed-role/RoleX/s1` → `assumed-role/RoleX/s1`; `arn:aws:s3:::b/k` → `b/k`. */
const shortArn = (arn: string) => (arn.startsWith('arn:') ? arn.split(':').slice(5).join(':') || arn : arn);
const hhmm = (iso: string) => /T(\d{2}:\d{2}(?::\d{2})?Z?)/.exec(iso)?.[1] ?? iso;

function callArgs(step: Extract<Step, { call: string }>): string {
  const p = (step.params ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
  if (str('RoleArn')) parts.push(lastPart(str('RoleArn')!));
  if (str('RoleSessionName')) parts.push(str('RoleSessionName')!);
  if (str('Name')) parts.push(str('Name')!);
  if (str('TargetPrincipal')) parts.push(str('TargetPrincipal')!);
  if (typeof p.DurationSeconds === 'number') parts.push(`${p.DurationSeconds} s`);
  if (str('ExternalId')) parts.push(`ExternalId ${str('ExternalId')}`);
  if (str('TokenCode')) parts.push('MFA code');
  return parts.length ? `(${parts.join(', ')})` : '';
}

function serviceName(action: string): string {
  const prefix = action.split(':')[0] ?? 'service';
  const known: Record<string, string> = { s3: 'S3', ec2: 'EC2', dynamodb: 'DynamoDB', kms: 'KMS', sqs: 'SQS', sns: 'SNS', lambda: 'Lambda', iam: 'IAM API', sts: 'STS', logs: 'CloudWatch Logs', secretsmanager: 'Secrets Manager', ssm: 'Systems Manager' };
  return known[prefix] ?? prefix.toUpperCase();
}

/** Collects the participants of a scenario in display order. */
export function participants(scenario: Pick<Scenario, 'steps'>, result: StsResult): { list: Participant[]; callerOf: (string | undefined)[]; idpOf: (string | undefined)[]; serviceOf: (string | undefined)[] } {
  const callers: Participant[] = [];
  const idps: Participant[] = [];
  const services: Participant[] = [];
  const byKey = new Map<string, Participant>();
  const add = (bucket: Participant[], key: string, label: string, kind: Participant['kind'], prefix: string): Participant => {
    const found = byKey.get(key);
    if (found) return found;
    const p = { id: `${prefix}${bucket.length + 1}`, label, kind };
    bucket.push(p);
    byKey.set(key, p);
    return p;
  };
  const sessionLabel = new Map<string, string>();
  result.steps.forEach((r) => {
    if (r.kind === 'call' && r.id && r.outcome === 'success') {
      const resp = r.response ?? {};
      const arn = (resp.AssumedRoleUser as { Arn?: string } | undefined)?.Arn ?? (resp.FederatedUser as { Arn?: string } | undefined)?.Arn;
      sessionLabel.set(r.id, arn ? `session ${arn.split('/').slice(1).join('/')}` : `session from ${r.id}`);
    }
  });
  const callerOf: (string | undefined)[] = [];
  const idpOf: (string | undefined)[] = [];
  const serviceOf: (string | undefined)[] = [];
  scenario.steps.forEach((step, i) => {
    if (!('call' in step) && !('request' in step)) return;
    const as = step.as;
    let caller: Participant;
    if (!as) {
      const fed = 'call' in step && (step.call === 'AssumeRoleWithSAML' || step.call === 'AssumeRoleWithWebIdentity');
      caller = add(callers, 'anon', fed ? (step.call === 'AssumeRoleWithSAML' ? 'User (browser)' : 'Workload') : 'Unsigned caller', 'caller', 'C');
    } else if ('user' in as) caller = add(callers, `user:${as.user}`, lastPart(as.user), 'caller', 'C');
    else if ('root' in as) caller = add(callers, `root:${as.root}`, `root ${as.root}`, 'caller', 'C');
    else if ('session' in as) caller = add(callers, `session:${as.session}`, sessionLabel.get(as.session) ?? `session from ${as.session}`, 'caller', 'C');
    else caller = add(callers, `key:${as.accessKeyId}`, `key ${as.accessKeyId}`, 'caller', 'C');
    callerOf[i] = caller.id;
    if ('call' in step && (step.call === 'AssumeRoleWithSAML' || step.call === 'AssumeRoleWithWebIdentity')) {
      const p = (step.params ?? {}) as Record<string, unknown>;
      let label = step.call === 'AssumeRoleWithSAML' ? 'SAML IdP' : 'OIDC IdP';
      if (typeof p.PrincipalArn === 'string') label = lastPart(p.PrincipalArn);
      const tok = p.WebIdentityToken;
      if (tok && typeof tok === 'object' && typeof (tok as { iss?: unknown }).iss === 'string') label = (tok as { iss: string }).iss.replace(/^https:\/\//, '');
      else if (typeof p.ProviderId === 'string') label = p.ProviderId;
      idpOf[i] = add(idps, `idp:${label}`, label, 'idp', 'P').id;
    }
    if ('request' in step) serviceOf[i] = add(services, `svc:${serviceName(step.request.action)}`, serviceName(step.request.action), 'service', 'V').id;
  });
  const usesIam = result.steps.some((r) => r.kind !== 'clock' && r.trace.some((t) => policyGates.has(t.gate) && (t.result === 'pass' || t.result === 'fail')));
  const usesSts = scenario.steps.some((s) => 'call' in s);
  const list = [
    ...callers,
    ...idps,
    ...(usesSts ? [{ id: 'STS', label: 'STS', kind: 'sts' as const }] : []),
    ...(usesIam ? [{ id: 'IAM', label: 'IAM policies', kind: 'iam' as const }] : []),
    ...services,
  ];
  return { list, callerOf, idpOf, serviceOf };
}

function policyCheck(r: CallResult | RequestResult): { gates: string[]; failed: string[] } | undefined {
  const checked = r.trace.filter((t) => policyGates.has(t.gate) && (t.result === 'pass' || t.result === 'fail'));
  if (!checked.length) return undefined;
  const uniq = (xs: string[]) => [...new Set(xs)];
  return { gates: uniq(checked.map((t) => t.gate)), failed: uniq(checked.filter((t) => t.result === 'fail').map((t) => t.gate)) };
}

/**
 * Generates the mermaid source of a scenario's run.
 * @param scenario the validated scenario
 * @param result its `sts-result/v1` document
 * @param options which step to highlight
 * @returns mermaid `sequenceDiagram` source
 * @example sequenceDiagram(sim.scenario, sim.result, { current: 0 }).startsWith('sequenceDiagram') // true
 */
export function sequenceDiagram(scenario: Pick<Scenario, 'steps'>, result: StsResult, options: SequenceOptions = {}): string {
  const { list, callerOf, idpOf, serviceOf } = participants(scenario, result);
  const lines = ['sequenceDiagram'];
  for (const p of list) lines.push(`  participant ${p.id} as ${mermaidText(p.label)}`);
  if (!list.length) {
    lines.push('  participant STS');
    lines.push('  Note over STS: no steps yet');
    return lines.join('\n');
  }
  const first = list[0]!.id;
  const last = list[list.length - 1]!.id;
  const span = first === last ? first : `${first},${last}`;
  const highlight = options.highlight ?? 'rgba(31, 95, 191, 0.14)';

  result.steps.forEach((r, i) => {
    const step = scenario.steps[i];
    if (!step) return;
    const body: string[] = [];
    const n = i + 1;
    const msg = (from: string, arrow: string, to: string, text: string) => body.push(`  ${from}${arrow}${to}: ${mermaidText(text)}`);
    if (r.kind === 'clock') {
      body.push(`  Note over ${span}: ${mermaidText(`${n} · clock moves to ${r.at}`)}`);
    } else if (r.kind === 'call' && 'call' in step) {
      const caller = callerOf[i]!;
      const idp = idpOf[i];
      if (idp && step.call === 'AssumeRoleWithSAML') {
        msg(caller, '->>', idp, `${n} · sign in`);
        msg(idp, '-->>', caller, 'signed SAML assertion');
      } else if (idp) {
        msg(idp, '-->>', caller, `${n} · ID token`);
      }
      msg(caller, '->>', 'STS', `${idp ? '' : `${n} · `}${step.call}${callArgs(step)}`);
      if (idp && step.call === 'AssumeRoleWithWebIdentity' && r.trace.some((t) => t.gate === 'token' && t.result !== 'skip')) {
        msg('STS', '->>', idp, 'fetch signing keys, verify token');
        const tokenFail = r.trace.find((t) => t.gate === 'token' && t.result === 'fail');
        msg(idp, '-->>', 'STS', tokenFail ? `token rejected (${tokenFail.code})` : 'token valid');
      }
      const check = policyCheck(r);
      if (check) {
        msg('STS', '->>', 'IAM', `check ${check.gates.join(', ')}`);
        msg('IAM', '-->>', 'STS', check.failed.length ? `fails: ${check.failed.join(', ')}` : 'passes');
      }
      if (r.outcome === 'error') msg('STS', '--x', caller, `${r.error?.code ?? 'Error'} (${r.error?.httpStatus ?? 400})`);
      else {
        const resp = r.response ?? {};
        const creds = resp.Credentials as { Expiration?: string } | undefined;
        if (creds?.Expiration) msg('STS', '-->>', caller, `credentials until ${hhmm(creds.Expiration)}`);
        else if (typeof resp.Arn === 'string') msg('STS', '-->>', caller, shortArn(resp.Arn));
        else if (typeof resp.Account === 'string') msg('STS', '-->>', caller, `account ${resp.Account}`);
        else msg('STS', '-->>', caller, 'OK');
      }
    } else if (r.kind === 'request' && 'request' in step) {
      const caller = callerOf[i]!;
      const svc = serviceOf[i]!;
      msg(caller, '->>', svc, `${n} · ${r.action} ${shortArn(r.resource)}`);
      const check = policyCheck(r);
      if (check) {
        msg(svc, '->>', 'IAM', 'evaluate policies');
        msg('IAM', '-->>', svc, r.decision);
      }
      if (r.outcome === 'error') msg(svc, '--x', caller, `${r.error?.code ?? 'AccessDenied'} (${r.error?.httpStatus ?? 403})`);
      else msg(svc, '-->>', caller, 'allowed')
    }
    if (i === options.current) {
      lines.push(`  rect ${highlight}`);
      lines.push(...body.map((l) => `  ${l}`));
      lines.push('  end');
    } else lines.push(...body);
  });
  return lines.join('\n');
}
