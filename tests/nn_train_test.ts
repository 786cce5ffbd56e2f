import assert from "node:assert/strict";
import { tf } from "../lib/backend/mod.ts";
import { ArrayDataset, DataLoader, Rng } from "../lib/data/mod.ts";
import {
  evaluate,
  feedForward,
  maxWeightDifference,
  snapshotWeights,
  train,
  type WeightSnapshot,
} from "../lib/nn/mod.ts";

/** A [1, 1, 1] linear net with its four weights set by hand: h = w1 x + b1, out = w2 h + b2. */
function tinyLinearNet(w1: number, b1: number, w2: number, b2: number): tf.Sequential {
  const model = feedForward({ sizes: [1, 1, 1], activation: "linear", rng: new Rng(0) });
  const values = [tf.tensor2d([[w1]]), tf.tensor1d([b1]), tf.tensor2d([[w2]]), tf.tensor1d([b2])];
  model.setWeights(values);
  tf.dispose(values);
  return model;
}

function flatWeights(model: tf.LayersModel): number[] {
  return snapshotWeights(model).values.flatMap((v) => Array.from(v));
}

function assertClose(actual: number[], expected: number[], tol = 1e-6): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) =>
    assert.ok(Math.abs(a - expected[i]) < tol, `weight ${i}: ${a} vs ${expected[i]}`)
  );
}

Deno.test("one SGD step on mean squared error equals w - lr * grad worked out by hand", async () => {
  const [w1, b1, w2, b2, lr] = [0.5, 0.1, -0.3, 0.2, 0.1];
  const xs = [1, 2];
  const ys = [1, 0];
  // By hand: h = w1 x + b1, out = w2 h + b2, L = mean (out - y)^2, dL/dout_i = 2 (out_i - y_i) / n.
  const h = xs.map((x) => w1 * x + b1);
  const out = h.map((v) => w2 * v + b2);
  const d = out.map((o, i) => (2 * (o - ys[i])) / xs.length);
  const sum = (f: (i: number) => number) => xs.reduce((s, _, i) => s + f(i), 0);
  const grad = {
    w1: sum((i) => d[i] * w2 * xs[i]),
    b1: sum((i) => d[i] * w2),
    w2: sum((i) => d[i] * h[i]),
    b2: sum((i) => d[i]),
  };
  const loss = sum((i) => (out[i] - ys[i]) ** 2) / xs.length;

  const model = tinyLinearNet(w1, b1, w2, b2);
  const loader = new DataLoader(new ArrayDataset(xs.map((x) => [x]), ys), { batchSize: 2 });
  const optimizer = tf.train.sgd(lr);
  const result = await train(model, loader, {
    optimizer,
    epochs: 1,
    loss: "mse",
    progress: "silent",
  });

  assertClose(flatWeights(model), [
    w1 - lr * grad.w1,
    b1 - lr * grad.b1,
    w2 - lr * grad.w2,
    b2 - lr * grad.b2,
  ]);
  assert.ok(
    Math.abs(result.records[0].trainLoss - loss) < 1e-6,
    "the loss is the one before the step",
  );
  optimizer.dispose();
});

Deno.test("one SGD step on cross-entropy moves by lr * mean (sigmoid(z) - y) * input", async () => {
  const [w1, b1, w2, b2, lr] = [0.8, -0.2, 0.6, 0.1, 0.5];
  const xs = [1, -1, 3];
  const ys = [1, 0, 0];
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  const h = xs.map((x) => w1 * x + b1);
  const z = h.map((v) => w2 * v + b2);
  const d = z.map((v, i) => (sigmoid(v) - ys[i]) / xs.length); // dL/dz for the mean log-loss
  const sum = (f: (i: number) => number) => xs.reduce((s, _, i) => s + f(i), 0);

  const model = tinyLinearNet(w1, b1, w2, b2);
  const loader = new DataLoader(new ArrayDataset(xs.map((x) => [x]), ys), { batchSize: 3 });
  const optimizer = tf.train.sgd(lr);
  await train(model, loader, { optimizer, epochs: 1, progress: "silent" });
  assertClose(flatWeights(model), [
    w1 - lr * sum((i) => d[i] * w2 * xs[i]),
    b1 - lr * sum((i) => d[i] * w2),
    w2 - lr * sum((i) => d[i] * h[i]),
    b2 - lr * sum((i) => d[i]),
  ]);
  optimizer.dispose();
});

