/**
 * Checking gradients without trusting the engine: central finite differences,
 * and a comparison that fails loudly (for self-check cells).
 *
 * @module
 */

/**
 * The gradient of `f` at `xs` by central differences,
 * (f(x + h) - f(x - h)) / 2h for each coordinate; the error is about h² from
 * curvature plus 1e-16/h from rounding, so h = 1e-5 gives about 1e-10.
 * Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * numericGrad(([a, b]) => a * b, [3, 4]); // ≈ [4, 3]
 * ```
 */
export function numericGrad(
  f: (xs: number[]) => number,
  xs: readonly number[],
  h = 1e-5,
): number[] {
  return xs.map((_, i) => {
    const up = [...xs];
    const down = [...xs];
    up[i] += h;
    down[i] -= h;
    return (f(up) - f(down)) / (2 * h);
  });
}

/**
 * Throw an Error naming `what`, both numbers and the tolerance unless
 * |actual - expected| <= tolerance · (1 + |expected|) (relative for big
 * numbers, absolute near 0). Arrays are compared element by element.
 * Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * checkClose("dL/dw", 0.83994868, 0.8399486832, 1e-6); // passes
 * checkClose("dL/dw", 0.8, 0.84, 1e-6); // throws: dL/dw is 0.8, expected 0.84 ...
 * ```
 */
export function checkClose(
  what: string,
  actual: number | readonly number[],
  expected: number | readonly number[],
  tolerance: number,
): void {
  const a = typeof actual === "number" ? [actual] : actual;
  const e = typeof expected === "number" ? [expected] : expected;
  if (a.length !== e.length) {
    throw new Error(`${what}: got ${a.length} numbers, expected ${e.length}`);
  }
  a.forEach((x, i) => {
    const name = a.length > 1 ? `${what}[${i}]` : what;
    const ok = Math.abs(x - e[i]) <= tolerance * (1 + Math.abs(e[i]));
    if (!ok) {
      throw new Error(
        `${name} is ${x}, expected ${e[i]} (allowed ${tolerance} relative); ` +
          `look at how it is computed, step by step on the tape`,
      );
    }
  });
}
