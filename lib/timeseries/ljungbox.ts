/**
 * The Ljung-Box test: are a model's residuals white noise? The statistic
 * Q = n(n+2) Σ r_k² / (n - k) over the first `lag` autocorrelations is
 * compared with a chi-squared on lag - fitdf degrees of freedom (R's
 * `Box.test(type = "Ljung-Box")`). A small p-value says structure is left over.
 *
 * @module
 */
import { acf } from "./acf.ts";

/**
 * Result of {@link ljungBox}. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * const { statistic, df, pValue }: LjungBox = ljungBox(residuals, { lag: 24, fitdf: 2 });
 * ```
 */
export interface LjungBox {
  /** The Q statistic. */
  statistic: number;
  /** Degrees of freedom, lag - fitdf. */
  df: number;
  /** P(χ²_df > Q). */
  pValue: number;
  /** Lags used. */
  lag: number;
}

/** ln Γ(x) by Lanczos' approximation (g = 7, 9 terms). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Upper tail of the chi-squared distribution, P(χ²_df > q), through the
 * regularised incomplete gamma function (series below a + 1, continued
 * fraction above). Introduced in 07_arima.
 *
 * @example
 * ```ts
 * chiSquaredUpper(3.841459, 1); // 0.05
 * ```
 */
export function chiSquaredUpper(q: number, df: number): number {
  if (!(df > 0)) throw new Error(`chiSquaredUpper: df must be > 0, got ${df}.`);
  if (q <= 0) return 1;
  const a = df / 2, x = q / 2;
  const front = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    let sum = 1 / a, term = 1 / a;
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(sum) * 1e-16; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return 1 - front * sum;
  }
  // Lentz's continued fraction for Q(a, x).
  const tiny = 1e-300;
  let b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return front * h;
}

/**
 * Ljung-Box test of `residuals` over `lag` lags, with `fitdf` coefficients
 * estimated (p + q for an ARMA). Introduced in 07_arima.
 *
 * @example
 * ```ts
 * ljungBox(fit.residuals, { lag: 24, fitdf: 2 }).pValue; // > 0.05: no structure left
 * ```
 */
export function ljungBox(
  residuals: number[],
  options: { lag?: number; fitdf?: number } = {},
): LjungBox {
  const lag = options.lag ?? 1, fitdf = options.fitdf ?? 0;
  if (!Number.isInteger(lag) || lag < 1 || lag >= residuals.length) {
    throw new Error(
      `ljungBox: lag must be a whole number from 1 to ${residuals.length - 1}, got ${lag}.`,
    );
  }
  if (lag - fitdf < 1) {
    throw new Error(`ljungBox: lag (${lag}) must exceed fitdf (${fitdf}); test more lags.`);
  }
  const n = residuals.length;
  const r = acf(residuals, { maxLag: lag }).values;
  let q = 0;
  for (let k = 1; k <= lag; k++) q += (r[k] * r[k]) / (n - k);
  const statistic = n * (n + 2) * q;
  const df = lag - fitdf;
  return { statistic, df, pValue: chiSquaredUpper(statistic, df), lag };
}