/** Two clusters far apart: x1 in [-2, -1] is class 0, x1 in [1, 2] is class 1. */
function separable(n: number, rng: Rng): ArrayDataset {
  const xs = Array.from({ length: n }, (_, i) => {
    const side = i % 2 === 0 ? -1 : 1;
    return [side * rng.uniform(1, 2), rng.uniform(-1, 1)];
  });
  return new ArrayDataset(xs, xs.map(([a]) => (a > 0 ? 1 : 0)));
}

Deno.test("the loop drives the loss near zero on a separable set", async () => {
  const rng = new Rng(1);
  const model = feedForward({ sizes: [2, 8, 1], activation: "tanh", rng });
  const loader = new DataLoader(separable(40, rng), { batchSize: 8, shuffle: true, rng });
  const optimizer = tf.train.adam(0.05);
  const { records, history } = await train(model, loader, {
    optimizer,
    epochs: 40,
    progress: "silent",
  });
  const last = records[records.length - 1];
  assert.ok(last.trainLoss < 0.02, `final loss ${last.trainLoss}`);
  assert.ok(records[0].trainLoss > 0.2, `first loss ${records[0].trainLoss} should start high`);
  assert.equal(last.accuracy, 1);
  assert.deepEqual(history.columns, ["epoch", "trainLoss", "valLoss", "accuracy", "seconds"]);
  assert.equal(history.height, 40);
  assert.deepEqual(history.getColumn("valLoss").toArray().slice(0, 2), [null, null]);
  optimizer.dispose();
});

Deno.test("early stopping halts `patience` epochs after the best and restores that epoch's weights", async () => {
  const rng = new Rng(2);
  const trainSet = separable(40, rng);
  // The validation set disagrees with the training set on 30% of its labels: its loss falls while
  // the net learns the side that holds 70%, then rises once the net grows surer than 70%.
  const valPoints = separable(40, rng);
  const valSet = new ArrayDataset(
    valPoints.xs,
    valPoints.ys.map((y, i) => (i % 10 < 3 ? 1 - (y as number) : y)),
  );
  const model = feedForward({ sizes: [2, 8, 1], activation: "tanh", rng });
  const loader = new DataLoader(trainSet, { batchSize: 8, shuffle: true, rng });
  const optimizer = tf.train.adam(0.01);
  const saved: WeightSnapshot[] = [];
  const patience = 4;
  const result = await train(model, loader, {
    optimizer,
    epochs: 100,
    validation: valSet,
    patience,
    progress: "silent",
    onEpoch: (_record, m) => {
      saved.push(snapshotWeights(m));
    },
  });
  const valLosses = result.records.map((r) => r.valLoss as number);
  const best = valLosses.indexOf(Math.min(...valLosses)) + 1;
  assert.equal(result.bestEpoch, best);
  assert.ok(best > 1, "validation loss fell before it rose");
  assert.ok(result.stoppedEarly);
  assert.equal(result.records.length, best + patience, "stopped exactly `patience` epochs later");
  assert.equal(
    maxWeightDifference(snapshotWeights(model), saved[best - 1]),
    0,
    "the best epoch's weights",
  );
  assert.ok(maxWeightDifference(snapshotWeights(model), saved[saved.length - 1]) > 0);
  const now = evaluate(model, valSet);
  assert.ok(
    Math.abs(now.loss - valLosses[best - 1]) < 1e-6,
    "the model scores the best validation loss again",
  );
  optimizer.dispose();
});

