/**
 * Losses and accuracy for nets that output logits (no final activation):
 * one logit per sample for two classes, one per class for more.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";

/**
 * A loss: targets and predictions in, a scalar mean loss out. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const l1: LossFn = (y, p) => tf.mean(tf.abs(tf.sub(p, y.reshape(p.shape)))) as tf.Scalar;
 * ```
 */
export type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar;

function checkRows(who: string, yTrue: tf.Tensor, yPred: tf.Tensor): void {
  if (yPred.rank !== 2 || yTrue.shape[0] !== yPred.shape[0]) {
    throw new Error(
      `${who}: expects predictions [batch, units] and targets with the same batch size, got targets [${yTrue.shape}] and predictions [${yPred.shape}].`,
    );
  }
}

/**
 * Cross-entropy from logits: sigmoid cross-entropy when the net has one output
 * (targets 0/1), softmax cross-entropy when it has several (targets class
 * indices `[batch]` or one-hot rows `[batch, k]`). Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * crossEntropy(tf.tensor1d([1]), tf.tensor2d([[0]])).dataSync(); // [log 2] = [0.693]
 * ```
 */
export function crossEntropy(yTrue: tf.Tensor, logits: tf.Tensor): tf.Scalar {
  checkRows("crossEntropy", yTrue, logits);
  return tf.tidy(() => {
    const k = logits.shape[1] as number;
    if (k === 1) {
      return tf.losses.sigmoidCrossEntropy(yTrue.reshape(logits.shape), logits) as tf.Scalar;
    }
    const oneHot = yTrue.rank === 1 ? tf.oneHot(yTrue.toInt(), k).toFloat() : yTrue;
    return tf.losses.softmaxCrossEntropy(oneHot, logits) as tf.Scalar;
  });
}

/**
 * Mean squared error between targets and predictions of the same size. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * meanSquaredError(tf.tensor1d([1, 2]), tf.tensor2d([[1], [4]])).dataSync(); // [2]
 * ```
 */
export function meanSquaredError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  checkRows("meanSquaredError", yTrue, yPred);
  return tf.tidy(() => tf.mean(tf.square(tf.sub(yPred, yTrue.reshape(yPred.shape)))) as tf.Scalar);
}

/**
 * How many predictions name the right class: a logit above 0 means class 1
 * for one output, the largest logit wins for several. Returns a count (a
 * scalar tensor) so batches can be summed. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * correctCount(tf.tensor1d([1, 0]), tf.tensor2d([[2.1], [0.3]])).dataSync(); // [1]
 * ```
 */
export function correctCount(yTrue: tf.Tensor, logits: tf.Tensor): tf.Scalar {
  checkRows("correctCount", yTrue, logits);
  return tf.tidy(() => {
    const k = logits.shape[1] as number;
    const predicted = k === 1
      ? tf.greater(logits.reshape([-1]), 0).toInt()
      : tf.argMax(logits, 1).toInt();
    const actual = yTrue.rank === 1 ? yTrue.round().toInt() : tf.argMax(yTrue, 1).toInt();
    return tf.sum(tf.equal(predicted, actual).toInt()) as tf.Scalar;
  });
}

/**
 * A loss by name ("crossEntropy" or "mse") or a loss function as is. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const loss = resolveLoss("mse");
 * ```
 */
export function resolveLoss(loss: "crossEntropy" | "mse" | LossFn): LossFn {
  if (typeof loss === "function") return loss;
  if (loss === "crossEntropy") return crossEntropy;
  if (loss === "mse") return meanSquaredError;
  throw new Error(
    `resolveLoss: unknown loss "${loss}"; use "crossEntropy", "mse" or a function (yTrue, yPred) => scalar.`,
  );
}
