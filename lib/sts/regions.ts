/** Opt-in Regions and the global endpoint's token versions. */
import { learn } from '../explain/learn';
import { type StepEnv } from './context';
import { invalidClientTokenId } from './errors';
import { type AwsError, type Session, type TraceEntry } from './types';

/**
 * Regions that are not enabled by default (opt-in Regions): the Regions AWS launched after
 * March 20, 2019. An account must enable one before using it.
 * https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html
 * https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
 */
export const optInRegions: readonly string[] = [
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
  'ca-west-1', 'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1',
];

/** True for a Region that is not enabled by default. */
export function isOptInRegion(region: string): boolean {
  return optInRegions.includes(region);
}

/**
 * Credentials issued by the global endpoint carry the account's token version: version 1 (the
 * default) works only in Regions enabled by default, version 2 in every Region; Regional endpoints
 * issue tokens valid everywhere. A request with a v1 token to an opt-in Region fails authentication.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SetSecurityTokenServicePreferences.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html
 */
export function globalTokenCheck(session: Session, env: StepEnv, trace: TraceEntry[]): AwsError | undefined {
  if (session.globalEndpointToken !== 'v1Token' || env.endpoint === 'global' || !isOptInRegion(env.region)) return undefined;
  trace.push({ gate: 'authenticate', result: 'fail', code: 'auth.v1-token-opt-in-region', reason: `The credentials from step "${session.stepId}" came from the global endpoint while account ${session.account} used version 1 tokens (v1Token, the default). Version 1 tokens are valid only in Regions enabled by default, and ${env.region} is an opt-in Region. Get the credentials from a Regional endpoint, or set the account's GlobalEndpointTokenVersion to v2Token.`, learn: learn.regions, source: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_SetSecurityTokenServicePreferences.html', uncertain: true });
  return invalidClientTokenId();
}
