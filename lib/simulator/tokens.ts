/**
 * The form's view of federation tokens: a web identity token's claims as typed rows, and a SAML
 * assertion's fields and attributes, read from and written back to a step's parameters in the
 * shapes of ../shared/scenario-format.md ("Federation tokens").
 */
import { claimProviders } from '../sts/providerClaims';
import { decodeBase64Text } from '../util/encoding';
import { getAt, setAt } from './knobs';
import { SAML_ATTR } from './newStep';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** How a claim's value is written in the token. */
export type ClaimType = 'text' | 'number' | 'boolean' | 'list' | 'json';

/** One claim of a web identity token, as the form edits it. */
export interface ClaimRow {
  /** The claim name (`sub`, `aud`, `repository`, …). */
  key: string;
  /** The JSON type it is written as. */
  type: ClaimType;
  /** The value as text: a list is one item per line; JSON is JSON. */
  text: string;
}

/** The type a claim value has. */
function typeOf(v: unknown): ClaimType {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return 'list';
  if (typeof v === 'string') return 'text';
  return 'json';
}

/** A claim value as the form shows it. */
function textOf(v: unknown, type: ClaimType): string {
  if (type === 'text') return String(v);
  if (type === 'number' || type === 'boolean') return String(v);
  if (type === 'list') return (v as string[]).join('\n');
  return JSON.stringify(v);
}

/**
 * The value a row writes. Text that does not fit its type is kept as a string, so nothing typed
 * is lost and the engine answers as it would for that token.
 */
export function claimValue(row: ClaimRow): unknown {
  switch (row.type) {
    case 'text':
      return row.text;
    case 'number': {
      const n = Number(row.text.trim());
      return row.text.trim() !== '' && Number.isFinite(n) ? n : row.text;
    }
    case 'boolean':
      return row.text.trim() === 'true' ? true : row.text.trim() === 'false' ? false : row.text;
    case 'list':
      return row.text.split('\n').map((x) => x.trim()).filter(Boolean);
    case 'json':
      try {
        return JSON.parse(row.text) as unknown;
      } catch {
        return row.text;
      }
  }
}

/** The type a new claim of this name usually has (times are epoch seconds; `amr` is a list). */
export function claimTypeFor(key: string): ClaimType {
  if (['iat', 'exp', 'nbf', 'auth_time'].includes(key)) return 'number';
  if (key === 'amr') return 'list';
  if (key === 'https://aws.amazon.com/tags') return 'json';
  return 'text';
}

/** The token parameter of a step: an object of claims, a compact JWT string, or absent. */
export function tokenShape(doc: unknown, i: number): 'claims' | 'jwt' | 'absent' | 'other' {
  const t = getAt(doc, ['steps', i, 'params', 'WebIdentityToken']);
  if (t === undefined) return 'absent';
  if (typeof t === 'string') return 'jwt';
  return isObject(t) && !('fromStep' in t) ? 'claims' : 'other';
}

/** The token's claims as rows (without `signature`, which the form shows on its own). */
export function readClaims(doc: unknown, i: number): ClaimRow[] {
  const t = getAt(doc, ['steps', i, 'params', 'WebIdentityToken']);
  if (!isObject(t)) return [];
  return Object.entries(t)
    .filter(([k]) => k !== 'signature')
    .map(([key, v]) => {
      const type = typeOf(v);
      return { key, type, text: textOf(v, type) };
    });
}

/** The token's `signature` marker (`valid` when absent, as the format reads it). */
export function readSignature(doc: unknown, i: number, param: 'WebIdentityToken' | 'SAMLAssertion'): 'valid' | 'invalid' {
  return getAt(doc, ['steps', i, 'params', param, 'signature']) === 'invalid' ? 'invalid' : 'valid';
}

/**
 * Writes the token's claims from rows (keeping its `signature`). Rows with an empty name are
 * skipped; a later row with the same name wins, as in JSON.
 */
export function writeClaims<T>(doc: T, i: number, rows: readonly ClaimRow[], signature?: 'valid' | 'invalid'): T {
  const out: Json = {};
  for (const r of rows) if (r.key.trim()) out[r.key.trim()] = claimValue(r);
  out.signature = signature ?? readSignature(doc, i, 'WebIdentityToken');
  return setAt(doc, ['steps', i, 'params', 'WebIdentityToken'], out);
}

