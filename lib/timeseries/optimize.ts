/**
 * Minimising a smooth function of a few parameters: BFGS with
 * finite-difference gradients, a port of the `vmmin` routine behind R's
 * `optim(method = "BFGS")`, with the same step rules, the same central
 * differences (`ndeps = 1e-3` on the `parscale` scale) and the same stopping
 * test (`reltol = sqrt(.Machine$double.eps)`), plus R's `optimhess`.
 *
 * Why our own and not an npm package: ARIMA fits are judged against R, and R
 * stops where its own BFGS stops. Porting that routine (about 100 lines)
 * reproduces R's path and stopping point, where a different optimiser would
 * stop somewhere else on a flat likelihood; and it keeps deno.json free of an
 * old, untyped dependency (npm's `fmin`, `numeric` and `optimization-js` are
 * the candidates we looked at).
 *
 * @module
 */

/**
 * Options of {@link bfgs}. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * const options: BfgsOptions = { parscale: [1, 100], maxit: 200 };
 * ```
 */
export interface BfgsOptions {
  /** Typical size of each parameter; the search runs on `par / parscale` (default 1s). */
  parscale?: number[];
  /** Finite-difference step on the scaled parameters (default 1e-3, as R's `ndeps`). */
  ndeps?: number;
  /** Stop when one step lowers the value by less than `reltol * (|f| + reltol)` (default sqrt(2^-52)). */
  reltol?: number;
  /** The most iterations (default 100, as R). */
  maxit?: number;
}

/**
 * What {@link bfgs} found. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * const { par, value, converged }: BfgsResult = bfgs(([x]) => (x - 2) ** 2, [0]);
 * ```
 */
export interface BfgsResult {
  /** The parameters at the minimum found. */
  par: number[];
  /** The function's value there. */
  value: number;
  /** Gradient evaluations (iterations). */
  iterations: number;
  /** Function evaluations, finite differences not counted. */
  evaluations: number;
  /** True when the relative-change test stopped it, false when `maxit` did. */
  converged: boolean;
}

/**
 * Central-difference gradient of `fn` at `par`, steps `ndeps * parscale` (R's
 * optim). Introduced in 07_arima.
 *
 * @example
 * ```ts
 * numericGradient(([x, y]) => x * x + 3 * y, [2, 0]); // ≈ [4, 3]
 * ```
 */
export function numericGradient(
  fn: (par: number[]) => number,
  par: number[],
  ndeps = 1e-3,
  parscale: number[] = par.map(() => 1),
): number[] {
  return par.map((_, i) => {
    const up = [...par];
    const down = [...par];
    up[i] = par[i] + ndeps * parscale[i];
    down[i] = par[i] - ndeps * parscale[i];
    const g = (fn(up) - fn(down)) / (2 * ndeps * parscale[i]);
    if (!Number.isFinite(g)) {
      throw new Error(
        `numericGradient: non-finite finite-difference value for parameter ${i + 1}; ` +
          "the function is not finite near the start: choose other starting values.",
      );
    }
    return g;
  });
}

/**
 * Minimise `fn` from `start` by BFGS with finite-difference gradients (R's
 * `optim(method = "BFGS")`). Introduced in 07_arima.
 *
 * @example
 * ```ts
 * const rosen = ([x, y]: number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
 * bfgs(rosen, [-1.2, 1], { maxit: 500 }).par; // ≈ [1, 1]
 * ```
 */
