/**
 * The two character models of the journal: an MLP baseline and a small CNN,
 * both for 28x28 greyscale images and 10 classes by default. Weights start
 * Keras-style (Glorot-uniform, zero biases) from a seed.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";

/** Options shared by {@link mlpModel} and {@link cnnModel}. */
export interface CharModelOptions {
  /** Seed of the initial weights (each layer derives its own). */
  seed?: number;
  /** Number of classes (10 digits by default). */
  classes?: number;
  /** Input image side in pixels (28 by default). */
  size?: number;
}

function glorot(seed: number) {
  return tf.initializers.glorotUniform({ seed });
}

/**
 * An MLP: flatten, dense 128 (relu), dense `classes` (logits). Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const model = mlpModel({ seed: 1 });
 * model.predict(tf.zeros([1, 28, 28, 1])); // logits of shape [1, 10]
 * ```
 */
export function mlpModel(options: CharModelOptions = {}): tf.Sequential {
  const { seed = 1, classes = 10, size = 28 } = options;
  return tf.sequential({
    name: "mlp",
    layers: [
      tf.layers.flatten({ inputShape: [size, size, 1] }),
      tf.layers.dense({ units: 128, activation: "relu", kernelInitializer: glorot(seed) }),
      tf.layers.dense({ units: classes, kernelInitializer: glorot(seed + 1) }),
    ],
  });
}

/**
 * A small CNN: conv 3x3x16, relu, max-pool 2, conv 3x3x32, relu, max-pool 2,
 * dense `classes` (logits). Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const model = cnnModel({ seed: 1 });
 * model.countParams(); // 12,810 for 10 classes
 * ```
 */
export function cnnModel(options: CharModelOptions = {}): tf.Sequential {
  const { seed = 1, classes = 10, size = 28 } = options;
  return tf.sequential({
    name: "cnn",
    layers: [
      tf.layers.conv2d({
        inputShape: [size, size, 1],
        filters: 16,
        kernelSize: 3,
        activation: "relu",
        kernelInitializer: glorot(seed),
      }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({
        filters: 32,
        kernelSize: 3,
        activation: "relu",
        kernelInitializer: glorot(seed + 1),
      }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: classes, kernelInitializer: glorot(seed + 2) }),
    ],
  });
}
