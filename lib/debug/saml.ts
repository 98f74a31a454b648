/**
 * Reads a SAML 2.0 response (the base64 text the browser posts to the AWS sign-in endpoint,
 * or its XML) into the decoded-assertion shape scenarios use. Text only: the signature is
 * never verified, which the caller must say.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html
 */
import { type SamlAssertion } from '../sts/types';
import { base64ToText } from './text';

/** What the SAML reader found, and what it could not. */
export interface SamlRead {
  assertion: SamlAssertion;
  /** Whether the XML carries a <Signature> element (present, not verified). */
  signed: boolean;
  /** Whether the assertion is encrypted (nothing to read then). */
  encrypted: boolean;
  /** The Audience restriction, which AWS expects to be urn:amazon:webservices. */
  audience?: string;
  /** The Response's Destination attribute. */
  destination?: string;
}

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_m, d: string) => String.fromCharCode(Number(d))).replace(/&amp;/g, '&');

const tagText = (xml: string, local: string): string | undefined => {
  const m = new RegExp(`<(?:[\\w-]+:)?${local}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w-]+:)?${local}>`).exec(xml);
  return m ? unescapeXml(m[1]!.trim()) : undefined;
};

const attrOf = (xml: string, local: string, attr: string): string | undefined => {
  const m = new RegExp(`<(?:[\\w-]+:)?${local}\\s[^>]*?\\b${attr}="([^"]*)"`).exec(xml);
  return m ? unescapeXml(m[1]!) : undefined;
};

/** True when the text looks like SAML XML. */
export const isSamlXml = (s: string) => /<(?:[\w-]+:)?(Response|Assertion)[\s>]/.test(s) && /urn:oasis:names:tc:SAML:2\.0/.test(s);

/**
 * Finds SAML XML in a paste: as XML, or as the base64 SAMLResponse form value (possibly
 * URL-encoded, as copied from a browser's network panel).
 * @returns the XML, or undefined
 */
export function samlXmlOf(text: string): string | undefined {
  const t = text.trim();
  if (isSamlXml(t)) return t;
  let b64 = t.replace(/^SAMLResponse=/, '');
  if (/%[0-9A-Fa-f]{2}/.test(b64)) {
    try {
      b64 = decodeURIComponent(b64);
    } catch {
      return undefined;
    }
  }
  const xml = base64ToText(b64);
  return xml && isSamlXml(xml) ? xml : undefined;
}

/**
 * Reads the parts of a SAML response that STS checks.
 * @param xml the SAML response XML
 * @example readSaml(xml).assertion.attributes['https://aws.amazon.com/SAML/Attributes/Role']
 */
export function readSaml(xml: string): SamlRead {
  const encrypted = /<(?:[\w-]+:)?EncryptedAssertion[\s>]/.test(xml);
  const assertionXml = /<(?:[\w-]+:)?Assertion[\s>][\s\S]*<\/(?:[\w-]+:)?Assertion>/.exec(xml)?.[0] ?? xml;
  const attributes: Record<string, string[]> = {};
  const attrRe = /<(?:[\w-]+:)?Attribute\s([^>]*?)(\/>|>([\s\S]*?)<\/(?:[\w-]+:)?Attribute>)/g;
  for (let m = attrRe.exec(assertionXml); m; m = attrRe.exec(assertionXml)) {
    const name = /\bName="([^"]*)"/.exec(m[1]!)?.[1];
    if (!name) continue;
    const values: string[] = [];
    const valRe = /<(?:[\w-]+:)?AttributeValue(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w-]+:)?AttributeValue>/g;
    for (let v = valRe.exec(m[3] ?? ''); v; v = valRe.exec(m[3] ?? '')) values.push(unescapeXml(v[1]!.trim()));
    attributes[unescapeXml(name)] = values;
  }
  const issuer = tagText(assertionXml, 'Issuer') ?? tagText(xml, 'Issuer') ?? '';
  const a: SamlAssertion = { issuer };
  const recipient = attrOf(assertionXml, 'SubjectConfirmationData', 'Recipient');
  if (recipient) a.recipient = recipient;
  const nameId = tagText(assertionXml, 'NameID');
  if (nameId) a.nameId = nameId;
  const fmt = attrOf(assertionXml, 'NameID', 'Format');
  if (fmt) a.nameIdFormat = fmt;
  const issued = attrOf(xml, 'Assertion', 'IssueInstant') ?? attrOf(xml, 'Response', 'IssueInstant');
  if (issued) a.issueInstant = issued;
  const notOnOrAfter = attrOf(assertionXml, 'SubjectConfirmationData', 'NotOnOrAfter') ?? attrOf(assertionXml, 'Conditions', 'NotOnOrAfter');
  if (notOnOrAfter) a.notOnOrAfter = notOnOrAfter;
  const sessionEnd = attrOf(assertionXml, 'AuthnStatement', 'SessionNotOnOrAfter');
  if (sessionEnd) a.sessionNotOnOrAfter = sessionEnd;
  if (Object.keys(attributes).length) a.attributes = attributes;
  a.signature = 'valid';
  const out: SamlRead = { assertion: a, signed: /<(?:[\w-]+:)?Signature[\s>]/.test(xml), encrypted };
  const audience = tagText(assertionXml, 'Audience');
  if (audience) out.audience = audience;
  const destination = attrOf(xml, 'Response', 'Destination');
  if (destination) out.destination = destination;
  return out;
}