export function bfgs(
  fn: (par: number[]) => number,
  start: number[],
  options: BfgsOptions = {},
): BfgsResult {
  const n = start.length;
  const scale = options.parscale ?? start.map(() => 1);
  const ndeps = options.ndeps ?? 1e-3;
  const reltol = options.reltol ?? Math.sqrt(Number.EPSILON);
  const maxit = options.maxit ?? 100;
  const stepredn = 0.2, acctol = 1e-4, reltest = 10;
  // The search runs on scaled parameters, as optim does.
  const f = (b: number[]) => fn(b.map((v, i) => v * scale[i]));
  const grad = (b: number[]) => numericGradient(f, b, ndeps);

  const b = start.map((v, i) => v / scale[i]);
  let fmin = f(b);
  if (!Number.isFinite(fmin)) {
    throw new Error("bfgs: the function is not finite at the starting values; start elsewhere.");
  }
  if (n === 0) return { par: [], value: fmin, iterations: 0, evaluations: 1, converged: true };
  let funcount = 1, gradcount = 1, iter = 1;
  let g = grad(b);
  let ilast = gradcount;
  let count = 0;
  let value = fmin;
  const B = Array.from({ length: n }, () => new Float64Array(n)); // inverse Hessian, lower triangle
  const t = new Float64Array(n), X = new Float64Array(n), c = new Float64Array(n);
  const Bij = (i: number, j: number) => (j <= i ? B[i][j] : B[j][i]);
  do {
    if (ilast === gradcount) {
      for (let i = 0; i < n; i++) {
        B[i].fill(0);
        B[i][i] = 1;
      }
    }
    for (let i = 0; i < n; i++) {
      X[i] = b[i];
      c[i] = g[i];
    }
    let gradproj = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= Bij(i, j) * g[j];
      t[i] = s;
      gradproj += s * g[i];
    }
    if (gradproj < 0) { // downhill: backtrack until the Armijo test passes
      let steplength = 1;
      let accpoint = false;
      do {
        count = 0;
        for (let i = 0; i < n; i++) {
          b[i] = X[i] + steplength * t[i];
          if (reltest + X[i] === reltest + b[i]) count++;
        }
        if (count < n) {
          value = f(b);
          funcount++;
          accpoint = Number.isFinite(value) && value <= fmin + gradproj * steplength * acctol;
          if (!accpoint) steplength *= stepredn;
        }
      } while (!(count === n || accpoint));
      const enough = Math.abs(value - fmin) > reltol * (Math.abs(fmin) + reltol);
      if (!enough) {
        count = n;
        fmin = value;
      }
      if (count < n) { // progress: update the inverse Hessian
        fmin = value;
        g = grad(b);
        gradcount++;
        iter++;
        let D1 = 0;
        for (let i = 0; i < n; i++) {
          t[i] *= steplength;
          c[i] = g[i] - c[i];
          D1 += t[i] * c[i];
        }
        if (D1 > 0) {
          let D2 = 0;
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < n; j++) s += Bij(i, j) * c[j];
            X[i] = s;
            D2 += s * c[i];
          }
          D2 = 1 + D2 / D1;
          for (let i = 0; i < n; i++) {
            for (let j = 0; j <= i; j++) {
              B[i][j] += (D2 * t[i] * t[j] - X[i] * t[j] - t[i] * X[j]) / D1;
            }
          }
        } else {
          ilast = gradcount;
        }
      } else if (ilast < gradcount) { // no progress: restart from steepest descent
        count = 0;
        ilast = gradcount;
      }
    } else { // uphill: reset unless just reset
      count = 0;
      if (ilast === gradcount) count = n;
      else ilast = gradcount;
    }
    if (iter >= maxit) break;
    if (gradcount - ilast > 2 * n) ilast = gradcount; // periodic restart
  } while (count !== n || ilast !== gradcount);
  return {
    par: b.map((v, i) => v * scale[i]),
    value: fmin,
    iterations: iter,
    evaluations: funcount,
    converged: iter < maxit,
  };
}

/**
 * Finite-difference Hessian of `fn` at `par` (R's `optimhess`: central
 * differences of the numeric gradient, then symmetrised). Introduced in 07_arima.
 *
 * @example
 * ```ts
 * hessian(([x, y]) => x * x + x * y + 2 * y * y, [0, 0]); // ≈ [[2, 1], [1, 4]]
 * ```
 */
export function hessian(
  fn: (par: number[]) => number,
  par: number[],
  ndeps = 1e-3,
  parscale: number[] = par.map(() => 1),
): number[][] {
  const n = par.length;
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const eps = ndeps * parscale[i];
    const up = [...par], down = [...par];
    up[i] += eps;
    down[i] -= eps;
    const g1 = numericGradient(fn, up, ndeps, parscale);
    const g2 = numericGradient(fn, down, ndeps, parscale);
    for (let j = 0; j < n; j++) H[i][j] = (g1[j] - g2[j]) / (2 * eps);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) H[i][j] = H[j][i] = 0.5 * (H[i][j] + H[j][i]);
  }
  return H;
}
