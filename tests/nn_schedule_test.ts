import assert from "node:assert/strict";
import { tf } from "../lib/backend/mod.ts";
import { exponentialDecay, setLearningRate, train } from "../lib/nn/mod.ts";
import { ArrayDataset, DataLoader } from "../lib/data/mod.ts";

/** One step of `optimizer` on f(w) = w^2 / 2 from w = 1 (gradient 1): returns the new w. */
function stepFrom1(optimizer: tf.Optimizer): number {
  const w = tf.variable(tf.scalar(1));
  optimizer.minimize(() => w.square().div(2) as tf.Scalar);
  const v = w.dataSync()[0];
  w.dispose();
  return v;
}

Deno.test("a new learning rate changes the size of the next SGD step: w - lr * grad", () => {
  const sgd = tf.train.sgd(0.5);
  setLearningRate(sgd, 0.1);
  assert.ok(Math.abs(stepFrom1(sgd) - 0.9) < 1e-6);
});

Deno.test("a new learning rate changes Adam's first step, which moves w by exactly lr", () => {
  // Adam's first step is lr * m_hat / (sqrt(v_hat) + eps) = lr * g / |g| (eps 1e-7 aside).
  const adam = tf.train.adam(0.5);
  setLearningRate(adam, 0.01);
  assert.ok(Math.abs(stepFrom1(adam) - 0.99) < 1e-5);
});

Deno.test("exponentialDecay goes from the initial rate to the final one geometrically", () => {
  const rate = exponentialDecay(1e-2, 1e-4, 4);
  const want = [1e-2, 1e-2 * 10 ** -0.5, 1e-3, 1e-2 * 10 ** -1.5, 1e-4, 1e-4];
  want.forEach((w, i) =>
    assert.ok(Math.abs(rate(i + 1) / w - 1) < 1e-12, `epoch ${i + 1}: ${rate(i + 1)} vs ${w}`)
  );
});

Deno.test("train sets each epoch's rate before it, and a resumed run goes on where the schedule was", async () => {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
  const ds = new ArrayDataset([[0], [1], [2], [3]], [[0], [1], [2], [3]]);
  const sgd = tf.train.sgd(1);
  const used: number[] = [];
  const rate = exponentialDecay(1e-2, 1e-4, 4);
  const past = [1, 2].map((epoch) => ({
    epoch,
    trainLoss: 1,
    valLoss: null,
    accuracy: null,
    seconds: epoch,
  }));
  await train(model, new DataLoader(ds, { batchSize: 2 }), {
    optimizer: sgd,
    epochs: 4,
    loss: "mse",
    learningRate: rate,
    initialHistory: past,
    progress: "silent",
    onEpoch: () => {
      used.push((sgd as unknown as { learningRate: number }).learningRate);
    },
  });
  assert.deepEqual(
    used,
    [rate(3), rate(4)],
    "epochs 3 and 4 train at the schedule's rates, not the initial one",
  );
  model.dispose();
});

Deno.test("a learning rate that is not positive is refused", () => {
  assert.throws(() => setLearningRate(tf.train.sgd(1), 0), /must be > 0/);
  assert.throws(() => exponentialDecay(1, 0, 3), /final > 0/);
});
