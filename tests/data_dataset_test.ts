import assert from "node:assert/strict";
import { tf } from "../lib/backend/mod.ts";
import { ArrayDataset, randomSplit, Rng, Subset } from "../lib/data/mod.ts";

Deno.test("an ArrayDataset hands out row i with target i", () => {
  const ds = new ArrayDataset([[0, 1], [2, 3], [4, 5]], [7, 8, 9]);
  assert.equal(ds.length, 3);
  assert.deepEqual(ds.get(1), { x: [2, 3], y: 8, shape: [2] });
});

Deno.test("fromTensors reads a [n, 2] feature tensor and [n] labels into rows", () => {
  const x = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
  const y = tf.tensor1d([0, 1, 0]);
  const ds = ArrayDataset.fromTensors(x, y);
  assert.deepEqual(Array.from(ds.get(2).x), [5, 6]);
  assert.equal(ds.get(1).y, 1);
  tf.dispose([x, y]);
});

Deno.test("a Subset shows the chosen samples in the chosen order", () => {
  const ds = new ArrayDataset([[0], [1], [2], [3]], [0, 1, 2, 3]);
  const sub = new Subset(ds, [3, 1]);
  assert.equal(sub.length, 2);
  assert.equal(sub.get(0).y, 3);
  assert.equal(sub.get(1).y, 1);
});

Deno.test("randomSplit cuts the dataset into disjoint parts that cover it", () => {
  const ds = new ArrayDataset(
    Array.from({ length: 10 }, (_, i) => [i]),
    Array.from({ length: 10 }, (_, i) => i),
  );
  const [a, b] = randomSplit(ds, [7, 3], new Rng(1));
  const labels = (s: Subset<{ y: unknown }>) =>
    Array.from({ length: s.length }, (_, i) => s.get(i).y as number);
  const all = [...labels(a), ...labels(b)].sort((p, q) => p - q);
  assert.deepEqual(all, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(a.length, 7);
  assert.equal(b.length, 3);
});

Deno.test("mismatched data gets errors naming the problem", () => {
  assert.throws(() => new ArrayDataset([[1], [2]], [0]), /2 feature rows but 1 targets/);
  assert.throws(() => new ArrayDataset([[1, 2], [3]], [0, 1]), /row 1 has 1 features, row 0 has 2/);
  assert.throws(
    () => new ArrayDataset([[1, 2]], [0]).get(1),
    /index 1 is out of range; valid indices are 0..0/,
  );
  assert.throws(
    () => randomSplit(new ArrayDataset([[1]], [0]), [2], new Rng(0)),
    /adding up to the dataset's 1 samples/,
  );
});
