/**
 * How a character model does on labelled images: its predictions, a
 * confusion matrix, and a picture of it.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { tf } from "../backend/mod.ts";
import type { ImageSet } from "../data/mod.ts";
import { type Figure, plot } from "../show/mod.ts";

/** Predicted classes with the model's confidence (softmax probability) in each. */
export interface Predictions {
  /** The predicted class of each image. */
  labels: Int32Array;
  /** The probability the model gave its predicted class. */
  confidence: Float32Array;
}

/**
 * Run the model over every image, in batches. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const { labels, confidence } = predictImages(model, test);
 * ```
 */
export function predictImages(
  model: tf.LayersModel,
  images: ImageSet,
  batchSize = 256,
): Predictions {
  const n = images.length, h = images.height, w = images.width;
  const labels = new Int32Array(n);
  const confidence = new Float32Array(n);
  for (let s = 0; s < n; s += batchSize) {
    const m = Math.min(batchSize, n - s);
    const [idx, p] = tf.tidy(() => {
      const x = tf.tensor4d(images.images.subarray(s * h * w, (s + m) * h * w), [m, h, w, 1]);
      const probs = tf.softmax(model.predict(x) as tf.Tensor2D);
      return [probs.argMax(1).dataSync(), probs.max(1).dataSync()];
    });
    labels.set(idx, s);
    confidence.set(p, s);
  }
  return { labels, confidence };
}

/**
 * Count how often each true class (row) was predicted as each class (column).
 * Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * confusionMatrix([0, 1, 1], [0, 1, 0], 2); // [[1, 0], [1, 1]]
 * ```
 */
export function confusionMatrix(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: number,
): number[][] {
  if (actual.length !== predicted.length) {
    throw new Error(
      `confusionMatrix: ${actual.length} true labels but ${predicted.length} predictions.`,
    );
  }
  const m = Array.from({ length: classes }, () => new Array(classes).fill(0));
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i], p = predicted[i];
    if (!(a >= 0 && a < classes && p >= 0 && p < classes)) {
      throw new Error(
        `confusionMatrix: label ${a} or prediction ${p} at ${i} is outside 0..${classes - 1}.`,
      );
    }
    m[a][p]++;
  }
  return m;
}

/**
 * The confusion matrix as a heat map with the counts written in. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * confusionFigure(confusionMatrix(test.labels, labels, 10));
 * ```
 */
export function confusionFigure(matrix: number[][], classNames?: string[]): Figure {
  const names = classNames ?? matrix.map((_, i) => String(i));
  const cells = matrix.flatMap((row, a) =>
    row.map((count, p) => ({ actual: names[a], predicted: names[p], count, right: a === p }))
  );
  return plot({
    width: 40 + 32 * names.length,
    height: 40 + 32 * names.length,
    marginLeft: 50,
    marginTop: 40,
    x: { label: "predicted", domain: names, axis: "top" },
    y: { label: "actual", domain: names },
    // Mistakes in warm tones, the darkest still light enough for black counts.
    color: {
      type: "linear",
      scheme: "oranges",
      domain: [0, 1.6 * Math.max(1, ...cells.filter((d) => !d.right).map((d) => d.count))],
    },
    marks: [
      Plot.cell(cells, {
        x: "predicted",
        y: "actual",
        fill: (d) => (d.right ? 0 : d.count),
        inset: 0.5,
      }),
      Plot.cell(cells.filter((d) => d.right), {
        x: "predicted",
        y: "actual",
        fill: "#e8f5e9",
        inset: 0.5,
      }),
      Plot.text(cells.filter((d) => d.count > 0), {
        x: "predicted",
        y: "actual",
        text: "count",
        fill: (d) => (d.right ? "#1b5e20" : "black"),
        fontSize: 10,
      }),
    ],
  });
}
