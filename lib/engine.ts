/**
 * The engine's front door for the site and tools: validate a scenario, run it, attach
 * verified fixes. Pure, synchronous and deterministic; never throws for any input.
 */
import { computeFixes, fixesFor, type ComputeFixesOptions, type FixOptions } from './scenario/fixes';
import { loadScenario } from './scenario/load';
import { runScenario, type StsResult } from './scenario/run';
import { type Scenario } from './scenario/schema';
import { type ScenarioIssue } from './scenario/buildWorld';
import { type World } from './world/world';

/** A simulation: the result, or every located problem of the input. */
export type Simulation =
  | { ok: true; scenario: Scenario; world: World; result: StsResult }
  | { ok: false; issues: ScenarioIssue[] };

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /**
   * Counterfactual fixes for failed steps: `false` skips them (what the simulator does while
   * the user types; it asks {@link fixesFor} for one step later); `true` or absent computes them
   * for the first failed steps within a budget; an object chooses the steps and the budget.
   */
  fixes?: boolean | ComputeFixesOptions;
}

/**
 * Validates and runs a scenario.
 * @param input the scenario file's text, or parsed JSON
 * @param options `fixes: false` skips counterfactuals (faster)
 * @returns the result, or every located problem (an invalid file, or a value taken from an
 *   earlier step that does not fit its parameter)
 * @example simulate(text).ok && simulate(text).result.steps[0]
 */
export function simulate(input: unknown, options: SimulateOptions = {}): Simulation {
  const loaded = loadScenario(input);
  if (!loaded.ok) return loaded;
  const issues: ScenarioIssue[] = [];
  let fixes: ReturnType<typeof computeFixes> | undefined;
  if (options.fixes !== false) {
    // Patches are against the file as written; loadScenario has just parsed it, so this cannot fail.
    const raw: unknown = typeof input === 'string' ? JSON.parse(input.replace(/^\uFEFF/, '')) : input;
    fixes = computeFixes(raw, loaded.world, typeof options.fixes === 'object' ? options.fixes : {});
  }
  const result = runScenario(loaded.scenario, loaded.world, { issues });
  if (issues.length) return { ok: false, issues };
  fixes?.(loaded.scenario, result.steps);
  return { ok: true, scenario: loaded.scenario, world: loaded.world, result };
}

export { fixesFor, type FixOptions, type ComputeFixesOptions };
export type { StsResult, StepResult, CallResult, RequestResult, ClockResult, Fix, Mismatch } from './scenario/run';
export type { Scenario, Step, CallStep, RequestStep, StsCall } from './scenario/schema';
export type { ScenarioIssue } from './scenario/buildWorld';
export type { TraceEntry, Gate, AwsError, Decision } from './sts/types';
export { learn, type LearnRef } from './explain/learn';
export { caps } from './scenario/caps';
