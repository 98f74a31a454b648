/**
 * The engine's front door for the site and tools: validate a scenario, run it, attach
 * verified fixes. Pure, synchronous and deterministic.
 */
import { computeFixes } from './scenario/fixes';
import { loadScenario } from './scenario/load';
import { runScenario, type StsResult } from './scenario/run';
import { type Scenario } from './scenario/schema';
import { type ScenarioIssue } from './scenario/buildWorld';
import { type World } from './world/world';

/** A simulation: the result, or every located problem of the input. */
export type Simulation =
  | { ok: true; scenario: Scenario; world: World; result: StsResult }
  | { ok: false; issues: ScenarioIssue[] };

/**
 * Validates and runs a scenario.
 * @param input the scenario file's text, or parsed JSON
 * @param options `fixes: false` skips counterfactuals (faster)
 * @example simulate(text).ok && simulate(text).result.steps[0]
 */
export function simulate(input: unknown, options: { fixes?: boolean } = {}): Simulation {
  const loaded = loadScenario(input);
  if (!loaded.ok) return loaded;
  const result = runScenario(loaded.scenario, loaded.world, options.fixes === false ? {} : { fixes: computeFixes(input) });
  return { ok: true, scenario: loaded.scenario, world: loaded.world, result };
}

export type { StsResult, StepResult, CallResult, RequestResult, ClockResult, Fix, Mismatch } from './scenario/run';
export type { Scenario, Step, CallStep, RequestStep, StsCall } from './scenario/schema';
export type { ScenarioIssue } from './scenario/buildWorld';
export type { TraceEntry, Gate, AwsError, Decision } from './sts/types';
export { learn, type LearnRef } from './explain/learn';
