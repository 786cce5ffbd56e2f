/**
 * Fitting ARIMA(p,d,q)(P,D,Q)s the way R's `stats::arima()` does, in float64:
 * by conditional sum of squares ("CSS"), by exact maximum likelihood through
 * the Kalman filter ("ML"), or CSS for a start and then ML ("CSS-ML", R's
 * default). Same parameterisation, same optimiser (a port of R's BFGS), same
 * σ², log-likelihood and AIC definitions, so the numbers can be checked
 * against R.
 *
 * @module
 */
import { bfgs, hessian } from "./optimize.ts";
import { cssResiduals } from "./css.ts";
import { kalmanFilter, stateSpace } from "./kalman.ts";
import { ArimaFit, inverse } from "./arima_fit.ts";
import { invertMa, isInvertible, isStationary } from "./roots.ts";
import {
  type ArimaOrder,
  arimaOrder,
  coefNames,
  differencingPolynomial,
  doTransform,
  expandArma,
  orderLabel,
  undoTransform,
} from "./params.ts";

/**
 * Options of {@link arima}, named after R's arguments. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * const options: ArimaOptions = { order: [0, 1, 1], seasonal: { order: [0, 1, 1], period: 12 }, method: "ML" };
 * ```
 */
export interface ArimaOptions {
  /** [p, d, q]. */
  order: [number, number, number];
  /** The seasonal part: order [P, D, Q] and period s. */
  seasonal?: { order: [number, number, number]; period: number };
  /** "CSS-ML" (default, as R), "ML" or "CSS". */
  method?: "CSS-ML" | "ML" | "CSS";
  /** Fit a mean (intercept); only possible, and then the default, when there is no differencing. */
  includeMean?: boolean;
  /** Keep the AR part stationary during ML by searching on transformed parameters (default true). */
  transformPars?: boolean;
  /** CSS: leave out at least this many first values (R's n.cond). */
  nCond?: number;
  /** Prior variance of the differencing states (default 1e6, as R). */
  kappa?: number;
}

/** Block-wise check of the AR (ar, sar) parts; names the offending block. */
function checkArBlocks(o: ArimaOrder, coef: number[], from: string): void {
  const ar = coef.slice(0, o.p), sar = coef.slice(o.p + o.q, o.p + o.q + o.P);
  for (const [name, block] of [["AR", ar], ["seasonal AR", sar]] as const) {
    if (block.length > 0 && !isStationary(block)) {
      throw new Error(
        `arima: non-stationary ${name} part from ${from} (coefficients ${
          block.map((v) => v.toFixed(4)).join(", ")
        }): difference the series (raise ${name === "AR" ? "d" : "D"})${
          from === "CSS" ? ', or use method "ML"' : ", or keep transformPars on"
        }.`,
      );
    }
  }
}

function invertMaBlocks(o: ArimaOrder, coef: number[]): number[] {
  const out = [...coef];
  if (o.q > 0) out.splice(o.p, o.q, ...invertMa(coef.slice(o.p, o.p + o.q)));
  const s0 = o.p + o.q + o.P;
  if (o.Q > 0) out.splice(s0, o.Q, ...invertMa(coef.slice(s0, s0 + o.Q)));
  return out;
}

/**
 * Fit an ARIMA(p,d,q)(P,D,Q)s to `x` like R's `arima()`. Throws, naming the
 * fix, on missing values, a series too short for the order, or a CSS fit
 * whose AR part is not stationary. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * const fit = arima(logAir, { order: [0, 1, 1], seasonal: { order: [0, 1, 1], period: 12 } });
 * fit.coef.sma1; // -0.557, as R
 * ```
 */
