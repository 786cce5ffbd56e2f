/**
 * The blog's "transformers": filters applied to images so a model recognises
 * them in more situations. Each works on a whole batch of images at once
 * (`[batch, height, width, channels]`, values 0..1) with `tf.image`, drawing
 * its random numbers from the seeded {@link Rng} it is given.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";
import type { Rng } from "./rng.ts";

/** A batch transform: images in, images out, randomness from `rng`. Introduced in 04_ocr_training. */
export type Transform = (images: tf.Tensor4D, rng: Rng) => tf.Tensor4D;

/** Options of {@link randomAffine}. */
export interface AffineOptions {
  /** Largest rotation either way, in degrees. */
  degrees?: number;
  /** Largest shift either way, in pixels. */
  shift?: number;
  /** Range of the zoom factor, e.g. [0.9, 1.1]. */
  scale?: [number, number];
  /** Value of pixels moved in from outside the image (0 = black background). */
  fill?: number;
}

/**
 * Random rotation, shift and zoom about the image centre, each image its own,
 * in one `tf.image.transform` call. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const wobble = randomAffine({ degrees: 12, shift: 2, scale: [0.9, 1.1] });
 * const out = wobble(batch, new Rng(1));
 * ```
 */
export function randomAffine(options: AffineOptions): Transform {
  const { degrees = 0, shift = 0, scale = [1, 1], fill = 0 } = options;
  if (degrees < 0 || shift < 0 || !(scale[0] > 0 && scale[1] >= scale[0])) {
    throw new Error(
      `randomAffine: degrees and shift must be >= 0 and scale a range [lo, hi] with 0 < lo <= hi; got ${
        JSON.stringify(options)
      }.`,
    );
  }
  return (images, rng) => {
    const [n, h, w] = images.shape;
    const cx = (w - 1) / 2, cy = (h - 1) / 2;
    const rows: number[] = [];
    for (let i = 0; i < n; i++) {
      const theta = (rng.uniform(-degrees, degrees) * Math.PI) / 180;
      const s = rng.uniform(scale[0], scale[1]);
      const tx = rng.uniform(-shift, shift), ty = rng.uniform(-shift, shift);
      // tf.image.transform maps each output pixel (x, y) to the input pixel it
      // reads from, so this is the inverse of "rotate by theta, zoom by s, move by t".
      const c = Math.cos(theta) / s, sn = Math.sin(theta) / s;
      const a0 = c, a1 = sn, b0 = -sn, b1 = c;
      const a2 = cx - a0 * (cx + tx) - a1 * (cy + ty);
      const b2 = cy - b0 * (cx + tx) - b1 * (cy + ty);
      rows.push(a0, a1, a2, b0, b1, b2, 0, 0);
    }
    return tf.tidy(() =>
      tf.image.transform(images, tf.tensor2d(rows, [n, 8]), "bilinear", "constant", fill)
    ) as tf.Tensor4D;
  };
}

/**
 * Random brightness (added) and contrast (scaled about the image mean), each
 * image its own, clipped to 0..1. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const light = randomLighting({ brightness: 0.1, contrast: [0.8, 1.2] });
 * ```
 */
export function randomLighting(
  options: { brightness?: number; contrast?: [number, number] },
): Transform {
  const { brightness = 0, contrast = [1, 1] } = options;
  if (brightness < 0 || !(contrast[0] >= 0 && contrast[1] >= contrast[0])) {
    throw new Error(
      `randomLighting: brightness must be >= 0 and contrast a range [lo, hi] with 0 <= lo <= hi; got ${
        JSON.stringify(options)
      }.`,
    );
  }
  return (images, rng) => {
    const n = images.shape[0];
    const add = Float32Array.from({ length: n }, () => rng.uniform(-brightness, brightness));
    const mul = Float32Array.from({ length: n }, () => rng.uniform(contrast[0], contrast[1]));
    return tf.tidy(() => {
      const mean = images.mean([1, 2, 3], true);
      const k = tf.tensor4d(mul, [n, 1, 1, 1]);
      const b = tf.tensor4d(add, [n, 1, 1, 1]);
      return images.sub(mean).mul(k).add(mean).add(b).clipByValue(0, 1);
    }) as tf.Tensor4D;
  };
}

/**
 * Colour to greyscale with the ITU-R 601 weights (a no-op on one channel).
 * Written with multiply and sum: tf.image.rgbToGrayscale needs an Einsum
 * kernel the wasm backend lacks. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * greyscale()(rgbBatch, rng).shape; // [n, h, w, 1]
 * ```
 */
export function greyscale(): Transform {
  return (images) => {
    const c = images.shape[3];
    if (c === 1) return images.clone();
    if (c !== 3 && c !== 4) throw new Error(`greyscale: expected 1, 3 or 4 channels, got ${c}.`);
    return tf.tidy(() =>
      images.slice([0, 0, 0, 0], [-1, -1, -1, 3]).mul(tf.tensor1d([0.299, 0.587, 0.114])).sum(
        -1,
        true,
      )
    );
  };
}

/** Resize every image to `size` x `size` (bilinear). Introduced in 04_ocr_training. */
export function resize(size: number): Transform {
  if (!(Number.isInteger(size) && size > 0)) {
    throw new Error(`resize: size must be a positive integer, got ${size}.`);
  }
  return (images) => tf.image.resizeBilinear(images, [size, size], true);
}

/** Subtract `mean` and divide by `std`. Introduced in 04_ocr_training. */
export function normalize(mean: number, std: number): Transform {
  if (!(std > 0)) throw new Error(`normalize: std must be > 0, got ${std}.`);
  return (images) => tf.tidy(() => images.sub(mean).div(std));
}

/**
 * Chain transforms, freeing every intermediate batch. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const augment = compose(randomAffine({ degrees: 10 }), randomLighting({ brightness: 0.1 }));
 * ```
 */
export function compose(...transforms: Transform[]): Transform {
  return (images, rng) => {
    let cur = images;
    for (const t of transforms) {
      const next = t(cur, rng);
      if (cur !== images) cur.dispose();
      cur = next;
    }
    return cur === images ? images.clone() : cur;
  };
}
