/**
 * Build-time loader for the labs (content/labs/*.json): each file parsed with the lab schema,
 * ordered by track and position. Server only (reads the file system).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseLab } from '../labs/check';
import { type Lab, type LabTrack, labTracks } from '../labs/schema';

const dir = path.join(process.cwd(), 'content', 'labs');

/** Track titles and what each teaches, in teaching order. */
export const trackInfo: Record<LabTrack, { title: string; blurb: string }> = {
  basics: { title: 'Basics', blurb: 'Who can call what, how long sessions last, and MFA with GetSessionToken.' },
  'cross-account': { title: 'Cross-account', blurb: 'Both sides of a cross-account trust, ExternalId and the confused deputy, chaining, session policies and tags.' },
  federation: { title: 'Federation', blurb: 'GitHub Actions OIDC done safely, SAML attributes and audience, Cognito.' },
  guardrails: { title: 'Guardrails', blurb: 'SCPs in an OU tree, RCPs that keep outsiders out, permissions boundaries, aws:PrincipalOrgID.' },
};

let cache: Lab[] | undefined;

/** Every lab, sorted by track then order. Throws on an invalid file (the build must fail). */
export function loadLabs(): Lab[] {
  if (cache) return cache;
  const labs = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const r = parseLab(readFileSync(path.join(dir, f), 'utf8'));
      if (!r.ok) throw new Error(`content/labs/${f}: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
      if (r.lab.id !== f.replace(/\.json$/, '')) throw new Error(`content/labs/${f}: id "${r.lab.id}" does not match the file name`);
      return r.lab;
    });
  labs.sort((a, b) => labTracks.indexOf(a.track) - labTracks.indexOf(b.track) || a.order - b.order);
  cache = labs;
  return labs;
}

/** A lab with its neighbours on the learning path. */
export function labWithNeighbours(id: string): { lab: Lab; previous?: Lab; next?: Lab } | undefined {
  const labs = loadLabs();
  const i = labs.findIndex((l) => l.id === id);
  if (i < 0) return undefined;
  return { lab: labs[i]!, previous: labs[i - 1], next: labs[i + 1] };
}
