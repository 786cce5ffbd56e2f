import assert from "node:assert/strict";
import { tf } from "../lib/backend/mod.ts";
import { ArrayDataset, DataLoader, Rng } from "../lib/data/mod.ts";
import { evaluate, feedForward } from "../lib/nn/mod.ts";

/** A [1, 1, 1] linear net whose logit is its input. */
function identityNet(): tf.Sequential {
  const model = feedForward({ sizes: [1, 1, 1], activation: "linear", rng: new Rng(0) });
  const w = [tf.tensor2d([[1]]), tf.tensor1d([0]), tf.tensor2d([[1]]), tf.tensor1d([0])];
  model.setWeights(w);
  tf.dispose(w);
  return model;
}

Deno.test("evaluate averages the log-loss over samples, whatever the batch size", () => {
  // logits 0, 2, -1 for labels 0, 1, 0: losses log(1 + e^z) for y = 0, log(1 + e^-z) for y = 1.
  const data = new ArrayDataset([[0], [2], [-1]], [0, 1, 0]);
  const expected = (Math.log(2) + Math.log(1 + Math.exp(-2)) + Math.log(1 + Math.exp(-1))) / 3;
  const model = identityNet();
  const whole = evaluate(model, data);
  const oneByOne = evaluate(model, new DataLoader(data, { batchSize: 1 }));
  assert.ok(Math.abs(whole.loss - expected) < 1e-6, `${whole.loss} vs ${expected}`);
  assert.ok(Math.abs(oneByOne.loss - expected) < 1e-6);
  // Logit 0 counts as class 0: all three are right.
  assert.equal(whole.accuracy, 1);
  assert.equal(whole.samples, 3);
});

Deno.test("evaluate with mse reports no accuracy and leaks nothing", () => {
  const model = identityNet();
  const data = new ArrayDataset([[1], [3]], [2, 3]);
  const before = tf.memory().numTensors;
  const result = evaluate(model, data, { loss: "mse" });
  assert.equal(tf.memory().numTensors, before);
  assert.equal(result.loss, (1 + 0) / 2);
  assert.equal(result.accuracy, null);
  assert.throws(() => evaluate(model, new ArrayDataset([], [])), /the data holds no samples/);
});
