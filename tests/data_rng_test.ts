import assert from "node:assert/strict";
import { Rng } from "../lib/data/mod.ts";

Deno.test("the same seed draws the same numbers, another seed different ones", () => {
  const a = new Rng(42);
  const b = new Rng(42);
  const c = new Rng(43);
  const fromA = Array.from({ length: 20 }, () => a.next());
  const fromB = Array.from({ length: 20 }, () => b.next());
  const fromC = Array.from({ length: 20 }, () => c.next());
  assert.deepEqual(fromA, fromB);
  assert.notDeepEqual(fromA, fromC);
});

Deno.test("next() is uniform on [0, 1): a chi-square test over ten bins passes", () => {
  const rng = new Rng(7);
  const n = 20000;
  const bins = new Array(10).fill(0);
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    assert.ok(u >= 0 && u < 1, `draw ${u} outside [0, 1)`);
    bins[Math.floor(u * 10)]++;
  }
  const expected = n / 10;
  const chi2 = bins.reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
  assert.ok(
    chi2 < 27.88,
    `chi-square ${chi2} above the 0.1% critical value for 9 degrees of freedom`,
  );
});

Deno.test("normal() has the mean, spread and 68% rule of a Gaussian", () => {
  const rng = new Rng(11);
  const n = 20000;
  const xs = Array.from({ length: n }, () => rng.normal(3, 2));
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const std = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const withinOne = xs.filter((x) => Math.abs(x - 3) <= 2).length / n;
  assert.ok(Math.abs(mean - 3) < 0.05, `mean ${mean}`);
  assert.ok(Math.abs(std - 2) < 0.05, `std ${std}`);
  assert.ok(Math.abs(withinOne - 0.6827) < 0.01, `fraction within one sd ${withinOne}`);
});

Deno.test("int() stays in its range and reaches every value", () => {
  const rng = new Rng(5);
  const die = new Set(Array.from({ length: 600 }, () => rng.int(6)));
  assert.deepEqual([...die].sort(), [0, 1, 2, 3, 4, 5]);
  for (let i = 0; i < 200; i++) {
    const v = rng.int(10, 20);
    assert.ok(Number.isInteger(v) && v >= 10 && v < 20);
  }
});

Deno.test("shuffle gives every ordering of four items about equally often", () => {
  const rng = new Rng(3);
  const counts = new Map<string, number>();
  const n = 24000;
  for (let i = 0; i < n; i++) {
    const key = rng.shuffle([0, 1, 2, 3]).join("");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  assert.equal(counts.size, 24, "all 4! = 24 orderings appear");
  const expected = n / 24;
  const chi2 = [...counts.values()].reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
  assert.ok(
    chi2 < 49.73,
    `chi-square ${chi2} above the 0.1% critical value for 23 degrees of freedom`,
  );
});

Deno.test("permutation(n) holds each of 0..n-1 once", () => {
  const p = new Rng(9).permutation(50);
  assert.deepEqual([...p].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i));
});

Deno.test("a forked generator is seeded too: the same parent seed forks the same child", () => {
  const parent = new Rng(1);
  const child = parent.fork();
  const twin = new Rng(1).fork();
  assert.deepEqual([child.next(), child.next()], [twin.next(), twin.next()]);
  const seed = new Rng(1).nextSeed();
  assert.ok(Number.isInteger(seed) && seed > 0 && seed < 2 ** 31);
});

Deno.test("bad arguments get errors that say what to pass", () => {
  assert.throws(() => new Rng(1.5), /Rng: seed must be an integer, got 1.5/);
  assert.throws(() => new Rng(1).int(0), /Rng.int: needs integers low < high/);
  assert.throws(() => new Rng(1).permutation(-1), /n must be a non-negative integer, got -1/);
});
