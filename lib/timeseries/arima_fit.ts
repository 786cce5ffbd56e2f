/**
 * A fitted ARIMA: what `arima()` estimated, and forecasts with standard
 * errors and intervals from the Kalman filter's last state (R's
 * `predict.Arima`).
 *
 * @module
 */
import pl from "nodejs-polars";
import { kalmanForecast, type StateSpace } from "./kalman.ts";
import { type Forecast, withInterval } from "./forecast.ts";
import { type ArimaOrder, orderLabel } from "./params.ts";

/**
 * Inverse of a small square matrix by Gauss-Jordan elimination. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * inverse([[2, 0], [0, 4]]); // [[0.5, 0], [0, 0.25]]
 * ```
 */
export function inverse(A: number[][]): number[][] {
  const n = A.length;
  const M = A.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(M[i][c]) > Math.abs(M[piv][c])) piv = i;
    [M[c], M[piv]] = [M[piv], M[c]];
    const d = M[c][c];
    for (let k = 0; k < 2 * n; k++) M[c][k] /= d;
    for (let i = 0; i < n; i++) {
      if (i === c) continue;
      const f = M[i][c];
      for (let k = 0; k < 2 * n; k++) M[i][k] -= f * M[c][k];
    }
  }
  return M.map((row) => row.slice(n));
}

/**
 * A fitted ARIMA: coefficients, σ², log-likelihood, AIC, residuals, and
 * forecasts with intervals. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * const fit = arima(series, { order: [1, 1, 1], method: "ML" });
 * fit.coef; // { ar1: ..., ma1: ... }
 * fit.forecast(12).upper; // 95% upper limits
 * ```
 */
export class ArimaFit {
  /** R-style label, e.g. "ARIMA(0,1,1)(0,1,1)[12]". */
  readonly label: string;
  constructor(
    /** The model's order. */
    readonly order: ArimaOrder,
    /** How it was fitted. */
    readonly method: "CSS-ML" | "ML" | "CSS",
    /** Coefficients by R's names (ar1, ma1, sar1, sma1, intercept). */
    readonly coef: Record<string, number>,
    /** Standard errors from the numerical Hessian (NaN where it is not positive definite). */
    readonly se: Record<string, number>,
    /** Innovation variance σ² (R's definition for the method). */
    readonly sigma2: number,
    /** Log-likelihood (R's: for CSS, the Gaussian log-likelihood at the CSS σ²). */
    readonly loglik: number,
    /** Akaike information criterion (NaN for CSS, as R). */
    readonly aic: number,
    /** Observations used after differencing. */
    readonly nUsed: number,
    /** Residuals (innovations), one per observation. */
    readonly residuals: number[],
    /** Whether the optimiser met its convergence test. */
    readonly converged: boolean,
    private readonly state: StateSpace,
    private readonly mean: number,
  ) {
    this.label = orderLabel(order);
  }

  /**
   * Forecast `h` steps ahead with standard errors and an interval (95% by
   * default), as R's `predict()`. Introduced in 07_arima.
   *
   * @example
   * ```ts
   * const { mean, se, lower, upper } = fit.forecast(12);
   * ```
   */
  forecast(h: number, level = 0.95): Forecast {
    if (!Number.isInteger(h) || h < 1) {
      throw new Error(`forecast: h must be a whole number of steps >= 1, got ${h}.`);
    }
    const { mean, variance } = kalmanForecast(this.state, h);
    return withInterval(
      mean.map((m) => m + this.mean),
      variance.map((v) => Math.sqrt(v * this.sigma2)),
      level,
    );
  }

  /**
   * The coefficients with their standard errors as a polars DataFrame. Introduced in 07_arima.
   *
   * @example
   * ```ts
   * fit.coefTable(); // coefficient | estimate | se
   * ```
   */
  coefTable(): pl.DataFrame {
    const names = Object.keys(this.coef);
    return pl.DataFrame({
      coefficient: names,
      estimate: names.map((k) => this.coef[k]),
      se: names.map((k) => this.se[k]),
    });
  }

  /**
   * A summary in the layout of R's print of an arima fit. Introduced in 07_arima.
   *
   * @example
   * ```ts
   * console.log(fit.toString());
   * // ARIMA(0,1,1)(0,1,1)[12] fitted by ML
   * // ...
   * // sigma^2 = 0.001348:  log likelihood = 244.70,  aic = -483.40
   * ```
   */
  toString(): string {
    const names = Object.keys(this.coef);
    const cell = (s: string) => s.padStart(10);
    const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : "NaN");
    const aic = Number.isFinite(this.aic) ? `,  aic = ${this.aic.toFixed(2)}` : "";
    return [
      `${this.label} fitted by ${this.method}`,
      "Coefficients:",
      `    ${names.map(cell).join("")}`,
      `    ${names.map((k) => cell(fmt(this.coef[k]))).join("")}`,
      `s.e.${names.map((k) => cell(fmt(this.se[k]))).join("")}`,
      `sigma^2 = ${this.sigma2.toPrecision(4)}:  log likelihood = ${this.loglik.toFixed(2)}${aic}`,
    ].join("\n");
  }
}
