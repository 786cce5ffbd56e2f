/**
 * Differencing, the "I" in ARIMA: y_t - y_{t-lag}, repeated, which removes a
 * trend (lag 1) or a yearly pattern (lag 12); and its inverse, which adds
 * the changes back up from known starting values.
 *
 * @module
 */
import type { Series } from "./series.ts";

/**
 * Lagged differences, as R's `diff(x, lag, differences)`: each pass drops `lag` values. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * difference([1, 4, 9, 16]); // [3, 5, 7]
 * difference([1, 4, 9, 16], 1, 2); // [2, 2]
 * ```
 */
export function difference(x: number[], lag = 1, differences = 1): number[] {
  if (!Number.isInteger(lag) || lag < 1 || !Number.isInteger(differences) || differences < 0) {
    throw new Error(
      `difference: lag must be >= 1 and differences >= 0 (whole numbers), got ${lag} and ${differences}.`,
    );
  }
  if (x.length <= lag * differences) {
    throw new Error(
      `difference: a series of ${x.length} values is too short for ${differences} difference(s) at lag ${lag}; ` +
        `it needs more than ${lag * differences}.`,
    );
  }
  let out = [...x];
  for (let k = 0; k < differences; k++) out = out.slice(lag).map((v, i) => v - out[i]);
  return out;
}

/**
 * Undo {@link difference}, as R's `diffinv(dx, lag, differences, xi)`: given the
 * first `lag * differences` values `xi` of the original series, rebuild all of
 * it. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * undifference([3, 5, 7], [1]); // [1, 4, 9, 16]
 * undifference([2, 2], [1, 4], 1, 2); // [1, 4, 9, 16]
 * ```
 */
export function undifference(dx: number[], xi: number[], lag = 1, differences = 1): number[] {
  if (xi.length !== lag * differences) {
    throw new Error(
      `undifference: needs lag * differences = ${
        lag * differences
      } starting values, got ${xi.length}.`,
    );
  }
  if (differences === 0) return [...dx];
  // levels[k] starts the k-times differenced series; add the changes back up from the top level down.
  const levels: number[][] = [xi];
  for (let k = 1; k < differences; k++) levels.push(difference(levels[k - 1], lag, 1));
  let current = dx;
  for (let k = differences - 1; k >= 0; k--) {
    const out = levels[k].slice(0, lag);
    for (const v of current) out.push(out[out.length - lag] + v);
    current = out;
  }
  return current;
}

/**
 * A differenced {@link Series}: values from {@link difference}, times of the
 * values that remain, name saying what was done. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * differenceSeries(logAir, 12).name; // "log AirPassengers, lag-12 difference"
 * ```
 */
export function differenceSeries(series: Series, lag = 1, differences = 1): Series {
  const values = difference(series.values, lag, differences);
  const what = differences === 1 ? "" : ` x${differences}`;
  return {
    ...series,
    name: `${series.name}, lag-${lag} difference${what}`,
    time: series.time.slice(series.time.length - values.length),
    values,
  };
}
