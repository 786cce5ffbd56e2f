/**
 * Evaluating a model on a dataset: mean loss and accuracy, batch by batch,
 * without training and without leaving tensors behind.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";
import {
  type Batch,
  type BatchSource,
  DataLoader,
  type Dataset,
  type Example,
} from "../data/mod.ts";
import { correctCount, type LossFn, resolveLoss } from "./losses.ts";

/**
 * What {@link evaluate} measures. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const { loss, accuracy } = evaluate(model, valSet);
 * ```
 */
export interface Evaluation {
  /** Mean loss over all samples. */
  loss: number;
  /** Fraction of samples classified right (null when `accuracy` is off). */
  accuracy: number | null;
  /** How many samples were seen. */
  samples: number;
}

/**
 * A batch source for evaluation: a DataLoader as is, or a Dataset of
 * examples in order, 256 at a time. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * asLoader(valSet); // DataLoader over valSet, batchSize 256, no shuffling
 * ```
 */
export function asLoader(data: BatchSource<Batch> | Dataset<Example>): BatchSource<Batch> {
  if (Symbol.iterator in data) return data;
  return new DataLoader(data, { batchSize: 256 });
}

/**
 * Mean loss (weighted by batch size) and accuracy of `model` over `data`.
 * Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * evaluate(model, valSet); // { loss: 0.21, accuracy: 0.93, samples: 200 }
 * ```
 */
export function evaluate(
  model: tf.LayersModel,
  data: BatchSource<Batch> | Dataset<Example>,
  options: { loss?: "crossEntropy" | "mse" | LossFn; accuracy?: boolean } = {},
): Evaluation {
  const lossFn = resolveLoss(options.loss ?? "crossEntropy");
  const withAccuracy = options.accuracy ?? (options.loss ?? "crossEntropy") === "crossEntropy";
  let lossSum = 0;
  let correct = 0;
  let samples = 0;
  for (const batch of asLoader(data)) {
    const [l, c] = tf.tidy(() => {
      const out = model.apply(batch.x, { training: false }) as tf.Tensor;
      const lossValue = lossFn(batch.y, out).dataSync()[0];
      const right = withAccuracy ? correctCount(batch.y, out).dataSync()[0] : 0;
      return [lossValue, right];
    });
    lossSum += l * batch.size;
    correct += c;
    samples += batch.size;
    tf.dispose(batch);
  }
  if (samples === 0) throw new Error("evaluate: the data holds no samples; pass a non-empty set.");
  return { loss: lossSum / samples, accuracy: withAccuracy ? correct / samples : null, samples };
}