Deno.test("a training run leaves tf.memory().numTensors where it found it", async () => {
  const rng = new Rng(3);
  const model = feedForward({ sizes: [2, 6, 6, 1], rng });
  const loader = new DataLoader(separable(30, rng), { batchSize: 7, shuffle: true, rng });
  const val = separable(10, rng);

  const sgd = tf.train.sgd(0.1);
  const before = tf.memory().numTensors;
  await train(model, loader, {
    optimizer: sgd,
    epochs: 5,
    validation: val,
    patience: 2,
    progress: "silent",
  });
  assert.equal(tf.memory().numTensors, before, "SGD keeps no state beyond its learning rate");

  const beforeAdam = tf.memory().numTensors;
  const adam = tf.train.adam(0.01);
  await train(model, loader, { optimizer: adam, epochs: 5, validation: val, progress: "silent" });
  adam.dispose();
  assert.equal(
    tf.memory().numTensors,
    beforeAdam,
    "once Adam is disposed, nothing of the run is left",
  );
  sgd.dispose();
});

Deno.test("bad training settings get errors that say what to change", async () => {
  const rng = new Rng(4);
  const model = feedForward({ sizes: [2, 3, 1], rng });
  const data = separable(4, rng);
  const loader = new DataLoader(data, { batchSize: 2 });
  const optimizer = tf.train.sgd(0.1);
  await assert.rejects(
    () => train(model, loader, { optimizer, epochs: 0, progress: "silent" }),
    /train: epochs must be a positive integer, got 0/,
  );
  await assert.rejects(
    () => train(model, loader, { optimizer, epochs: 1, patience: 0, progress: "silent" }),
    /patience must be a positive integer of epochs, got 0/,
  );
  await assert.rejects(
    () =>
      train(model, new DataLoader(data, { batchSize: 8, dropLast: true }), {
        optimizer,
        epochs: 1,
        progress: "silent",
      }),
    /the loader yields no batches \(4 samples, batchSize 8, dropLast\)/,
  );
  const wild = tf.train.sgd(1e30);
  await assert.rejects(
    () => train(model, loader, { optimizer: wild, epochs: 3, loss: "mse", progress: "silent" }),
    /training loss became (NaN|Infinity) in epoch \d; lower the learning rate/,
  );
  optimizer.dispose();
  wild.dispose();
});

/** Records of finished epochs with the given validation losses, as a checkpoint would hold them. */
function pastEpochs(valLosses: number[]) {
  return valLosses.map((valLoss, i) => ({
    epoch: i + 1,
    trainLoss: valLoss,
    valLoss,
    accuracy: 0.5,
    seconds: 10 * (i + 1),
  }));
}

Deno.test("a run given the records of epochs 1..k goes on at epoch k + 1 and keeps them", async () => {
  const rng = new Rng(5);
  const model = feedForward({ sizes: [2, 4, 1], activation: "tanh", rng });
  const loader = new DataLoader(separable(16, rng), { batchSize: 8 });
  const optimizer = tf.train.adam(0.01);
  const seen: number[] = [];
  const past = pastEpochs([0.9, 0.8]);
  const { records } = await train(model, loader, {
    optimizer,
    epochs: 4,
    initialHistory: past,
    progress: "silent",
    onEpoch: (r) => void seen.push(r.epoch),
  });
  assert.deepEqual(seen, [3, 4], "only the epochs not yet trained run");
  assert.deepEqual(records.map((r) => r.epoch), [1, 2, 3, 4]);
  assert.deepEqual(records.slice(0, 2), past);
  assert.ok(records[2].seconds >= 20, "the clock carries on from the last record");
  await assert.rejects(
    () =>
      train(model, loader, { optimizer, epochs: 4, initialHistory: pastEpochs([1, 1]).slice(1) }),
    /initialHistory must hold the records of epochs 1..k in order/,
  );
  optimizer.dispose();
});

Deno.test("a resumed run that had already run out of patience trains no further", async () => {
  const rng = new Rng(6);
  const model = feedForward({ sizes: [2, 4, 1], activation: "tanh", rng });
  const loader = new DataLoader(separable(16, rng), { batchSize: 8 });
  const optimizer = tf.train.adam(0.01);
  let ran = 0;
  const result = await train(model, loader, {
    optimizer,
    epochs: 10,
    patience: 2,
    initialHistory: pastEpochs([0.5, 0.4, 0.6, 0.7]),
    progress: "silent",
    onEpoch: () => void ran++,
  });
  assert.equal(ran, 0);
  assert.equal(result.bestEpoch, 2);
  assert.ok(result.stoppedEarly);
  assert.equal(result.records.length, 4);
  optimizer.dispose();
});
