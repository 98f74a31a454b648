/**
 * Links that open a scenario in the simulator: built-in scenarios by id, any other scenario
 * carried in the URL fragment as raw DEFLATE + base64url of its JSON text
 * (`/simulator/#s=…`, the same encoding the simulator page reads).
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { base64, decodeBase64Bytes } from './base64';

/**
 * Encodes a scenario for a `#s=` link.
 * @param scenario the scenario JSON (object or text)
 * @returns base64url without padding
 * @example encodeScenario({ format: 'sts-scenario/v1', … })
 */
export function encodeScenario(scenario: unknown): string {
  const text = typeof scenario === 'string' ? scenario : JSON.stringify(scenario);
  return base64(deflateSync(strToU8(text), { level: 9 })).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Decodes a `#s=` value back to the scenario's JSON text.
 * @returns the text, or undefined when the value is not valid base64url DEFLATE data
 */
export function decodeScenario(encoded: string): string | undefined {
  const bytes = decodeBase64Bytes(encoded);
  if (!bytes) return undefined;
  try {
    return strFromU8(inflateSync(bytes));
  } catch {
    return undefined;
  }
}

/**
 * The simulator page showing a built-in scenario, at a step when one is given.
 * @example builtInScenarioHref('cross-account-external-id', 'no-external-id') // '/simulator/?scenario=cross-account-external-id&step=no-external-id'
 */
export function builtInScenarioHref(id: string, step?: string): string {
  return `/simulator/?scenario=${encodeURIComponent(id)}${step ? `&step=${encodeURIComponent(step)}` : ''}`;
}

/** The simulator page showing a scenario carried in the link itself, at a step when one is given. */
export function sharedScenarioHref(scenario: unknown, step?: string): string {
  return `/simulator/#s=${encodeScenario(scenario)}${step ? `&step=${encodeURIComponent(step)}` : ''}`;
}
