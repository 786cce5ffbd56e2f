import assert from "node:assert/strict";
import { invertMa, isInvertible, isStationary, modulus, polyroot } from "../lib/timeseries/mod.ts";

Deno.test("polyroot finds R's roots of 1 - 0.5z + 0.3z² + 0.2z³", () => {
  // R 4.2.2: polyroot(c(1, -0.5, 0.3, 0.2))
  const expected = [[0.71667687429, 1.09128724417], [0.71667687429, -1.09128724417], [
    -2.93335374858,
    0,
  ]];
  const roots = polyroot([1, -0.5, 0.3, 0.2]);
  assert.equal(roots.length, 3);
  for (const [re, im] of expected) {
    assert.ok(
      roots.some((r) => Math.abs(r.re - re) < 1e-10 && Math.abs(r.im - im) < 1e-10),
      `root ${re} + ${im}i`,
    );
  }
});

Deno.test("polyroot of (z - 1)(z - 2) gives 1 and 2", () => {
  const roots = polyroot([2, -3, 1]).map((r) => r.re).sort();
  assert.ok(Math.abs(roots[0] - 1) < 1e-12 && Math.abs(roots[1] - 2) < 1e-12);
});

Deno.test("an AR(1) is stationary exactly when |φ| < 1, an MA(1) invertible when |θ| < 1", () => {
  assert.ok(isStationary([0.9]) && !isStationary([1.1]) && !isStationary([-1.5]));
  assert.ok(isStationary([1.0436, -0.2495]), "LakeHuron's AR(2)");
  assert.ok(isInvertible([-0.4]) && !isInvertible([2]));
  assert.equal(modulus({ re: 3, im: 4 }), 5);
});

Deno.test("invertMa flips roots inside the unit circle like R's maInvert", () => {
  // R 4.2.2 (stats' internal maInvert): maInvert(c(2.5, 1)) = 1, 0.25;  maInvert(c(0.5, -2, 0)) = -0.25, -0.5, 0
  const a = invertMa([2.5, 1]);
  assert.ok(Math.abs(a[0] - 1) < 1e-12 && Math.abs(a[1] - 0.25) < 1e-12);
  const b = invertMa([0.5, -2, 0]);
  [-0.25, -0.5, 0].forEach((v, i) => assert.ok(Math.abs(b[i] - v) < 1e-12));
  assert.deepEqual(invertMa([2]), [0.5]);
  assert.deepEqual(invertMa([0.3]), [0.3], "an invertible MA is left alone");
});
