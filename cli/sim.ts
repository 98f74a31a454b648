/**
 * The scenario command line (`npm run -s sim -- run|check FILE.json …`), as
 * ../shared/scenario-format.md specifies. One process runs any number of files.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { caps, simulate } from '../lib/engine';
import { labMain } from './lab';
import { type StepResult, type StsResult } from '../lib/scenario/run';
import { type ScenarioIssue } from '../lib/scenario/buildWorld';
import { atLeast, lintPolicy, lintScenario, severities, type ScenarioFinding, type Severity } from '../lib/lint/trustLint';
import { recognise } from '../lib/debug/recognise';

const USAGE = `usage:
  npm run -s sim -- run FILE.json [FILE.json …] [--json]   run scenarios and print the results
  npm run -s sim -- check FILE.json [FILE.json …] [--json] run scenarios and compare each step with its "expect"
  npm run -s sim -- lab check LAB.json [LAB.json …] [--json] verify lab files (docs/lab-format.md)
  npm run -s sim -- lint FILE.json [FILE.json …] [--json] [--fail-on info|low|medium|high]
                                                           trust-policy findings in policy files, scenarios or get-role output

exit status: 0 ok; 1 (check) an expectation was not met, (lint) a finding at or above --fail-on (default low);
2 a file is not valid JSON or not a valid scenario (lint: holds no policy)`;

type Loaded = { file: string; ok: true; result: StsResult } | { file: string; ok: false; issues: ScenarioIssue[] };

/** An internal error becomes the file's own located problem; the other files still run. */
const internal = (file: string, e: unknown): Loaded => ({ file, ok: false, issues: [{ path: '', message: `internal error: ${e instanceof Error ? e.message : String(e)}` }] });

