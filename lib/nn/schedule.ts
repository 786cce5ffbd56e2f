/**
 * Learning-rate schedules: big steps early, small steps late.
 *
 * @module
 */
import type { tf } from "../backend/mod.ts";

interface RateSettable {
  learningRate: number;
  setLearningRate?: (lr: number) => void;
}

/**
 * Set an optimiser's learning rate from now on (SGD keeps it in a tensor, so
 * it has its own setter; Adam and others read the field at each step).
 * Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const opt = tf.train.adam(1e-3);
 * setLearningRate(opt, 1e-4);
 * ```
 */
export function setLearningRate(optimizer: tf.Optimizer, lr: number): void {
  if (!(lr > 0)) throw new Error(`setLearningRate: the learning rate must be > 0, got ${lr}.`);
  const o = optimizer as unknown as RateSettable;
  if (typeof o.learningRate !== "number") {
    throw new Error(
      `setLearningRate: ${optimizer.getClassName()} has no numeric learningRate to set.`,
    );
  }
  if (o.setLearningRate) o.setLearningRate(lr);
  else o.learningRate = lr;
}

/**
 * A learning-rate schedule for `train`'s `learningRate` option: geometric
 * decay from `initial` (epoch 1) towards `final` (reached after the last
 * epoch). Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * await train(model, loader, { optimizer: tf.train.adam(2e-3), epochs: 15, learningRate: exponentialDecay(2e-3, 2e-4, 15) });
 * ```
 */
export function exponentialDecay(
  initial: number,
  final: number,
  epochs: number,
): (epoch: number) => number {
  if (!(initial > 0 && final > 0 && epochs >= 1)) {
    throw new Error(
      `exponentialDecay: need initial > 0, final > 0 and epochs >= 1; got ${initial}, ${final}, ${epochs}.`,
    );
  }
  return (epoch) =>
    initial * Math.pow(final / initial, Math.min(Math.max(epoch - 1, 0), epochs) / epochs);
}
