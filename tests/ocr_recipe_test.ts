import assert from "node:assert/strict";
import { ImageSet, loadMnist, Rng } from "../lib/data/mod.ts";
import { digitsAugment, digitsModel, trainDigits } from "../lib/ocr/mod.ts";
import { tf } from "../lib/backend/mod.ts";

function head(set: ImageSet, n: number): ImageSet {
  return new ImageSet(set.images.slice(0, n * 784), set.labels.slice(0, n));
}

Deno.test("the recipe's model has the layers and parameter count worked out by hand", () => {
  const model = digitsModel();
  // conv 3*3*1*32+32, conv 3*3*32*64+64, dense 1600*128+128, dense 128*10+10
  assert.equal(model.countParams(), 320 + 18496 + 204928 + 1290);
  model.dispose();
});

Deno.test("the recipe's transform only moves digits: the ink stays about the same", () => {
  const digits = loadMnist({ seed: 42 }).train;
  const batch = tf.tensor4d(digits.images.slice(0, 16 * 784), [16, 28, 28, 1]);
  const moved = digitsAugment()(batch, new Rng(1));
  const ink = (t: tf.Tensor) => t.sum([1, 2, 3]).dataSync();
  const before = ink(batch), after = ink(moved);
  before.forEach((b, i) =>
    assert.ok(Math.abs(after[i] / b - 1) < 0.25, `digit ${i}: ink ${b} -> ${after[i]}`)
  );
  tf.dispose([batch, moved]);
});

Deno.test("trainDigits resumes from its checkpoint and counts every epoch once", async () => {
  const all = loadMnist({ seed: 42 });
  const data = { ...all, train: head(all.train, 256), validation: head(all.validation, 64) };
  const dir = await Deno.makeTempDir();
  const first = await trainDigits({ checkpointDir: dir, data, epochs: 1, progress: "silent" });
  assert.equal(first.resumedFrom, 0);
  first.model.dispose();
  const second = await trainDigits({ checkpointDir: dir, data, epochs: 3, progress: "silent" });
  assert.equal(second.resumedFrom, 1);
  assert.deepEqual(second.records.map((r) => r.epoch), [1, 2, 3]);
  second.model.dispose();
  await Deno.remove(dir, { recursive: true });
});
