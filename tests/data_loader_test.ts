import assert from "node:assert/strict";
import { tf } from "../lib/backend/mod.ts";
import { ArrayDataset, DataLoader, type Dataset, Rng } from "../lib/data/mod.ts";

/** Ten samples whose features and label give away their index: x = [i, 10 i], y = i. */
function indexed(n = 10): ArrayDataset {
  return new ArrayDataset(
    Array.from({ length: n }, (_, i) => [i, 10 * i]),
    Array.from({ length: n }, (_, i) => i),
  );
}

/** One epoch of the loader as the label lists of its batches (tensors freed). */
function epochLabels(loader: DataLoader): number[][] {
  const out: number[][] = [];
  for (const batch of loader) {
    out.push(Array.from(batch.y.dataSync()));
    tf.dispose(batch);
  }
  return out;
}

Deno.test("every sample appears exactly once per epoch, in batches of batchSize", () => {
  const loader = new DataLoader(indexed(), { batchSize: 3, shuffle: true, rng: new Rng(1) });
  assert.equal(loader.length, 4);
  for (let epoch = 0; epoch < 3; epoch++) {
    const batches = epochLabels(loader);
    assert.deepEqual(batches.map((b) => b.length), [3, 3, 3, 1]);
    assert.deepEqual(batches.flat().sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  }
});

Deno.test("a batch stacks the samples' features and labels row by row", () => {
  const loader = new DataLoader(indexed(), { batchSize: 4, shuffle: true, rng: new Rng(2) });
  for (const batch of loader) {
    const ys = Array.from(batch.y.dataSync());
    assert.deepEqual(batch.x.arraySync(), ys.map((i) => [i, 10 * i]));
    assert.equal(batch.size, ys.length);
    tf.dispose(batch);
  }
});

Deno.test("without shuffle the samples come in their dataset order", () => {
  const loader = new DataLoader(indexed(), { batchSize: 4 });
  assert.deepEqual(epochLabels(loader), [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
});

Deno.test("the same seed shuffles the same way, another seed differently, each epoch anew", () => {
  const make = (seed: number) =>
    new DataLoader(indexed(20), { batchSize: 5, shuffle: true, rng: new Rng(seed) });
  const a = make(7);
  const b = make(7);
  const c = make(8);
  const a1 = epochLabels(a).flat();
  const a2 = epochLabels(a).flat();
  assert.deepEqual(a1, epochLabels(b).flat());
  assert.deepEqual(a2, epochLabels(b).flat());
  assert.notDeepEqual(a1, a2, "a new epoch, a new order");
  assert.notDeepEqual(a1, epochLabels(c).flat());
  assert.notDeepEqual(a1, Array.from({ length: 20 }, (_, i) => i), "shuffled, not in order");
});

Deno.test("dropLast leaves out the short last batch", () => {
  const loader = new DataLoader(indexed(), {
    batchSize: 3,
    shuffle: true,
    rng: new Rng(4),
    dropLast: true,
  });
  assert.equal(loader.length, 3);
  const batches = epochLabels(loader);
  assert.deepEqual(batches.map((b) => b.length), [3, 3, 3]);
  assert.equal(new Set(batches.flat()).size, 9, "nine different samples, none twice");
});

Deno.test("vector targets become a [batch, k] tensor and shaped features keep their shape", () => {
  const ds = new ArrayDataset([[1, 2, 3, 4], [5, 6, 7, 8]], [[1, 0], [0, 1]], [2, 2]);
  const [batch] = [...new DataLoader(ds, { batchSize: 2 })];
  assert.deepEqual(batch.x.shape, [2, 2, 2]);
  assert.deepEqual(batch.y.arraySync(), [[1, 0], [0, 1]]);
  tf.dispose(batch);
});

Deno.test("a collate function turns any kind of sample into a batch", () => {
  const words: Dataset<string> = { length: 3, get: (i) => ["tea", "coffee", "mate"][i] };
  const loader = new DataLoader(words, {
    batchSize: 2,
    collate: (samples: string[]) => samples.map((s) => s.length),
  });
  assert.deepEqual([...loader], [[3, 6], [4]]);
});

Deno.test("iterating and freeing batches leaves no tensors behind, even when stopped early", () => {
  const before = tf.memory().numTensors;
  const loader = new DataLoader(indexed(), { batchSize: 2 });
  for (const batch of loader) tf.dispose(batch);
  for (const batch of loader) {
    tf.dispose(batch);
    break;
  }
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("bad loader settings get errors that say what to change", () => {
  assert.throws(
    () => new DataLoader(indexed(), { batchSize: 0 }),
    /DataLoader: batchSize must be a positive integer, got 0/,
  );
  assert.throws(
    () => new DataLoader(indexed(), { batchSize: 2.5 }),
    /batchSize must be a positive integer, got 2.5/,
  );
  assert.throws(
    () => new DataLoader(indexed(), { batchSize: 2, shuffle: true }),
    /shuffle needs a seeded generator; pass `rng: new Rng\(seed\)`/,
  );
  const words: Dataset<string> = { length: 2, get: () => "x" };
  assert.throws(
    () => [...new DataLoader(words, { batchSize: 2 })],
    /not \{ x, y \} Examples; pass the DataLoader a `collate` function/,
  );
});
