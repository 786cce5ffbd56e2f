/**
 * Adding many values up: sums and means, recorded as a chain of `add`s.
 *
 * @module
 */
import type { Value } from "./value.ts";

/**
 * values[0] + values[1] + ... as one `add` per extra value, in order.
 * Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * const [a, b, c] = [1, 2, 3].map((v) => tape.value(v));
 * sum([a, b, c]).data; // 6
 * ```
 */
export function sum(values: readonly Value[]): Value {
  if (values.length === 0) {
    throw new RangeError(
      "sum() of no values: pass at least one Value (there is no tape to record 0 on)",
    );
  }
  return values.slice(1).reduce((total, v) => total.add(v), values[0]);
}

/**
 * The mean of the values: their {@link sum} divided by how many there are.
 * Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * const losses = [1, 2, 6].map((v) => tape.value(v));
 * mean(losses).data; // 3
 * ```
 */
export function mean(values: readonly Value[]): Value {
  return sum(values).div(values.length);
}
