/**
 * Autocorrelation (ACF) and partial autocorrelation (PACF), read to choose
 * an ARIMA order, with the ±1.96/√n band inside which a white-noise series'
 * correlations fall 95% of the time (the dashed lines of R's `acf()` plot).
 *
 * @module
 */
import { normalQuantile } from "./forecast.ts";

/**
 * Correlations by lag with their confidence band. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * const c: Correlogram = acf(x, { maxLag: 24 });
 * c.values[12]; // the lag-12 autocorrelation
 * ```
 */
export interface Correlogram {
  /** "ACF" or "PACF". */
  kind: "ACF" | "PACF";
  /** The lags (ACF from 0, PACF from 1). */
  lags: number[];
  /** The correlation at each lag. */
  values: number[];
  /** Half-width of the white-noise band, qnorm((1 + level) / 2) / sqrt(n). */
  band: number;
  /** Length of the series. */
  n: number;
}

function checkSeries(x: number[], maxLag: number | undefined, who: string): number {
  if (x.some((v) => !Number.isFinite(v))) {
    throw new Error(`${who}: the series holds NaN or infinity; fill missing values first.`);
  }
  if (x.length < 3) throw new Error(`${who}: needs at least 3 values, got ${x.length}.`);
  const lag = maxLag ?? Math.min(x.length - 1, Math.floor(10 * Math.log10(x.length)));
  if (!Number.isInteger(lag) || lag < 1 || lag >= x.length) {
    throw new Error(`${who}: maxLag must be a whole number from 1 to ${x.length - 1}, got ${lag}.`);
  }
  return lag;
}

/**
 * Sample autocorrelations r_k = c_k / c_0 for k = 0..maxLag, c_k the lag-k
 * autocovariance divided by n, as R's `acf()` (default maxLag 10·log10(n)). Introduced in 07_arima.
 *
 * @example
 * ```ts
 * acf([1, 2, 3, 4], { maxLag: 2 }).values; // [1, 0.25, -0.3]
 * ```
 */
export function acf(x: number[], options: { maxLag?: number; level?: number } = {}): Correlogram {
  const maxLag = checkSeries(x, options.maxLag, "acf");
  const n = x.length;
  const mean = x.reduce((s, v) => s + v, 0) / n;
  const c = (k: number) => {
    let s = 0;
    for (let t = 0; t + k < n; t++) s += (x[t] - mean) * (x[t + k] - mean);
    return s / n;
  };
  const c0 = c(0);
  if (!(c0 > 0)) throw new Error("acf: the series is constant, so it has no autocorrelation.");
  const lags = Array.from({ length: maxLag + 1 }, (_, k) => k);
  return {
    kind: "ACF",
    lags,
    values: lags.map((k) => c(k) / c0),
    band: normalQuantile(0.5 + (options.level ?? 0.95) / 2) / Math.sqrt(n),
    n,
  };
}

/**
 * Partial autocorrelations for lags 1..maxLag from the ACF by the
 * Durbin-Levinson recursion, as R's `pacf()`. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * pacf(series, { maxLag: 24 }).values[0]; // equals the lag-1 autocorrelation
 * ```
 */
export function pacf(x: number[], options: { maxLag?: number; level?: number } = {}): Correlogram {
  const maxLag = checkSeries(x, options.maxLag, "pacf");
  const r = acf(x, { maxLag, level: options.level });
  const rho = r.values;
  const values: number[] = [];
  let phi: number[] = [];
  for (let k = 1; k <= maxLag; k++) {
    let num = rho[k], den = 1;
    for (let j = 0; j < k - 1; j++) {
      num -= phi[j] * rho[k - 1 - j];
      den -= phi[j] * rho[j + 1];
    }
    const kk = num / den;
    phi = [...phi.map((v, j) => v - kk * phi[k - 2 - j]), kk];
    values.push(kk);
  }
  return { kind: "PACF", lags: values.map((_, i) => i + 1), values, band: r.band, n: r.n };
}

/**
 * The lags whose correlation leaves the band (lag 0 of the ACF excluded). Introduced in 07_arima.
 *
 * @example
 * ```ts
 * significantLags(pacf(x)); // e.g. [1, 2, 13]
 * ```
 */
export function significantLags(c: Correlogram): number[] {
  return c.lags.filter((lag, i) => lag > 0 && Math.abs(c.values[i]) > c.band);
}
