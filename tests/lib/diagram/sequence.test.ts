import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import { mermaidText, participants, sequenceDiagram } from '@/lib/diagram/sequence';

function run(file: string) {
  const sim = simulate(readFileSync(file, 'utf8'));
  if (!sim.ok) throw new Error(`${file}: ${JSON.stringify(sim.issues)}`);
  return sim;
}

describe('sequenceDiagram', () => {
  it('draws a denied then allowed cross-account call, and a request to S3', () => {
    // Given the ExternalId scenario (two denials, a success, a read)
    const sim = run('content/scenarios/cross-account-external-id.json');
    // When it is drawn with the second step current
    const src = sequenceDiagram(sim.scenario, sim.result, { current: 1, highlight: 'rgba(0, 0, 0, 0.1)' });
    // Then every call goes caller → STS → IAM and back, and the current step sits in a rect
    expect(src).toMatchInlineSnapshot(`
      "sequenceDiagram
        participant C1 as vendor-scanner
        participant C2 as session VendorAudit/audit
        participant STS as STS
        participant IAM as IAM policies
        participant V1 as S3
        C1->>STS: 1 · AssumeRole(VendorAudit, audit)
        STS->>IAM: check external-id, trust-policy
        IAM-->>STS: fails: external-id, trust-policy
        STS--xC1: AccessDenied (403)
        rect rgba(0, 0, 0, 0.1)
          C1->>STS: 2 · AssumeRole(VendorAudit, audit, ExternalId Cust-0000other)
          STS->>IAM: check external-id, trust-policy
          IAM-->>STS: fails: external-id, trust-policy
          STS--xC1: AccessDenied (403)
        end
        C1->>STS: 3 · AssumeRole(VendorAudit, audit, ExternalId Cust-7f3a9c21)
        STS->>IAM: check external-id, trust-policy, caller-permissions
        IAM-->>STS: passes
        STS-->>C1: credentials until 01:00:00Z
        C2->>V1: 4 · s3:GetObject customer-audit-logs/2026/01/01/trail.json.gz
        V1->>IAM: evaluate policies
        IAM-->>V1: Allow
        V1-->>C2: allowed"
    `);
  });

  it('puts the identity provider between the workload and STS for web identity', () => {
    const sim = run('content/scenarios/web-identity-then-chain.json');
    const src = sequenceDiagram(sim.scenario, sim.result);
    expect(src).toContain('participant P1 as token.actions.githubusercontent.com');
    expect(src).toContain('P1-->>C1: 1 · ID token');
    expect(src).toContain('STS->>P1: fetch signing keys, verify token');
    // And the chained call fails on the one-hour cap
    expect(src).toContain('STS--xC2: ValidationError (400)');
    // No step is highlighted without `current`
    expect(src).not.toContain('rect ');
  });

  it('notes clock steps across the whole diagram', () => {
    const sim = run('content/scenarios/expired-and-unknown-credentials.json');
    const src = sequenceDiagram(sim.scenario, sim.result);
    expect(src).toMatch(/Note over C1,\w+: \d+ · clock moves to 2026-/);
  });

  it('escapes characters that would end a mermaid statement', () => {
    expect(mermaidText('a;b#c<d>\ne')).toBe('a#59;b#35;c#lt;d#gt; e');
  });

  it('gives a stub diagram for a scenario with no steps', () => {
    const sim = simulate({ format: 'sts-scenario/v1', id: 'empty', title: 'Empty', world: {}, steps: [] });
    if (!sim.ok) throw new Error('invalid');
    expect(sequenceDiagram(sim.scenario, sim.result)).toBe('sequenceDiagram\n  participant STS\n  Note over STS: no steps yet');
  });

  it('draws every built-in scenario with declared participants only', () => {
    for (const f of readdirSync('content/scenarios').filter((x) => x.endsWith('.json'))) {
      const sim = run(`content/scenarios/${f}`);
      const src = sequenceDiagram(sim.scenario, sim.result, { current: 0 });
      expect(src.startsWith('sequenceDiagram\n'), f).toBe(true);
      const declared = new Set(participants(sim.scenario, sim.result).list.map((p) => p.id));
      for (const m of src.matchAll(/^\s+(\w+)(?:->>|-->>|--x)(\w+):/gm)) {
        expect(declared.has(m[1]!), `${f}: ${m[1]} declared`).toBe(true);
        expect(declared.has(m[2]!), `${f}: ${m[2]} declared`).toBe(true);
      }
      
    }
  });
});
