import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { tf } from "../lib/backend/mod.ts";
import { ImageSet } from "../lib/data/mod.ts";
import { confusionFigure, confusionMatrix, predictImages } from "../lib/ocr/mod.ts";

Deno.test("the confusion matrix counts true classes by row and predictions by column", () => {
  assert.deepEqual(confusionMatrix([0, 1, 1, 2, 2, 2], [0, 1, 0, 2, 1, 2], 3), [[1, 0, 0], [
    1,
    1,
    0,
  ], [0, 1, 2]]);
  assert.throws(() => confusionMatrix([0, 1], [0], 2), /2 true labels but 1 predictions/);
  assert.throws(() => confusionMatrix([0, 3], [0, 1], 3), /outside 0..2/);
});

Deno.test("predictImages picks the class with the largest logit, with its softmax probability", () => {
  // logits = [0, 4 * (sum of pixels) - 2]: class 1 exactly when the image holds more than 0.5 of ink.
  const model = tf.sequential({
    layers: [tf.layers.flatten({ inputShape: [2, 2, 1] }), tf.layers.dense({ units: 2 })],
  });
  model.layers[1].setWeights([tf.tensor2d([[0, 4], [0, 4], [0, 4], [0, 4]]), tf.tensor1d([0, -2])]);
  const px = new Float32Array([0, 0, 0, 0.1, 0.5, 0.5, 0, 0, 1, 1, 1, 1]);
  const set = new ImageSet(px, new Int32Array([0, 1, 1]), 2, 2);
  const { labels, confidence } = predictImages(model, set, 2);
  assert.deepEqual(Array.from(labels), [0, 1, 1]);
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  // ink 0.1 -> logits [0, -1.6]; ink 1 -> [0, 2]; ink 4 -> [0, 14]
  assert.ok(Math.abs(confidence[0] - sigmoid(1.6)) < 1e-6);
  assert.ok(Math.abs(confidence[1] - sigmoid(2)) < 1e-6);
  assert.ok(Math.abs(confidence[2] - sigmoid(14)) < 1e-6);
  model.dispose();
});

Deno.test("the confusion figure writes every non-zero count", () => {
  const fig = confusionFigure([[5, 1], [0, 7]], ["a", "b"]);
  const { document } = parseHTML(`<html><body>${fig.svg}</body></html>`);
  const counts = [...document.querySelectorAll("text")].map((t) => t.textContent).filter((t) =>
    /^\d+$/.test(t!)
  );
  assert.deepEqual(counts.sort(), ["1", "5", "7"]);
});
