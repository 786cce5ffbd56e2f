/**
 * The baselines every forecast has to beat: "tomorrow looks like today"
 * (naive) and "this month looks like the same month last year" (seasonal
 * naive), with random-walk standard errors in the manner of Hyndman's
 * `forecast::naive()` and `snaive()`.
 *
 * @module
 */
import { type Forecast, withInterval } from "./forecast.ts";

function checkHistory(history: number[], need: number, who: string, h: number): void {
  if (!Number.isInteger(h) || h < 1) {
    throw new Error(`${who}: h must be a whole number of steps >= 1, got ${h}.`);
  }
  if (history.length < need) {
    throw new Error(`${who}: needs at least ${need} past values, got ${history.length}.`);
  }
  if (history.some((v) => !Number.isFinite(v))) {
    throw new Error(`${who}: the history holds NaN or infinity; fill missing values first.`);
  }
}

/**
 * Seasonal naive forecast: each step repeats the value one season earlier;
 * standard error σ·sqrt(⌊(h-1)/s⌋ + 1), σ² the mean squared seasonal change.
 * Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * seasonalNaive([1, 2, 3, 4, 5, 6], 3, 3).mean; // [4, 5, 6]
 * ```
 */
export function seasonalNaive(
  history: number[],
  h: number,
  season: number,
  level = 0.95,
): Forecast {
  checkHistory(history, season + 1, "seasonalNaive", h);
  const n = history.length;
  const changes = history.slice(season).map((v, i) => v - history[i]);
  const sigma = Math.sqrt(changes.reduce((s, v) => s + v * v, 0) / changes.length);
  const mean = Array.from({ length: h }, (_, i) => history[n - season + (i % season)]);
  const se = mean.map((_, i) => sigma * Math.sqrt(Math.floor(i / season) + 1));
  return withInterval(mean, se, level);
}

/**
 * Naive forecast: every step repeats the last value; standard error σ·sqrt(h),
 * σ² the mean squared one-step change. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * naive([3, 5, 4], 2).mean; // [4, 4]
 * ```
 */
export function naive(history: number[], h: number, level = 0.95): Forecast {
  return seasonalNaive(history, h, 1, level);
}
