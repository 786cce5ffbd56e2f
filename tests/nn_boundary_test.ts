import assert from "node:assert/strict";
import { tf } from "../lib/backend/mod.ts";
import { ArrayDataset, Rng, twoMoons } from "../lib/data/mod.ts";
import { decisionBoundary, feedForward, scatter2d } from "../lib/nn/mod.ts";

const count = (text: string, what: string) => text.split(what).length - 1;

Deno.test("decisionBoundary shades both classes of a net that splits at x1 = 0, leaking nothing", () => {
  const model = feedForward({ sizes: [2, 1, 1], activation: "linear", rng: new Rng(0) });
  const w = [tf.tensor2d([[1], [0]]), tf.tensor1d([0]), tf.tensor2d([[1]]), tf.tensor1d([0])];
  model.setWeights(w);
  tf.dispose(w);
  const data = new ArrayDataset([[-1, 0], [1, 0], [-1, 1], [1, 1]], [0, 1, 0, 1]);
  const before = tf.memory().numTensors;
  const fig = decisionBoundary(model, data, { resolution: 20 });
  assert.equal(tf.memory().numTensors, before);
  assert.ok(fig.markup.includes("#4269d0") && fig.markup.includes("#efb118"), "both class colours");
  assert.equal(count(fig.markup, "<circle"), 4);
});

Deno.test("scatter2d draws every point, and 3D points are refused", () => {
  const moons = twoMoons(10, { rng: new Rng(1) });
  assert.equal(count(scatter2d(moons).markup, "<circle"), 10);
  const model = feedForward({ sizes: [3, 2, 1], rng: new Rng(0) });
  assert.throws(
    () => decisionBoundary(model, new ArrayDataset([[1, 2, 3]], [0])),
    /sample 0 has 3 features and a number target; needs 2D points/,
  );
});
