/**
 * ARIMA parameters: the order (p,d,q)(P,D,Q)s, the names of the
 * coefficients, the seasonal expansion into one long φ and θ, and R's
 * transformation that keeps an AR part stationary while the optimiser roams
 * freely (tanh onto partial autocorrelations, then Durbin-Levinson).
 *
 * @module
 */

/**
 * A (possibly seasonal) ARIMA order. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * const o: ArimaOrder = { p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, s: 12 }; // the airline model
 * ```
 */
export interface ArimaOrder {
  /** Non-seasonal AR order p. */
  p: number;
  /** Non-seasonal differences d. */
  d: number;
  /** Non-seasonal MA order q. */
  q: number;
  /** Seasonal AR order P. */
  P: number;
  /** Seasonal differences D. */
  D: number;
  /** Seasonal MA order Q. */
  Q: number;
  /** Season length s (12 for monthly data); 1 when not seasonal. */
  s: number;
}

/**
 * The order from R-style arguments, checked. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * arimaOrder([0, 1, 1], { order: [0, 1, 1], period: 12 }); // { p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, s: 12 }
 * ```
 */
export function arimaOrder(
  order: [number, number, number],
  seasonal?: { order: [number, number, number]; period: number },
): ArimaOrder {
  const [p, d, q] = order;
  const [P, D, Q] = seasonal?.order ?? [0, 0, 0];
  const s = seasonal?.period ?? 1;
  for (const [name, v] of Object.entries({ p, d, q, P, D, Q })) {
    if (!Number.isInteger(v) || v < 0) {
      throw new Error(`arima: order ${name} must be a whole number >= 0, got ${v}.`);
    }
  }
  if (!Number.isInteger(s) || s < 1) {
    throw new Error(`arima: seasonal period must be a whole number >= 1, got ${s}.`);
  }
  if (s === 1 && P + D + Q > 0) {
    throw new Error(
      "arima: a seasonal order needs a period > 1 (12 for monthly data): pass seasonal: { order, period }.",
    );
  }
  return { p, d, q, P, D, Q, s };
}

/**
 * The model's name, R style: "ARIMA(0,1,1)(0,1,1)[12]". Introduced in 07_arima.
 *
 * @example
 * ```ts
 * orderLabel(arimaOrder([1, 1, 1])); // "ARIMA(1,1,1)"
 * ```
 */
export function orderLabel(o: ArimaOrder): string {
  const seasonal = o.P + o.D + o.Q > 0 ? `(${o.P},${o.D},${o.Q})[${o.s}]` : "";
  return `ARIMA(${o.p},${o.d},${o.q})${seasonal}`;
}

/**
 * Coefficient names in R's order: ar1.., ma1.., sar1.., sma1... Introduced in 07_arima.
 *
 * @example
 * ```ts
 * coefNames(arimaOrder([1, 0, 1])); // ["ar1", "ma1"]
 * ```
 */
export function coefNames(o: ArimaOrder): string[] {
  const run = (prefix: string, k: number) =>
    Array.from({ length: k }, (_, i) => `${prefix}${i + 1}`);
  return [...run("ar", o.p), ...run("ma", o.q), ...run("sar", o.P), ...run("sma", o.Q)];
}

/**
 * Map unconstrained numbers onto a stationary AR part (R's `partrans`): tanh
 * gives partial autocorrelations in (-1, 1), Durbin-Levinson turns them into
 * AR coefficients. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * toStationary([Math.atanh(0.5)]); // [0.5]
 * ```
 */
export function toStationary(raw: number[]): number[] {
  const out = raw.map(Math.tanh);
  const work = [...out];
  for (let j = 1; j < out.length; j++) {
    const a = out[j];
    for (let k = 0; k < j; k++) work[k] -= a * out[j - k - 1];
    for (let k = 0; k < j; k++) out[k] = work[k];
  }
  return out;
}

/**
 * The inverse of {@link toStationary} (R's `invpartrans`): AR coefficients back
 * to unconstrained numbers. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * fromStationary([0.5]); // [0.5493...] = atanh(0.5)
 * ```
 */
