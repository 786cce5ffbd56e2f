import assert from "node:assert/strict";
import { tf } from "../lib/backend/mod.ts";
import { Rng } from "../lib/data/mod.ts";
import {
  feedForward,
  layerSummary,
  layerTable,
  maxWeightDifference,
  snapshotWeights,
} from "../lib/nn/mod.ts";

Deno.test("sizes [2, 16, 8, 1] make two hidden layers with (inputs + 1) x units parameters each", () => {
  const model = feedForward({ sizes: [2, 16, 8, 1], activation: "tanh", rng: new Rng(0) });
  const layers = layerSummary(model);
  assert.deepEqual(layers.map((l) => l.role), ["input", "hidden", "hidden", "output"]);
  assert.deepEqual(layers.map((l) => l.units), [2, 16, 8, 1]);
  assert.deepEqual(layers.map((l) => l.activation), ["", "tanh", "tanh", "linear"]);
  // 2*16 + 16 = 48, 16*8 + 8 = 136, 8*1 + 1 = 9
  assert.deepEqual(layers.map((l) => l.parameters), [0, 48, 136, 9]);
  assert.equal(model.countParams(), 48 + 136 + 9);
  assert.deepEqual(layerTable(model).getColumn("units").toArray(), [2, 16, 8, 1]);
});

Deno.test("the same seed builds the same weights, another seed other weights", () => {
  const a = snapshotWeights(feedForward({ sizes: [2, 5, 1], rng: new Rng(7) }));
  const b = snapshotWeights(feedForward({ sizes: [2, 5, 1], rng: new Rng(7) }));
  const c = snapshotWeights(feedForward({ sizes: [2, 5, 1], rng: new Rng(8) }));
  assert.equal(maxWeightDifference(a, b), 0);
  assert.ok(maxWeightDifference(a, c) > 0);
});

Deno.test("initial weights are Glorot-uniform within sqrt(6 / (fan in + fan out)) and biases zero", () => {
  const model = feedForward({ sizes: [3, 40, 2], rng: new Rng(1) });
  const [k1, b1, k2, b2] = snapshotWeights(model).values;
  const limit1 = Math.sqrt(6 / (3 + 40));
  const limit2 = Math.sqrt(6 / (40 + 2));
  assert.ok(k1.every((w) => Math.abs(w) <= limit1));
  assert.ok(k2.every((w) => Math.abs(w) <= limit2));
  // A uniform draw on [-L, L] has variance L^2 / 3; 120 draws land near it.
  const variance = k1.reduce((s, w) => s + w * w, 0) / k1.length;
  assert.ok(Math.abs(variance - limit1 ** 2 / 3) < 0.3 * limit1 ** 2 / 3, `variance ${variance}`);
  assert.ok([...b1, ...b2].every((b) => b === 0));
});

Deno.test("the network passes data forward: one output per sample", () => {
  const model = feedForward({ sizes: [2, 4, 3], rng: new Rng(2) });
  const out = tf.tidy(() => (model.predict(tf.zeros([5, 2])) as tf.Tensor).shape);
  assert.deepEqual(out, [5, 3]);
});

Deno.test("bad layer sizes get errors that say what a feed-forward net needs", () => {
  assert.throws(
    () => feedForward({ sizes: [2, 1], rng: new Rng(0) }),
    /needs an input, at least one hidden and an output layer \(3\+ numbers\), got \[2,1\]/,
  );
  assert.throws(
    () => feedForward({ sizes: [2, 0, 1], rng: new Rng(0) }),
    /layer 1 size must be a positive integer, got 0/,
  );
});
