/**
 * The blog's dataset class for images: it hands out images of one size,
 * greyscale, as arrays, with their label only when `isTraining` is true, and
 * a loader that stacks them into batches and applies the transforms there.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";
import type { Batch } from "./collate.ts";
import type { Dataset } from "./dataset.ts";
import { DataLoader } from "./loader.ts";
import type { ImageSet } from "./mnist.ts";
import type { Rng } from "./rng.ts";
import type { Transform } from "./transforms.ts";

/** One image as the dataset hands it out: pixels, shape, and the label when training. */
export interface ImageSample {
  /** Pixels, row by row, values 0..1. */
  x: Float32Array;
  /** `[height, width, 1]`. */
  shape: number[];
  /** The class, present only when the dataset `isTraining`. */
  y?: number;
}

/**
 * Images with an `isTraining` flag: when true each sample carries its label,
 * when false the image alone (as when reading a photo). Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const { train } = loadMnist({ seed: 42 });
 * const ds = new ImageDataset(train, { isTraining: true });
 * ds.get(0).y; // the digit's class
 * ```
 */
export class ImageDataset implements Dataset<ImageSample> {
  /** The images behind the dataset. */
  readonly images: ImageSet;
  /** Whether samples come with their labels. */
  readonly isTraining: boolean;

  constructor(images: ImageSet, options: { isTraining: boolean }) {
    this.images = images;
    this.isTraining = options.isTraining;
  }

  /** How many images. */
  get length(): number {
    return this.images.length;
  }

  /** Image `i`, with its label when training. */
  get(i: number): ImageSample {
    const e = this.images.get(i);
    const sample: ImageSample = { x: e.x as Float32Array, shape: e.shape! };
    if (this.isTraining) sample.y = e.y as number;
    return sample;
  }
}

/** Options of {@link imageLoader}. */
export interface ImageLoaderOptions {
  /** Images per batch. */
  batchSize: number;
  /** Shuffle every epoch (needs `rng`). */
  shuffle?: boolean;
  /** Orders the samples when shuffling, and drives the transforms. */
  rng?: Rng;
  /** Leave out a short last batch. */
  dropLast?: boolean;
  /** Applied to each batch (needs `rng`), e.g. `compose(randomAffine(...), randomLighting(...))`. */
  transform?: Transform;
}

/**
 * A DataLoader over an {@link ImageDataset}: batches of `[n, h, w, 1]` images
 * (and labels when training), transformed on the whole batch at once.
 * Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const loader = imageLoader(ds, { batchSize: 64, shuffle: true, rng: new Rng(1), transform: augment });
 * for (const { x, y } of loader) { ... }
 * ```
 */
export function imageLoader(
  dataset: ImageDataset,
  options: ImageLoaderOptions,
): DataLoader<ImageSample, Batch> {
  const { transform, rng } = options;
  if (transform && !rng) {
    throw new Error("imageLoader: a transform needs an `rng` to draw its random numbers from.");
  }
  const collate = (samples: ImageSample[], epochRng?: Rng): Batch => {
    const [h, w, c] = samples[0].shape;
    const pixels = new Float32Array(samples.length * h * w * c);
    samples.forEach((s, i) => pixels.set(s.x, i * h * w * c));
    const raw = tf.tensor4d(pixels, [samples.length, h, w, c]);
    let x = raw;
    if (transform) {
      x = transform(raw, epochRng ?? rng!);
      raw.dispose();
    }
    // Without labels (isTraining false) y is empty: such batches are for predicting, not training.
    const labels = dataset.isTraining ? Int32Array.from(samples, (s) => s.y!) : new Int32Array(0);
    return { x, y: tf.tensor1d(labels, "int32"), size: samples.length };
  };
  return new DataLoader<ImageSample, Batch>(dataset, { ...options, collate });
}
