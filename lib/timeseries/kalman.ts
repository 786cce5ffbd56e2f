/**
 * ARIMA in state-space form and the Kalman filter that gives its exact
 * Gaussian likelihood and its forecasts, laid out as R's `makeARIMA`,
 * `ARIMA_Like` and `KalmanForecast` do: the ARMA part in Harvey's form with
 * its stationary covariance, the differencing as extra states with a diffuse
 * prior (variance `kappa`), and the first observations whose prediction
 * variance is still diffuse left out of the likelihood. That is R's exact ML,
 * which amounts to the exact likelihood of the differenced series.
 *
 * @module
 */
import { armaStateCovariance } from "./statecov.ts";

/**
 * An ARIMA model in state-space form; the filter updates `a` and `P` in place. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * const ss: StateSpace = stateSpace([0.5], [0.3], [1]);
 * ss.rd; // 3
 * ```
 */
export interface StateSpace {
  /** Expanded AR polynomial φ (length p). */
  phi: number[];
  /** Expanded MA polynomial θ, padded with zeros to length r - 1. */
  theta: number[];
  /** Differencing coefficients δ (length d). */
  delta: number[];
  /** Size of the ARMA block, max(p, q + 1). */
  r: number;
  /** Size of the state, r + d. */
  rd: number;
  /** State mean (filtered, after {@link kalmanFilter}). */
  a: Float64Array;
  /** State covariance, row-major rd x rd (filtered, after {@link kalmanFilter}). */
  P: Float64Array;
  /** Prior covariance of the first state. */
  Pn: Float64Array;
}

/**
 * The state-space form of an ARIMA with expanded φ, θ and differencing δ
 * (R's `makeARIMA`, initial covariance by the exact stationary solution).
 * Introduced in 07_arima.
 *
 * @example
 * ```ts
 * const ss = stateSpace([0.5], [0.3], [1]); // ARIMA(1,1,1): r = 2, rd = 3
 * ```
 */
export function stateSpace(
  phi: number[],
  theta: number[],
  delta: number[],
  kappa = 1e6,
): StateSpace {
  const r = Math.max(phi.length, theta.length + 1);
  const d = delta.length;
  const rd = r + d;
  const padded = [...theta, ...new Array<number>(r).fill(0)].slice(0, r - 1);
  const Pn = new Float64Array(rd * rd);
  const block = armaStateCovariance(phi, padded);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) Pn[i * rd + j] = block[i * r + j];
  for (let i = r; i < rd; i++) Pn[i * rd + i] = kappa;
  return {
    phi,
    theta: padded,
    delta,
    r,
    rd,
    a: new Float64Array(rd),
    P: new Float64Array(rd * rd),
    Pn,
  };
}

/** The transition matrix T as sparse rows (CSR), with scratch space for the prediction step. */
interface Transition {
  start: Int32Array;
  col: Int32Array;
  val: Float64Array;
  an: Float64Array;
  mm: Float64Array;
}

function transition(ss: StateSpace): Transition {
  const { phi, delta, r, rd } = ss;
  const p = phi.length, d = delta.length;
  const cols: number[] = [], vals: number[] = [], start = [0];
  const push = (c: number, v: number) => {
    cols.push(c);
    vals.push(v);
  };
  for (let i = 0; i < rd; i++) {
    if (i < r) {
      if (i < p && phi[i] !== 0) push(0, phi[i]);
      if (i < r - 1) push(i + 1, 1);
    } else if (i === r) {
      push(0, 1);
      for (let k = 0; k < d; k++) if (delta[k] !== 0) push(r + k, delta[k]);
    } else push(i - 1, 1);
    start.push(cols.length);
  }
  return {
    start: Int32Array.from(start),
    col: Int32Array.from(cols),
    val: Float64Array.from(vals),
    an: new Float64Array(rd),
    mm: new Float64Array(rd * rd),
  };
}

/** a <- T a; P <- T P Tᵀ + R Rᵀ (the prediction step), using T's sparse rows. */
function predict(ss: StateSpace, T: Transition, a: Float64Array, P: Float64Array): void {
  const { rd, theta } = ss;
  const { start, col, val, an, mm } = T;
  for (let i = 0; i < rd; i++) {
    let s = 0;
    for (let e = start[i]; e < start[i + 1]; e++) s += val[e] * a[col[e]];
    an[i] = s;
  }
  a.set(an);
  mm.fill(0); // T P
  for (let i = 0; i < rd; i++) {
    const row = i * rd;
    for (let e = start[i]; e < start[i + 1]; e++) {
      const k = col[e] * rd, v = val[e];
      for (let j = 0; j < rd; j++) mm[row + j] += v * P[k + j];
    }
  }
  for (let i = 0; i < rd; i++) { // (T P) Tᵀ, symmetric: fill the upper triangle and mirror
    const row = i * rd;
    for (let j = i; j < rd; j++) {
      let s = 0;
      for (let e = start[j]; e < start[j + 1]; e++) s += val[e] * mm[row + col[e]];
      P[row + j] = s;
      P[j * rd + i] = s;
    }
  }
  const q = theta.length;
  for (let i = 0; i <= q; i++) {
    const vi = i === 0 ? 1 : theta[i - 1];
    for (let j = 0; j <= q; j++) P[i * rd + j] += vi * (j === 0 ? 1 : theta[j - 1]);
  }
}

