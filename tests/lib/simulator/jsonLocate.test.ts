import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import { lineColumnOf, locateIssue, locatePath, offsetOf, syntaxErrorAt } from '@/lib/util/jsonLocate';

const slice = (text: string, r: { from: number; to: number }) => text.slice(r.from, r.to);

describe('locatePath', () => {
  const text = JSON.stringify(
    {
      steps: [{ call: 'AssumeRole' }, { call: 'AssumeRole', params: { RoleArn: 'arn:x', DurationSeconds: 99 } }],
      world: { roles: [{ trustPolicy: { Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts' } } } }] },
    },
    null,
    2,
  );

  it.each([
    ['steps[1].params.RoleArn', '"arn:x"'],
    ['steps[1].params.DurationSeconds', '99'],
    ['steps[1].params', '"params"'],
    // keys that contain dots are matched whole
    ['world.roles[0].trustPolicy.Condition.StringEquals.token.actions.githubusercontent.com:aud', '"sts"'],
    // a missing member lands on the deepest part that exists (its key)
    ['steps[1].params.ExternalId', '"params"'],
    ['steps[0].as', '{'],
    ['', '{'],
  ])('%s → %s', (path, expected) => {
    expect(slice(text, locatePath(text, path))).toBe(expected);
  });

  it('still locates inside text cut short by a syntax error', () => {
    const broken = '{\n  "steps": [\n    { "call": "AssumeRole", "params": { "RoleArn": 12 ';
    expect(slice(broken, locatePath(broken, 'steps[0].params.RoleArn'))).toBe('12');
  });
});

describe('locateIssue', () => {
  it('puts a JSON syntax error at its line and column', () => {
    const text = '{\n  "a": 1,\n  }';
    const sim = simulate(text);
    expect(sim.ok).toBe(false);
    if (sim.ok) return;
    const r = locateIssue(text, sim.issues[0]!);
    expect(lineColumnOf(text, r.from)).toEqual({ line: 3, column: 3 });
  });

  it('underlines every issue of an invalid scenario at its value', () => {
    const text = readFileSync('content/scenarios/cross-account-external-id.json', 'utf8').replace('"RoleSessionName": "audit"', '"RoleSessionName": 7');
    const sim = simulate(text);
    expect(sim.ok).toBe(false);
    if (sim.ok) return;
    expect(sim.issues[0]!.path).toBe('steps[0].params.RoleSessionName');
    expect(slice(text, locateIssue(text, sim.issues[0]!))).toBe('7');
  });

  it('converts between offsets and lines', () => {
    const text = 'ab\ncd\nef';
    expect(offsetOf(text, 2, 2)).toBe(4);
    expect(lineColumnOf(text, 4)).toEqual({ line: 2, column: 2 });
    expect(offsetOf(text, 9, 1)).toBe(text.length);
  });
});

describe('syntaxErrorAt', () => {
  it.each([
    ['{"a": oops}', 6],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['[1, 2', 5],
    ['{"a": 1} x', 9],
    ['{"a": "unterminated', 6],
  ])('%s fails at %i', (text, at) => {
    expect(syntaxErrorAt(text)).toBe(at);
  });

  it('is undefined for valid JSON', () => {
    expect(syntaxErrorAt(' {"a": [1, true, null, "x\\"y"]} ')).toBeUndefined();
  });

  it('places a JSON error that carries no position where parsing stopped', () => {
    const text = '{\n  "id": oops\n}';
    expect(lineColumnOf(text, locateIssue(text, { path: '', message: 'not valid JSON: Unexpected token \'o\', "{ "id": oops }" is not valid JSON' }).from)).toEqual({ line: 2, column: 9 });
  });

  it('reports a missing comma once, after the value that needs it, with no engine position suffix', () => {
    const text = '{\n  "format": "sts-scenario/v1",\n  "id": "x"\n  "title": "t"\n}';
    const r = simulate(text);
    expect(r.ok).toBe(false);
    const message = r.ok ? '' : r.issues[0]!.message;
    expect(message).toMatch(/^not valid JSON at line 3, column 12: Expected ',' or '}'/);
    expect(message).not.toMatch(/position/);
    // The editor places it at the same spot
    expect(lineColumnOf(text, locateIssue(text, { path: '', message }).from)).toEqual({ line: 3, column: 12 });
  });
});