/**
 * Decodes a compact JWT's payload into claims (its signature cannot be checked here, so the
 * claims are marked `valid` only when the caller says so).
 * @returns the claims, or undefined when the text is not a JWT with a JSON payload
 */
export function jwtClaims(jwt: string): Json | undefined {
  const part = jwt.trim().split('.')[1];
  const text = part ? decodeBase64Text(part) : undefined;
  if (text === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return isObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Standard claims every OIDC token may carry (https://openid.net/specs/openid-connect-core-1_0.html#IDToken). */
export const standardClaims = ['iss', 'sub', 'aud', 'amr', 'azp', 'exp', 'iat', 'nbf', 'auth_time', 'email', 'jti', 'https://aws.amazon.com/tags', 'https://aws.amazon.com/source_identity'] as const;

/**
 * Claim names the form suggests: the standard ones, then the provider-specific claims AWS turns
 * into condition keys (lib/sts/providerClaims.ts), this issuer's first.
 */
export function claimSuggestions(issuer: string): string[] {
  const prefix = issuer.replace(/^https:\/\//, '').replace(/\/$/, '');
  const mine = claimProviders.filter((p) => p.matches(prefix));
  const others = claimProviders.filter((p) => !p.matches(prefix));
  const names = [...standardClaims, ...[...mine, ...others].flatMap((p) => p.claims.map((c) => c.claim))];
  return [...new Set(names)];
}

// ---- SAML ---------------------------------------------------------------------------------

/** The plain fields of a SAML assertion object (scenario-format.md, "Federation tokens"). */
export const samlFields = ['issuer', 'recipient', 'nameId', 'nameIdFormat', 'issueInstant', 'notOnOrAfter', 'sessionNotOnOrAfter'] as const;
/** One of them. */
export type SamlField = (typeof samlFields)[number];

/** The assertion parameter: an object the form can edit, a string (base64 or XML), or absent. */
export function assertionShape(doc: unknown, i: number): 'object' | 'text' | 'absent' | 'other' {
  const a = getAt(doc, ['steps', i, 'params', 'SAMLAssertion']);
  if (a === undefined) return 'absent';
  if (typeof a === 'string') return 'text';
  return isObject(a) && !('fromStep' in a) ? 'object' : 'other';
}

/** A plain field of the assertion ('' when absent). */
export function readSamlField(doc: unknown, i: number, f: SamlField): string {
  const v = getAt(doc, ['steps', i, 'params', 'SAMLAssertion', f]);
  return typeof v === 'string' ? v : '';
}

/** Sets a plain field (an empty value removes it; `issuer` is required and kept, even empty). */
export function writeSamlField<T>(doc: T, i: number, f: SamlField | 'signature', value: string): T {
  return setAt(doc, ['steps', i, 'params', 'SAMLAssertion', f], value === '' && f !== 'issuer' ? undefined : value);
}

/** One attribute of the assertion: its name and values. */
export interface AttributeRow {
  name: string;
  values: string[];
}

/** The assertion's attributes as rows. */
export function readAttributes(doc: unknown, i: number): AttributeRow[] {
  const a = getAt(doc, ['steps', i, 'params', 'SAMLAssertion', 'attributes']);
  if (!isObject(a)) return [];
  return Object.entries(a).map(([name, v]) => ({ name, values: Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)] }));
}

/** Writes the attributes from rows (rows without a name are skipped; none removes `attributes`). */
export function writeAttributes<T>(doc: T, i: number, rows: readonly AttributeRow[]): T {
  const out: Record<string, string[]> = {};
  for (const r of rows) if (r.name.trim()) out[r.name.trim()] = [...r.values];
  return setAt(doc, ['steps', i, 'params', 'SAMLAssertion', 'attributes'], Object.keys(out).length ? out : undefined);
}

/**
 * Attribute names AWS reads from a SAML assertion, and the eduPerson ones it turns into `SAML:`
 * keys. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html
 */
export const samlAttributeSuggestions = [
  `${SAML_ATTR}Role`,
  `${SAML_ATTR}RoleSessionName`,
  `${SAML_ATTR}SessionDuration`,
  `${SAML_ATTR}SourceIdentity`,
  `${SAML_ATTR}PrincipalTag:Department`,
  `${SAML_ATTR}TransitiveTagKeys`,
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.1',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.6',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.7',
] as const;

/** NameID formats (SAML 2.0 core, 8.3). */
export const nameIdFormats = [
  'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
] as const;
