import assert from "node:assert/strict";
import { tf } from "../lib/backend/mod.ts";
import { Rng } from "../lib/data/mod.ts";
import {
  feedForward,
  maxWeightDifference,
  restoreWeights,
  snapshotWeights,
} from "../lib/nn/mod.ts";

Deno.test("a snapshot restored into another net makes it compute the same outputs", () => {
  const a = feedForward({ sizes: [2, 4, 1], rng: new Rng(1) });
  const b = feedForward({ sizes: [2, 4, 1], rng: new Rng(2) });
  const before = tf.memory().numTensors;
  restoreWeights(b, snapshotWeights(a));
  assert.equal(tf.memory().numTensors, before, "restoring keeps no extra tensors");
  const [ya, yb] = tf.tidy(() => {
    const x = tf.tensor2d([[0.3, -1], [2, 0.5]]);
    return [(a.predict(x) as tf.Tensor).arraySync(), (b.predict(x) as tf.Tensor).arraySync()];
  });
  assert.deepEqual(ya, yb);
  assert.equal(maxWeightDifference(snapshotWeights(a), snapshotWeights(b)), 0);
});

Deno.test("a snapshot is a copy: training on does not change it", () => {
  const model = feedForward({ sizes: [1, 2, 1], rng: new Rng(3) });
  const snap = snapshotWeights(model);
  const kept = snap.values.map((v) => Array.from(v));
  const shifted = model.getWeights().map((w) => tf.add(w, 1));
  model.setWeights(shifted);
  tf.dispose(shifted);
  assert.deepEqual(snap.values.map((v) => Array.from(v)), kept);
  assert.ok(Math.abs(maxWeightDifference(snap, snapshotWeights(model)) - 1) < 1e-6);
});

Deno.test("restoring into another architecture is refused with the shapes named", () => {
  const small = snapshotWeights(feedForward({ sizes: [2, 3, 1], rng: new Rng(0) }));
  const wide = feedForward({ sizes: [2, 4, 1], rng: new Rng(0) });
  assert.throws(
    () => restoreWeights(wide, small),
    /weight 0 has shape \[2,4\] in the model but \[2,3\] in the snapshot/,
  );
});