/**
 * What the Kalman filter adds up. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * const { ssq, nu }: FilterResult = kalmanFilter(y, ss);
 * const sigma2 = ssq / nu;
 * ```
 */
export interface FilterResult {
  /** Σ v_t² / F_t over the non-diffuse steps (σ² times this is the residual sum of squares). */
  ssq: number;
  /** Σ log F_t over the non-diffuse steps. */
  sumlog: number;
  /** How many steps counted. */
  nu: number;
  /** Standardised innovations v_t / sqrt(F_t) (NaN where y is missing). */
  residuals: number[];
}

/**
 * Run the Kalman filter over `y` (R's `ARIMA_Like`): leaves the filtered
 * state of the last step in `ss.a` and `ss.P`. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * const ss = stateSpace([0.5], [], []);
 * const { ssq, sumlog, nu } = kalmanFilter([1, 2, 0.5], ss);
 * const loglik = -0.5 * (nu * Math.log(ssq / nu) + sumlog + nu * (1 + Math.log(2 * Math.PI)));
 * ```
 */
export function kalmanFilter(y: ArrayLike<number>, ss: StateSpace): FilterResult {
  const { rd, r, delta } = ss;
  const d = delta.length;
  const T = transition(ss);
  const a = new Float64Array(rd), P = new Float64Array(ss.Pn);
  const M = new Float64Array(rd);
  let ssq = 0, sumlog = 0, nu = 0;
  const residuals = new Array<number>(y.length);
  for (let t = 0; t < y.length; t++) {
    if (t > 0) predict(ss, T, a, P);
    if (Number.isNaN(y[t])) {
      residuals[t] = NaN;
      continue;
    }
    let resid = y[t] - a[0];
    for (let k = 0; k < d; k++) resid -= delta[k] * a[r + k];
    for (let i = 0; i < rd; i++) { // M = P Z, Z = (1, 0, ..., 0, δ)
      let s = P[i * rd];
      for (let k = 0; k < d; k++) s += P[i * rd + r + k] * delta[k];
      M[i] = s;
    }
    let gain = M[0];
    for (let k = 0; k < d; k++) gain += delta[k] * M[r + k];
    if (gain < 1e4) { // skip the diffuse start, as R does
      nu++;
      ssq += (resid * resid) / gain;
      sumlog += Math.log(gain);
    }
    residuals[t] = resid / Math.sqrt(gain);
    for (let i = 0; i < rd; i++) a[i] += (M[i] * resid) / gain;
    for (let i = 0; i < rd; i++) {
      const mi = M[i] / gain;
      if (mi === 0) continue;
      for (let j = 0; j < rd; j++) P[i * rd + j] -= mi * M[j];
    }
  }
  ss.a.set(a);
  ss.P.set(P);
  return { ssq, sumlog, nu, residuals };
}

/**
 * Forecast `h` steps on from the filtered state (R's `KalmanForecast`): the
 * means and the prediction variances in units of σ². Introduced in 07_arima.
 *
 * @example
 * ```ts
 * kalmanFilter(y, ss);
 * const { mean, variance } = kalmanForecast(ss, 12); // se = sqrt(variance * sigma2)
 * ```
 */
export function kalmanForecast(ss: StateSpace, h: number): { mean: number[]; variance: number[] } {
  const { rd, r, delta } = ss;
  const T = transition(ss);
  const a = new Float64Array(ss.a), P = new Float64Array(ss.P);
  const mean: number[] = [], variance: number[] = [];
  const z = new Float64Array(rd);
  z[0] = 1;
  delta.forEach((v, k) => (z[r + k] = v));
  for (let l = 0; l < h; l++) {
    predict(ss, T, a, P);
    let fc = 0, v = 0;
    for (let i = 0; i < rd; i++) {
      fc += z[i] * a[i];
      for (let j = 0; j < rd; j++) v += z[i] * z[j] * P[i * rd + j];
    }
    mean.push(fc);
    variance.push(v);
  }
  return { mean, variance };
}
