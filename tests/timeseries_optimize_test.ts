import assert from "node:assert/strict";
import { bfgs, hessian, numericGradient } from "../lib/timeseries/mod.ts";

Deno.test("BFGS follows R's optim(method = 'BFGS') on Rosenbrock's function to the same point and counts", () => {
  // R 4.2.2: optim(c(-1.2, 1), fr, method = "BFGS") -> par 0.9998044332 0.9996083806, counts 118 38
  const rosen = ([x, y]: number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
  const r = bfgs(rosen, [-1.2, 1]);
  assert.ok(Math.abs(r.par[0] - 0.9998044332) < 1e-9 && Math.abs(r.par[1] - 0.9996083806) < 1e-9);
  assert.ok(Math.abs(r.value - 3.83e-8) < 1e-10);
  assert.equal(r.evaluations, 118);
  assert.equal(r.iterations, 38);
  assert.ok(r.converged);
});

Deno.test("BFGS finds the minimum of a quadratic, and the Hessian there is its matrix", () => {
  // f = (x-3)² + 2(y+1)² + xy: minimum at (4, -2), value -5, Hessian [[2, 1], [1, 4]].
  const f = ([x, y]: number[]) => (x - 3) ** 2 + 2 * (y + 1) ** 2 + x * y;
  const r = bfgs(f, [1, 1]);
  assert.ok(Math.abs(r.par[0] - 4) < 1e-4 && Math.abs(r.par[1] + 2) < 1e-4);
  assert.ok(Math.abs(r.value + 5) < 1e-8);
  const H = hessian(f, r.par);
  [[2, 1], [1, 4]].forEach((row, i) =>
    row.forEach((v, j) => assert.ok(Math.abs(H[i][j] - v) < 1e-6))
  );
});

Deno.test("parscale lets BFGS handle parameters of very different sizes", () => {
  const f = ([a, b]: number[]) => (a - 1) ** 2 + ((b - 5000) / 1000) ** 2;
  const r = bfgs(f, [0, 0], { parscale: [1, 1000] });
  assert.ok(Math.abs(r.par[0] - 1) < 1e-4 && Math.abs(r.par[1] - 5000) < 0.1);
});

Deno.test("the numeric gradient is a central difference: exact for quadratics", () => {
  const g = numericGradient(([x, y]) => x * x + 3 * y, [2, 0]);
  assert.ok(Math.abs(g[0] - 4) < 1e-10 && Math.abs(g[1] - 3) < 1e-10);
});

Deno.test("a function that is not finite at the start is refused", () => {
  assert.throws(() => bfgs(() => NaN, [0]), /not finite at the starting values/);
});
