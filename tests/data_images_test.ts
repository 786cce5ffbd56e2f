import assert from "node:assert/strict";
import { tf } from "../lib/backend/mod.ts";
import { ImageDataset, imageLoader, ImageSet, randomLighting, Rng } from "../lib/data/mod.ts";

function tinySet(n: number): ImageSet {
  const px = new Float32Array(n * 4 * 4);
  for (let i = 0; i < n; i++) px.fill(i / n, i * 16, (i + 1) * 16); // image i is flat at i / n
  return new ImageSet(px, Int32Array.from({ length: n }, (_, i) => i % 3), 4, 4);
}

Deno.test("with isTraining the dataset hands out labels; without, the image alone", () => {
  const set = tinySet(5);
  assert.equal(new ImageDataset(set, { isTraining: true }).get(4).y, 1);
  const bare = new ImageDataset(set, { isTraining: false }).get(4);
  assert.equal("y" in bare, false);
  assert.deepEqual(bare.shape, [4, 4, 1]);
});

Deno.test("the image loader stacks each batch with its labels, every image once", () => {
  const set = tinySet(10);
  const loader = imageLoader(new ImageDataset(set, { isTraining: true }), {
    batchSize: 4,
    shuffle: true,
    rng: new Rng(3),
  });
  const seen: number[] = [];
  for (const { x, y, size } of loader) {
    assert.deepEqual(x.shape, [size, 4, 4, 1]);
    const means = tf.tidy(() => x.mean([1, 2, 3]).dataSync());
    const labels = y.dataSync();
    means.forEach((m, k) => {
      const i = Math.round(m * 10);
      seen.push(i);
      assert.equal(labels[k], i % 3, `image ${i} keeps its label`);
    });
    tf.dispose([x, y]);
  }
  assert.deepEqual(seen.sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

Deno.test("the loader applies its transform to the whole batch and frees the raw one", () => {
  const px = Float32Array.from({ length: 6 * 16 }, (_, i) => (i * 7919 % 101) / 100); // uneven images
  const set = new ImageSet(px, new Int32Array(6), 4, 4);
  const loader = imageLoader(new ImageDataset(set, { isTraining: false }), {
    batchSize: 6,
    rng: new Rng(1),
    transform: randomLighting({ contrast: [0, 0], brightness: 0 }), // every image flattened to its mean
  });
  const before = tf.memory().numTensors;
  const [batch] = [...loader];
  assert.equal(tf.memory().numTensors, before + 2, "only the batch's x and y are left");
  assert.equal(batch.y.size, 0, "no labels when not training");
  const spread = tf.tidy(() => batch.x.max([1, 2, 3]).sub(batch.x.min([1, 2, 3])).dataSync());
  assert.ok(spread.every((v) => Math.abs(v) < 1e-6), `flat images: ${spread}`);
  const means = tf.tidy(() => batch.x.mean([1, 2, 3]).dataSync());
  means.forEach((m, i) => {
    const want = px.subarray(i * 16, (i + 1) * 16).reduce((a, b) => a + b, 0) / 16;
    assert.ok(Math.abs(m - want) < 1e-5, `image ${i} keeps its mean`);
  });
  tf.dispose([batch.x, batch.y]);
});

Deno.test("a transform without an rng is refused with the fix", () => {
  const ds = new ImageDataset(tinySet(2), { isTraining: true });
  assert.throws(
    () => imageLoader(ds, { batchSize: 2, transform: randomLighting({}) }),
    /needs an `rng`/,
  );
});

Deno.test("with numbered epochs, epoch k is shuffled and transformed the same after a restart", () => {
  const px = Float32Array.from({ length: 8 * 16 }, (_, i) => (i * 7919 % 101) / 100);
  const ds = new ImageDataset(new ImageSet(px, new Int32Array(8), 4, 4), { isTraining: true });
  const options = { batchSize: 4, shuffle: true, transform: randomLighting({ brightness: 0.3 }) };
  const firstBatch = (loader: ReturnType<typeof imageLoader>) => {
    const [b] = loader;
    const v = Array.from(b.x.dataSync());
    tf.dispose([b.x, b.y]);
    return v;
  };
  const unbroken = imageLoader(ds, { ...options, rng: new Rng(5) });
  unbroken.setEpoch(1);
  firstBatch(unbroken);
  firstBatch(unbroken);
  const epoch3 = firstBatch(unbroken);
  const resumed = imageLoader(ds, { ...options, rng: new Rng(5) });
  resumed.setEpoch(3);
  assert.deepEqual(firstBatch(resumed), epoch3);
  const other = imageLoader(ds, { ...options, rng: new Rng(5) });
  other.setEpoch(2);
  assert.notDeepEqual(firstBatch(other), epoch3, "another epoch, another batch");
});
