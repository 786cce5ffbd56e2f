import assert from "node:assert/strict";
import { Rng, spirals, twoMoons } from "../lib/data/mod.ts";

Deno.test("noise-free moons lie on their two half circles, half of the points each", () => {
  const moons = twoMoons(101, { rng: new Rng(0), noise: 0 });
  let zeros = 0;
  for (let i = 0; i < moons.length; i++) {
    const { x, y } = moons.get(i);
    const [a, b] = [x[0], x[1]];
    if (y === 0) {
      zeros++;
      assert.ok(Math.abs(Math.hypot(a, b) - 1) < 1e-9, "upper moon: unit circle round (0, 0)");
      assert.ok(b >= 0);
    } else {
      assert.ok(
        Math.abs(Math.hypot(a - 1, b - 0.5) - 1) < 1e-9,
        "lower moon: unit circle round (1, 0.5)",
      );
      assert.ok(b <= 0.5);
    }
  }
  assert.equal(zeros, 51);
});

Deno.test("noisy moons wander off the circles by about the noise", () => {
  const moons = twoMoons(2000, { rng: new Rng(1), noise: 0.1 });
  const off = Array.from({ length: moons.length }, (_, i) => {
    const { x, y } = moons.get(i);
    const [a, b] = [x[0], x[1]];
    return y === 0 ? Math.hypot(a, b) - 1 : Math.hypot(a - 1, b - 0.5) - 1;
  });
  const rms = Math.sqrt(off.reduce((s, d) => s + d * d, 0) / off.length);
  // Radial part of 2D Gaussian noise with sd 0.1 has sd 0.1 (up to the circle's curvature).
  assert.ok(rms > 0.08 && rms < 0.12, `radial spread ${rms}`);
});

Deno.test("noise-free spiral arms sit at angle 2 pi (k / K + turns r)", () => {
  const classes = 3;
  const data = spirals(60, { rng: new Rng(2), classes, turns: 1, noise: 0 });
  for (let i = 0; i < data.length; i++) {
    const { x, y } = data.get(i);
    const [a, b] = [x[0], x[1]];
    const r = Math.hypot(a, b);
    const expected = 2 * Math.PI * ((y as number) / classes + r);
    const diff = Math.atan2(b, a) - expected;
    const wrapped = Math.atan2(Math.sin(diff), Math.cos(diff));
    assert.ok(Math.abs(wrapped) < 1e-9, `point ${i} off its arm by ${wrapped} rad`);
    assert.ok(r <= 1);
  }
  const counts = [0, 0, 0];
  for (let i = 0; i < data.length; i++) counts[data.get(i).y as number]++;
  assert.deepEqual(counts, [20, 20, 20]);
});

Deno.test("the same seed makes the same data set", () => {
  const a = twoMoons(20, { rng: new Rng(5), noise: 0.2 });
  const b = twoMoons(20, { rng: new Rng(5), noise: 0.2 });
  assert.deepEqual(a.xs, b.xs);
  assert.notDeepEqual(a.xs, twoMoons(20, { rng: new Rng(6), noise: 0.2 }).xs);
});

Deno.test("bad toy settings get errors", () => {
  assert.throws(
    () => twoMoons(1, { rng: new Rng(0) }),
    /twoMoons: n must be an integer of at least 2 points, got 1/,
  );
  assert.throws(() => twoMoons(10, { rng: new Rng(0), noise: -1 }), /noise must be >= 0/);
  assert.throws(
    () => spirals(10, { rng: new Rng(0), classes: 1 }),
    /classes must be an integer of at least 2/,
  );
});
