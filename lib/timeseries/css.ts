/**
 * Conditional sum of squares (R's `ARIMA_CSS`): difference the series, then
 * run the ARMA recursion e_t = w_t - Σ φ_j w_{t-j} - Σ θ_j e_{t-j}, starting
 * after the first `nCond` values with the earlier errors taken as zero.
 * Fast, no matrices, and a good start for exact ML.
 *
 * @module
 */

/**
 * The result of {@link cssResiduals}. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * const { sigma2, residuals }: CssResult = cssResiduals(y, [0.5], [], { d: 1, D: 0, s: 1 }, 2);
 * ```
 */
export interface CssResult {
  /** Mean of the squared residuals after the conditioning values: R's CSS σ². */
  sigma2: number;
  /** How many residuals were counted. */
  count: number;
  /** Residuals, zero for the first `nCond`. */
  residuals: number[];
}

/**
 * CSS residuals of `y` for expanded φ and θ after d ordinary and D seasonal
 * differences of period s. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * const { sigma2 } = cssResiduals([1, 3, 2, 5, 4], [0.5], [], { d: 0, D: 0, s: 1 }, 1);
 * ```
 */
export function cssResiduals(
  y: ArrayLike<number>,
  phi: number[],
  theta: number[],
  diff: { d: number; D: number; s: number },
  nCond: number,
): CssResult {
  const n = y.length;
  const w = Float64Array.from(y);
  for (let i = 0; i < diff.d; i++) for (let t = n - 1; t > 0; t--) w[t] -= w[t - 1];
  for (let i = 0; i < diff.D; i++) for (let t = n - 1; t >= diff.s; t--) w[t] -= w[t - diff.s];
  const p = phi.length, q = theta.length;
  const resid = new Array<number>(n).fill(0);
  let ssq = 0, count = 0;
  for (let t = nCond; t < n; t++) {
    let e = w[t];
    for (let j = 0; j < p; j++) e -= phi[j] * w[t - j - 1];
    for (let j = 0; j < Math.min(t - nCond, q); j++) e -= theta[j] * resid[t - j - 1];
    resid[t] = e;
    if (!Number.isNaN(e)) {
      count++;
      ssq += e * e;
    }
  }
  return { sigma2: ssq / count, count, residuals: resid };
}