export function fromStationary(phi: number[]): number[] {
  const out = [...phi];
  const work = [...phi];
  for (let j = phi.length - 1; j > 0; j--) {
    const a = out[j];
    for (let k = 0; k < j; k++) work[k] = (out[k] + a * out[j - k - 1]) / (1 - a * a);
    for (let k = 0; k < j; k++) out[k] = work[k];
  }
  return out.map(Math.atanh);
}

/** Apply `fn` to the AR blocks (ar and sar) of a coefficient vector, leaving the MA blocks. */
function mapArBlocks(o: ArimaOrder, coef: number[], fn: (block: number[]) => number[]): number[] {
  const out = [...coef];
  const sarStart = o.p + o.q;
  if (o.p > 0) out.splice(0, o.p, ...fn(coef.slice(0, o.p)));
  if (o.P > 0) out.splice(sarStart, o.P, ...fn(coef.slice(sarStart, sarStart + o.P)));
  return out;
}

/**
 * Unconstrained search parameters -> coefficients (AR blocks through {@link toStationary}). Introduced in 07_arima.
 *
 * @example
 * ```ts
 * undoTransform(arimaOrder([1, 0, 0]), [0]); // [0]
 * ```
 */
export function undoTransform(o: ArimaOrder, raw: number[]): number[] {
  return mapArBlocks(o, raw, toStationary);
}

/**
 * Coefficients -> unconstrained search parameters (AR blocks through {@link fromStationary}). Introduced in 07_arima.
 *
 * @example
 * ```ts
 * doTransform(arimaOrder([1, 0, 0]), [0]); // [0]
 * ```
 */
export function doTransform(o: ArimaOrder, coef: number[]): number[] {
  return mapArBlocks(o, coef, fromStationary);
}

/**
 * Expand (ar, ma, sar, sma) into the full lag polynomials of the model
 * (1 - φ(B))(1 - Φ(B^s)) and (1 + θ(B))(1 + Θ(B^s)) (R's `ARIMA_transPars`
 * without the transform). Introduced in 07_arima.
 *
 * @example
 * ```ts
 * expandArma(arimaOrder([0, 1, 1], { order: [0, 1, 1], period: 4 }), [0.5, 0.5]).theta;
 * // [0.5, 0, 0, 0.5, 0.25]
 * ```
 */
export function expandArma(o: ArimaOrder, coef: number[]): { phi: number[]; theta: number[] } {
  const { p, q, P, Q, s } = o;
  const phi = new Array<number>(p + s * P).fill(0);
  const theta = new Array<number>(q + s * Q).fill(0);
  for (let i = 0; i < p; i++) phi[i] = coef[i];
  for (let i = 0; i < q; i++) theta[i] = coef[p + i];
  for (let j = 0; j < P; j++) {
    const sar = coef[p + q + j];
    phi[(j + 1) * s - 1] += sar;
    for (let i = 0; i < p; i++) phi[(j + 1) * s + i] -= coef[i] * sar;
  }
  for (let j = 0; j < Q; j++) {
    const sma = coef[p + q + P + j];
    theta[(j + 1) * s - 1] += sma;
    for (let i = 0; i < q; i++) theta[(j + 1) * s + i] += coef[p + i] * sma;
  }
  return { phi, theta };
}

/**
 * The differencing polynomial as R's `Delta`: x_t = Σ δ_k x_{t-k} + w_t for
 * (1 - B)^d (1 - B^s)^D. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * differencingPolynomial(arimaOrder([0, 2, 0])); // [2, -1]
 * ```
 */
export function differencingPolynomial(o: ArimaOrder): number[] {
  let poly = [1];
  const times = (b: number[]) => {
    const out = new Array<number>(poly.length + b.length - 1).fill(0);
    poly.forEach((u, i) => b.forEach((v, j) => (out[i + j] += u * v)));
    poly = out;
  };
  for (let i = 0; i < o.d; i++) times([1, -1]);
  for (let i = 0; i < o.D; i++) times([1, ...new Array<number>(o.s - 1).fill(0), -1]);
  return poly.slice(1).map((v) => (v === 0 ? 0 : -v));
}