export function arima(x: ArrayLike<number>, options: ArimaOptions): ArimaFit {
  const o = arimaOrder(options.order, options.seasonal);
  const method = options.method ?? "CSS-ML";
  const label = orderLabel(o);
  const y = Array.from(x);
  const bad = y.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    throw new Error(
      `arima: value ${bad + 1} of the series is ${y[bad]}; fill or drop missing values first ` +
        `(loadSeries(path, { fill: "interpolate" }) does it).`,
    );
  }
  const delta = differencingPolynomial(o);
  const n = y.length, nUsed = n - delta.length;
  const includeMean = (options.includeMean ?? true) && o.d + o.D === 0;
  const narma = o.p + o.q + o.P + o.Q;
  const npar = narma + (includeMean ? 1 : 0);
  const arLags = o.p + o.s * o.P;
  const needed = delta.length + Math.max(arLags, o.q + o.s * o.Q) + npar + 2;
  if (n < needed) {
    throw new Error(
      `arima: a series of ${n} values is too short for ${label}: it needs at least ${needed} ` +
        `(differencing uses ${delta.length}, the lags ${
          Math.max(arLags, o.q + o.s * o.Q)
        }, and ${npar} coefficients to estimate). Use a longer series or a smaller order.`,
    );
  }
  let nCond = delta.length + Math.max(options.nCond ?? 0, arLags);
  const kappa = options.kappa ?? 1e6;
  let trans = (options.transformPars ?? true) && method !== "CSS";

  // Starting values and scales, as R: zeros, and the sample mean with 10 standard errors as its scale.
  let init = new Array<number>(narma).fill(0);
  const parscale = new Array<number>(narma).fill(1);
  if (includeMean) {
    const m = y.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(y.reduce((s, v) => s + (v - m) ** 2, 0) / (n - 1));
    init.push(m);
    parscale.push((10 * sd) / Math.sqrt(n));
  }
  const centred = (par: number[]) => (includeMean ? y.map((v) => v - par[narma]) : y);
  const css = (par: number[]) => {
    const { phi, theta } = expandArma(o, par);
    return cssResiduals(centred(par), phi, theta, o, nCond);
  };
  const cssObjective = (par: number[]) => 0.5 * Math.log(css(par).sigma2);
  const mlObjective = (par: number[], transformed: boolean) => {
    const coef = transformed ? undoTransform(o, par) : par;
    const { phi, theta } = expandArma(o, coef);
    let ss;
    try {
      ss = stateSpace(phi, theta, delta, kappa);
    } catch {
      return Number.MAX_VALUE; // parameters with no stationary start, as R's armafn
    }
    const res = kalmanFilter(centred(par), ss);
    return 0.5 * (Math.log(res.ssq / res.nu) + res.sumlog / res.nu);
  };

  let coef: number[], value: number, converged: boolean, sigma2: number, residuals: number[];
  let objective: (par: number[]) => number;
  if (method === "CSS") {
    const res = bfgs(cssObjective, init, { parscale });
    coef = res.par;
    value = res.value;
    converged = res.converged;
    checkArBlocks(o, coef, "CSS");
    const out = css(coef);
    sigma2 = out.sigma2;
    residuals = out.residuals;
    objective = cssObjective;
  } else {
    if (method === "CSS-ML") {
      const res = bfgs(cssObjective, init, { parscale });
      if (res.converged) init = res.par;
      checkArBlocks(o, init, "CSS");
      nCond = 0;
    }
    if (trans) {
      const m = init.slice(narma);
      init = [...invertMaBlocks(o, doTransform(o, init.slice(0, narma))), ...m];
    }
    const ml = (par: number[]) => mlObjective(par, trans);
    let res = bfgs(ml, init, { parscale });
    coef = res.par;
    if (trans) {
      const inverted = [...invertMaBlocks(o, coef.slice(0, narma)), ...coef.slice(narma)];
      if (inverted.some((v, i) => v !== coef[i])) { // refit from the invertible twin, as R
        res = bfgs(ml, inverted, { parscale });
        res = bfgs(ml, res.par, { parscale });
      }
      coef = [...undoTransform(o, res.par.slice(0, narma)), ...res.par.slice(narma)];
      trans = false;
    }
    value = res.value;
    converged = res.converged;
    residuals = [];
    sigma2 = 0;
    checkArBlocks(o, coef, "ML");
    objective = (par) => mlObjective(par, false);
  }
  const { phi, theta } = expandArma(o, coef);
  const state = stateSpace(phi, theta, delta, kappa);
  const filtered = kalmanFilter(centred(coef), state); // leaves the last state for forecasting
  if (method !== "CSS") {
    sigma2 = filtered.ssq / nUsed;
    residuals = filtered.residuals;
  }
  const names = [...coefNames(o), ...(includeMean ? ["intercept"] : [])];
  let variance: number[][];
  try {
    variance = inverse(
      hessian(objective, coef, 1e-3, parscale).map((r) => r.map((v) => v * nUsed)),
    );
  } catch {
    variance = coef.map(() => coef.map(() => NaN));
  }
  const twiceNegLoglik = 2 * nUsed * value + nUsed + nUsed * Math.log(2 * Math.PI);
  const maParts = [coef.slice(o.p, o.p + o.q), coef.slice(o.p + o.q + o.P, narma)];
  if (method === "CSS" && maParts.some((b) => b.length > 0 && !isInvertible(b))) {
    console.warn(`arima: the CSS fit of ${label} has a non-invertible MA part; try method "ML".`);
  }
  return new ArimaFit(
    o,
    method,
    Object.fromEntries(names.map((k, i) => [k, coef[i]])),
    Object.fromEntries(
      names.map((k, i) => [k, variance[i][i] > 0 ? Math.sqrt(variance[i][i]) : NaN]),
    ),
    sigma2,
    -0.5 * twiceNegLoglik,
    method === "CSS" ? NaN : twiceNegLoglik + 2 * npar + 2,
    nUsed,
    residuals,
    converged,
    state,
    includeMean ? coef[narma] : 0,
  );
}
