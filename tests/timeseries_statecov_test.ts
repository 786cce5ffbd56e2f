import assert from "node:assert/strict";
import { armaStateCovariance } from "../lib/timeseries/mod.ts";

const closeAll = (a: ArrayLike<number>, b: number[], tol: number) =>
  b.forEach((v, i) =>
    assert.ok(Math.abs(a[i] - v) <= tol, `entry ${i}: got ${a[i]}, expected ${v}`)
  );

Deno.test("an AR(1)'s state variance is 1 / (1 - φ²)", () => {
  closeAll(armaStateCovariance([0.5], []), [1 / 0.75], 1e-14);
});

Deno.test("the stationary covariance matches R's getQ0 (Gardner 1980) for an ARMA(2,1)", () => {
  // R 4.2.2: .Call(stats:::C_getQ0, c(0.5, -0.3), 0.4)
  closeAll(armaStateCovariance([0.5, -0.3], [0.4]), [
    1.892857142857,
    0.089285714286,
    0.089285714286,
    0.330357142857,
  ], 1e-11);
});

Deno.test("the stationary covariance matches R's getQ0 for an ARMA(3,2)", () => {
  // R 4.2.2: .Call(stats:::C_getQ0, c(0.5, -0.3, 0.2), c(0.4, 0.1))
  const r = [
    1.903947368421,
    0.209868421053,
    0.332368421053,
    0.209868421053,
    0.218092105263,
    -0.007763157895,
    0.332368421053,
    -0.007763157895,
    0.086157894737,
  ];
  closeAll(armaStateCovariance([0.5, -0.3, 0.2], [0.4, 0.1]), r, 1e-11);
});

Deno.test("a pure MA(1)'s state covariance is [[1 + θ², θ], [θ, θ²]]", () => {
  closeAll(armaStateCovariance([], [0.6]), [1.36, 0.6, 0.6, 0.36], 1e-14);
});

Deno.test("an AR part with a unit root has no stationary covariance and says to difference", () => {
  assert.throws(() => armaStateCovariance([1], []), /unit root.*difference the series/);
});
