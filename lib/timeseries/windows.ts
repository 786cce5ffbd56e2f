/**
 * Sliding windows: a series becomes supervised examples, each the last
 * `lookback` values as input and the next `horizon` values as target. The
 * window slides one step (or `stride`) at a time and never looks ahead.
 *
 * @module
 */

/**
 * Inputs and targets cut from a series. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * const { inputs, targets }: Windows = slidingWindows(values, { lookback: 12 });
 * ```
 */
export interface Windows {
  /** One row of `lookback` values per example. */
  inputs: number[][];
  /** One row of `horizon` values per example: what came right after its input. */
  targets: number[][];
  /** Index in the series where each example's input starts. */
  starts: number[];
  /** Values per input. */
  lookback: number;
  /** Values per target. */
  horizon: number;
}

/**
 * Cut `values` into overlapping windows of `lookback` inputs and the
 * `horizon` values that follow. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * slidingWindows([1, 2, 3, 4, 5], { lookback: 3 });
 * // inputs [[1, 2, 3], [2, 3, 4]], targets [[4], [5]]
 * ```
 */
export function slidingWindows(
  values: number[],
  options: { lookback: number; horizon?: number; stride?: number },
): Windows {
  const { lookback, horizon = 1, stride = 1 } = options;
  for (const [name, v] of Object.entries({ lookback, horizon, stride })) {
    if (!Number.isInteger(v) || v < 1) {
      throw new Error(`slidingWindows: ${name} must be a whole number >= 1, got ${v}.`);
    }
  }
  if (values.some((v) => !Number.isFinite(v))) {
    throw new Error("slidingWindows: the series holds NaN or infinity; fill missing values first.");
  }
  if (values.length < lookback + horizon) {
    throw new Error(
      `slidingWindows: a series of ${values.length} values is too short for windows of ${lookback} inputs + ${horizon} targets; ` +
        "use a shorter lookback or a longer series.",
    );
  }
  const inputs: number[][] = [], targets: number[][] = [], starts: number[] = [];
  for (let s = 0; s + lookback + horizon <= values.length; s += stride) {
    inputs.push(values.slice(s, s + lookback));
    targets.push(values.slice(s + lookback, s + lookback + horizon));
    starts.push(s);
  }
  return { inputs, targets, starts, lookback, horizon };
}