function runFile(file: string): Loaded {
  let text: string;
  try {
    // A UTF-8 character takes at most 4 bytes: a file larger than this cannot be within the cap.
    if (statSync(file).size > caps.fileChars * 4) return { file, ok: false, issues: [{ path: '', message: `the file is larger than a scenario may be (${caps.fileChars} characters)` }] };
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { file, ok: false, issues: [{ path: '', message: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? String(e)}` }] };
  }
  try {
    const sim = simulate(text);
    return sim.ok ? { file, ok: true, result: sim.result } : { file, ok: false, issues: sim.issues };
  } catch (e) {
    return internal(file, e);
  }
}

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, s: string): string => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
const mark = { pass: paint('32', '✓'), fail: paint('31', '✗'), skip: paint('2', '–'), info: paint('36', 'i') } as const;

/** A readable trace for a terminal. */
function formatHuman(r: StsResult, file: string): string {
  const lines = [paint('1', `${r.scenario}`) + paint('2', `  (${file})`)];
  for (const s of r.steps) {
    if (s.kind === 'clock') {
      lines.push(paint('2', `  ⏱  clock → ${s.at}`));
      continue;
    }
    const head = s.kind === 'call' ? `${s.call}` : `${s.action} ${s.resource}`;
    const verdict = s.kind === 'request' ? s.decision + (s.error ? ` (${s.error.code})` : '') : s.outcome === 'success' ? 'success' : `${s.error?.code}`;
    lines.push(`  ${s.outcome === 'success' ? mark.pass : mark.fail} ${paint('1', s.id ?? '')} ${head} @ ${s.at}: ${verdict}`);
    for (const t of s.trace) lines.push(`      ${mark[t.result]} [${t.gate}] ${t.reason}${t.uncertain ? paint('33', ' (AWS behaviour not documented; model choice)') : ''}`);
    if (s.kind === 'call' && s.response) {
      const c = s.response.Credentials as Record<string, string> | undefined;
      if (c) lines.push(`      → ${c.AccessKeyId}, expires ${c.Expiration}`);
      const a = (s.response.AssumedRoleUser ?? s.response.FederatedUser) as Record<string, string> | undefined;
      if (a) lines.push(`      → ${a.Arn}`);
      if (s.token) {
        lines.push(`      → token expires ${String(s.response.Expiration)}; header ${JSON.stringify(s.token.header)}`);
        lines.push(`      → claims ${JSON.stringify(s.token.claims, null, 2).replace(/\n/g, '\n        ')}`);
      } else if (!c && !a) lines.push(`      → ${JSON.stringify(s.response)}`);
    }
    if (s.error) lines.push(`      → ${s.error.code} (${s.error.httpStatus}): ${s.error.message.length > 300 ? s.error.message.slice(0, 300) + '…' : s.error.message}`);
    for (const f of s.fixes ?? []) lines.push(`      ${paint('36', 'fix:')} ${f.summary}${f.weakens ? paint('33', ` (weakens security: ${f.weakens})`) : ''}`);
    if (s.expect && !s.expect.met) for (const m of s.expect.mismatches) lines.push(`      ${paint('31', 'expected')} ${m.field} ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`);
  }
  return lines.join('\n');
}

const unmet = (steps: StepResult[]) => steps.filter((s) => s.kind !== 'clock' && s.expect && !s.expect.met);

/** `lint`: findings per file, readable or as JSON Lines. */
function lint(args: string[]): number {
  const json = args.includes('--json');
  const at = args.indexOf('--fail-on');
  const failOn = (at >= 0 ? args[at + 1] : 'low') as Severity;
  const files = args.filter((a, i) => a !== '--json' && a !== '--fail-on' && (at < 0 || i !== at + 1));
  if (!severities.includes(failOn) || files.length === 0 || files.some((f) => f.startsWith('--'))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let invalid = false;
  let failing = 0;
  const out: string[] = [];
  for (const file of files) {
    let findings: ScenarioFinding[] | undefined;
    try {
      const text = readFileSync(file, 'utf8');
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        data = undefined;
      }
      const obj = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
      if (obj?.format === 'sts-scenario/v1' || (obj && 'world' in obj)) findings = lintScenario(obj);
      else if (obj && 'Statement' in obj) findings = lintPolicy(obj).map((f) => ({ ...f, where: '' }));
      else {
        // get-role output, or a paste with policies in it.
        const policies = recognise(text).items.flatMap((i) => (i.kind === 'trust-policy' || i.kind === 'identity-policy' ? [i] : []));
        if (policies.length)
          findings = policies.flatMap((p) => {
            const roleAccount = p.kind === 'trust-policy' && p.role ? /::(\d{12}):/.exec(p.role.arn)?.[1] : undefined;
            return lintPolicy(p.policy, roleAccount ? { roleAccount } : {}).map((f) => ({ ...f, where: p.kind === 'trust-policy' && p.role ? 'Role.AssumeRolePolicyDocument' : '' }));
          });
      }
    } catch (e) {
      process.stderr.write(`${file}: (file): cannot read file: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
      invalid = true;
      continue;
    }
    if (!findings) {
      process.stderr.write(`${file}: (file): no policy found (expected a policy document, a scenario file or aws iam get-role output)\n`);
      invalid = true;
      continue;
    }
    failing += findings.filter((f) => atLeast(f, failOn)).length;
    if (json) out.push(JSON.stringify({ format: 'sts-lint/v1', file, findings }));
    else {
      out.push(`${findings.length ? mark.fail : mark.pass} ${file}: ${findings.length} finding${findings.length === 1 ? '' : 's'}`);
      for (const f of findings) {
        const sev = f.severity === 'high' ? paint('31', f.severity) : f.severity === 'medium' ? paint('33', f.severity) : paint('2', f.severity);
        out.push(`  ${sev} ${paint('1', f.rule)} at ${f.where ? `${f.where}.` : ''}${f.path}${f.statement.sid ? ` (Sid ${f.statement.sid})` : ''}`);
        out.push(`      ${f.message}`);
        out.push(paint('2', `      why: ${f.why}`));
        out.push(paint('2', `      see: /notes/${f.learn.replace('#', '/#')} · ${f.source}`));
      }
    }
  }
  if (out.length) process.stdout.write(out.join('\n') + '\n');
  if (invalid) return 2;
  return failing > 0 ? 1 : 0;
}

/**
 * Runs the command line.
 * @param argv the arguments after the script name
 * @returns the exit status
 * @example main(['run', 'a.json', '--json'])
 */
export function main(argv: string[]): number {
  const [cmd, ...rest] = argv;
  if (cmd === 'lab') return labMain(rest);
  if (cmd === 'lint') return lint(rest);
  const json = rest.includes('--json');
  const files = rest.filter((a) => a !== '--json');
  if ((cmd !== 'run' && cmd !== 'check') || files.length === 0 || rest.some((a) => a.startsWith('--') && a !== '--json')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let invalid = false;
  let failed = false;
  let checked = 0;
  let passedSteps = 0;
  let failedSteps = 0;
  const out: string[] = [];
  for (const file of files) {
    let r = runFile(file);
    let line: string | undefined;
    if (r.ok && cmd === 'run') {
      // Formatting is the last place a file could fail; it too stays that file's problem.
      try {
        line = json ? JSON.stringify(files.length > 1 ? { ...r.result, file } : r.result, null, files.length > 1 ? undefined : 2) : formatHuman(r.result, file);
      } catch (e) {
        r = internal(file, e);
      }
    }
    if (!r.ok) {
      invalid = true;
      for (const i of r.issues) process.stderr.write(`${file}: ${i.path || '(file)'}: ${i.message}\n`);
      if (json) out.push(JSON.stringify({ format: 'sts-result/v1', file, invalid: r.issues }));
      continue;
    }
    if (cmd === 'run') {
      out.push(line!);
      continue;
    }
    checked++;
    const bad = unmet(r.result.steps);
    const withExpect = r.result.steps.filter((s) => s.kind !== 'clock' && s.expect).length;
    failedSteps += bad.length;
    passedSteps += withExpect - bad.length;
    if (bad.length) failed = true;
    if (json) out.push(JSON.stringify({ ...r.result, file }));
    else {
      out.push(`${bad.length ? mark.fail : mark.pass} ${file} (${r.result.scenario}): ${withExpect - bad.length}/${withExpect} expectations met`);
      for (const s of bad) {
        if (s.kind === 'clock') continue;
        for (const m of s.expect!.mismatches) out.push(`    step ${s.id ?? '?'}: expected ${m.field} ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}${s.error ? ` (${s.error.code}: ${s.error.message.slice(0, 160)})` : ''}`);
      }
    }
  }
  if (out.length) process.stdout.write(out.join('\n') + '\n');
  if (cmd === 'check' && !json) process.stdout.write(`${files.length} files, ${checked} checked${invalid ? `, ${files.length - checked} invalid` : ''}\n${passedSteps} passed, ${failedSteps} failed\n`);
  if (invalid) return 2;
  return cmd === 'check' && failed ? 1 : 0;
}

// Run when started as a script (tests import main instead).
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
