/**
 * Roots of lag polynomials: whether an AR part is stationary and an MA part
 * invertible (every root of 1 - φ1 z - ... outside the unit circle), and R's
 * `maInvert`, which flips MA roots inside the circle to their reciprocals.
 *
 * @module
 */

/**
 * A complex number. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * const z: Complex = { re: 0, im: 1 }; // i
 * ```
 */
export interface Complex {
  /** Real part. */
  re: number;
  /** Imaginary part. */
  im: number;
}

const mul = (a: Complex, b: Complex): Complex => ({
  re: a.re * b.re - a.im * b.im,
  im: a.re * b.im + a.im * b.re,
});
const div = (a: Complex, b: Complex): Complex => {
  const d = b.re * b.re + b.im * b.im;
  return { re: (a.re * b.re + a.im * b.im) / d, im: (a.im * b.re - a.re * b.im) / d };
};
const sub = (a: Complex, b: Complex): Complex => ({ re: a.re - b.re, im: a.im - b.im });
/**
 * Modulus of a complex number. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * modulus({ re: 3, im: 4 }); // 5
 * ```
 */
export const modulus = (z: Complex): number => Math.hypot(z.re, z.im);

/**
 * All complex roots of c0 + c1 z + ... + cn z^n (coefficients in increasing
 * order, like R's `polyroot`), by Aberth's simultaneous iteration. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * polyroot([2, -3, 1]); // roots 1 and 2 (in some order), each { re, im: 0 }
 * ```
 */
export function polyroot(coefficients: number[]): Complex[] {
  const c = [...coefficients];
  while (c.length > 0 && c[c.length - 1] === 0) c.pop();
  const n = c.length - 1;
  if (n < 1) return [];
  const lead = c[n];
  const a = c.map((v) => v / lead); // monic
  // Start on a circle inside the Cauchy bound, rotated off the real axis.
  const bound = 1 + Math.max(...a.slice(0, n).map(Math.abs));
  const z: Complex[] = Array.from({ length: n }, (_, k) => {
    const angle = (2 * Math.PI * k) / n + 0.4;
    return { re: 0.5 * bound * Math.cos(angle), im: 0.5 * bound * Math.sin(angle) };
  });
  const evaluate = (x: Complex): [Complex, Complex] => {
    let p: Complex = { re: 1, im: 0 }, dp: Complex = { re: 0, im: 0 };
    for (let k = n - 1; k >= 0; k--) {
      dp = { re: mul(dp, x).re + p.re, im: mul(dp, x).im + p.im };
      p = { re: mul(p, x).re + a[k], im: mul(p, x).im };
    }
    return [p, dp];
  };
  for (let iter = 0; iter < 500; iter++) {
    let biggest = 0;
    for (let i = 0; i < n; i++) {
      const [p, dp] = evaluate(z[i]);
      if (p.re === 0 && p.im === 0) continue;
      const ratio = div(p, dp);
      let sum: Complex = { re: 0, im: 0 };
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const inv = div({ re: 1, im: 0 }, sub(z[i], z[j]));
        sum = { re: sum.re + inv.re, im: sum.im + inv.im };
      }
      const step = div(ratio, sub({ re: 1, im: 0 }, mul(ratio, sum)));
      z[i] = sub(z[i], step);
      biggest = Math.max(biggest, modulus(step) / Math.max(1, modulus(z[i])));
    }
    if (biggest < 1e-15) break;
  }
  return z;
}

/**
 * Whether AR coefficients φ give a stationary process: every root of
 * 1 - φ1 z - ... - φp z^p lies outside the unit circle (R's `arCheck`). Introduced in 07_arima.
 *
 * @example
 * ```ts
 * isStationary([0.5]); // true
 * isStationary([1.2]); // false
 * ```
 */
export function isStationary(ar: number[]): boolean {
  return polyroot([1, ...ar.map((v) => -v)]).every((r) => modulus(r) > 1);
}

/**
 * Whether MA coefficients θ are invertible: every root of 1 + θ1 z + ... + θq z^q
 * lies outside the unit circle. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * isInvertible([0.5]); // true
 * isInvertible([2]); // false
 * ```
 */
export function isInvertible(ma: number[]): boolean {
  return polyroot([1, ...ma]).every((r) => modulus(r) > 1);
}

/**
 * An invertible MA with the same autocorrelations: roots inside the unit
 * circle replaced by their reciprocals (R's `maInvert`). Introduced in 07_arima.
 *
 * @example
 * ```ts
 * invertMa([2]); // [0.5]
 * ```
 */
export function invertMa(ma: number[]): number[] {
  const q = ma.length;
  let q0 = q;
  while (q0 > 0 && ma[q0 - 1] === 0) q0--;
  if (q0 === 0) return [...ma];
  const roots = polyroot([1, ...ma.slice(0, q0)]);
  if (roots.every((r) => modulus(r) >= 1)) return [...ma];
  if (q0 === 1) return [1 / ma[0], ...new Array(q - 1).fill(0)];
  const flipped = roots.map((r) => (modulus(r) < 1 ? div({ re: 1, im: 0 }, r) : r));
  // Rebuild prod (1 - z / r) = 1 + θ1 z + ... from the roots.
  let x: Complex[] = [{ re: 1, im: 0 }];
  for (const r of flipped) {
    const next: Complex[] = [...x, { re: 0, im: 0 }];
    for (let k = 1; k < next.length; k++) next[k] = sub(next[k], div(x[k - 1], r));
    x = next;
  }
  return [...x.slice(1).map((v) => v.re), ...new Array(q - q0).fill(0)];
}
