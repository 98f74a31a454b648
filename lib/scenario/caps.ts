/**
 * Caps on what AWS itself does not limit, so that the work for any file is bounded. Each
 * is far above what a teaching scenario needs and is documented in docs/scenario-format.md.
 * IAM's and STS's own limits live in lib/world/iamLimits.ts and lib/sts/limits.ts.
 */
export const caps = {
  /** Characters in a scenario file (CLI and simulator page): 1 MiB. */
  fileChars: 1_048_576,
  /** Steps in one scenario. */
  steps: 1000,
  /** Seconds one `advance` step may move the clock: 100 years of 365.25 days. */
  advanceSeconds: 3_155_760_000,
  /** Values of one request context key (`request.context`). */
  contextValues: 1000,
  /** Failed steps that `simulate()` computes fixes for by default (the first ones in the file). */
  fixSteps: 20,
  /** Scenario runs one step's fixes may spend verifying candidates. */
  fixRunsPerStep: 24,
} as const;
