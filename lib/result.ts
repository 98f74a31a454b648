/** A value or an error, for operations on user input that must not throw. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/** Wraps a success value. */
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** Wraps an error value. */
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });

/** Marks a branch that the type system proves unreachable. */
export function assertNever(x: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(x)}`);
}

/** Throws for states that cannot happen (bugs), never for user input. */
export function invariant(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(`Invariant failed: ${message}`);
}
