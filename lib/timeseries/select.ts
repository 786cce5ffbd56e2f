/**
 * Choosing between ARIMA orders: fit each candidate and line them up by AIC,
 * with a Ljung-Box p-value for what the residuals leave behind; and setting a
 * fit next to reference numbers (R's) to see how close they are.
 *
 * @module
 */
import pl from "nodejs-polars";
import { arima, type ArimaOptions } from "./arima.ts";
import type { ArimaFit } from "./arima_fit.ts";
import { ljungBox } from "./ljungbox.ts";

/**
 * Fit every candidate to `values` and tabulate model, AIC, log-likelihood,
 * σ² and the Ljung-Box p-value at `lag` (default 24), lowest AIC first. AICs
 * compare fairly only between models with the same differencing. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * compareOrders(logAir, [
 *   { order: [0, 1, 1], seasonal: { order: [0, 1, 1], period: 12 } },
 *   { order: [1, 1, 0], seasonal: { order: [1, 1, 0], period: 12 } },
 * ]);
 * ```
 */
export function compareOrders(
  values: number[],
  candidates: ArimaOptions[],
  options: { lag?: number } = {},
): pl.DataFrame {
  const lag = options.lag ?? 24;
  const rows = candidates.map((c) => {
    const fit = arima(values, c);
    const k = fit.order.p + fit.order.q + fit.order.P + fit.order.Q;
    const resid = fit.residuals.slice(fit.order.d + fit.order.D * fit.order.s);
    return {
      model: fit.label,
      AIC: fit.aic,
      loglik: fit.loglik,
      sigma2: fit.sigma2,
      ljungBoxP: ljungBox(resid, { lag, fitdf: k }).pValue,
    };
  }).sort((a, b) => a.AIC - b.AIC);
  return pl.DataFrame({
    model: rows.map((r) => r.model),
    AIC: rows.map((r) => r.AIC),
    loglik: rows.map((r) => r.loglik),
    sigma2: rows.map((r) => r.sigma2),
    [`Ljung-Box p (lag ${lag})`]: rows.map((r) => r.ljungBoxP),
  });
}

/**
 * Reference numbers for a fit, as in tests/fixtures/arima_R.json. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * const ref: FitReference = { coef: { ar1: -0.4742, ma1: 0.8635 }, sigma2: 962.19, loglik: -694.34 };
 * ```
 */
export interface FitReference {
  /** Coefficients by name. */
  coef: Record<string, number>;
  /** Innovation variance. */
  sigma2: number;
  /** Log-likelihood. */
  loglik: number;
  /** AIC (null for CSS). */
  aic?: number | null;
  /** Forecasts 1..h steps ahead. */
  forecast12?: number[];
}

/**
 * One row per quantity: our value, the reference's, and the absolute
 * difference (forecasts: the largest relative difference). Introduced in 07_arima.
 *
 * @example
 * ```ts
 * compareWithReference(fit, fixture.fits.logAirPassengers_ARIMA111_ML);
 * ```
 */
export function compareWithReference(fit: ArimaFit, ref: FitReference): pl.DataFrame {
  const rows: { quantity: string; ours: number; reference: number; difference: number }[] = [];
  const add = (quantity: string, ours: number, reference: number) =>
    rows.push({ quantity, ours, reference, difference: Math.abs(ours - reference) });
  for (const [name, v] of Object.entries(ref.coef)) add(name, fit.coef[name], v);
  add("sigma2", fit.sigma2, ref.sigma2);
  add("loglik", fit.loglik, ref.loglik);
  if (ref.aic !== undefined && ref.aic !== null) add("aic", fit.aic, ref.aic);
  if (ref.forecast12) {
    const f = fit.forecast(ref.forecast12.length).mean;
    const worst = ref.forecast12.reduce(
      (w, r, i) => (Math.abs(f[i] / r - 1) > Math.abs(f[w] / ref.forecast12![w] - 1) ? i : w),
      0,
    );
    rows.push({
      quantity: `forecast ${worst + 1} (worst, relative)`,
      ours: f[worst],
      reference: ref.forecast12[worst],
      difference: Math.abs(f[worst] / ref.forecast12[worst] - 1),
    });
  }
  return pl.DataFrame({
    quantity: rows.map((r) => r.quantity),
    ours: rows.map((r) => r.ours),
    reference: rows.map((r) => r.reference),
    difference: rows.map((r) => r.difference),
  });
}
