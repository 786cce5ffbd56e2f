/**
 * Ink or paper? A threshold that adapts to uneven lighting (Sauvola's, with
 * local means and deviations from integral images, so it costs the same for
 * any window), and a guess of the polarity: dark ink on light paper, or the
 * reverse (chalk on a blackboard).
 *
 * @module
 */
import type { GreyImage, Mask } from "./image.ts";

/**
 * Which way round ink and paper are. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * adaptiveThreshold(grey, { polarity: "light-on-dark" satisfies Polarity });
 * ```
 */
export type Polarity = "dark-on-light" | "light-on-dark";

/**
 * Summed-area tables of an image and of its squares, (width+1) x (height+1). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { sum, squares }: Integrals = integralImages(grey);
 * ```
 */
export interface Integrals {
  width: number;
  height: number;
  sum: Float64Array;
  squares: Float64Array;
}

/**
 * The summed-area tables of an image: any box's sum in four look-ups.
 * Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const t = integralImages(greyImage(3, 2, 0.5));
 * t.sum[(2 + 1) * 4 - 1]; // 3: the sum of all six pixels
 * ```
 */
export function integralImages(image: GreyImage): Integrals {
  const { width: w, height: h, data } = image;
  const W = w + 1;
  const sum = new Float64Array(W * (h + 1)), squares = new Float64Array(W * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0, rowSq = 0;
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x];
      row += v;
      rowSq += v * v;
      sum[(y + 1) * W + x + 1] = sum[y * W + x + 1] + row;
      squares[(y + 1) * W + x + 1] = squares[y * W + x + 1] + rowSq;
    }
  }
  return { width: w, height: h, sum, squares };
}

/**
 * Mean and standard deviation of every pixel's square neighbourhood of side
 * `window` (clipped at the borders). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { mean, std } = localStats(image, 31);
 * ```
 */
export function localStats(
  image: GreyImage,
  window: number,
): { mean: Float32Array; std: Float32Array } {
  const { width: w, height: h } = image;
  const { sum, squares } = integralImages(image);
  const W = w + 1, r = Math.floor(window / 2);
  const mean = new Float32Array(w * h), std = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - r), y1 = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - r), x1 = Math.min(w, x + r + 1);
      const n = (x1 - x0) * (y1 - y0);
      const a = y0 * W + x0, b = y0 * W + x1, c = y1 * W + x0, d = y1 * W + x1;
      const m = (sum[d] - sum[b] - sum[c] + sum[a]) / n;
      const q = (squares[d] - squares[b] - squares[c] + squares[a]) / n;
      mean[y * w + x] = m;
      std[y * w + x] = Math.sqrt(Math.max(0, q - m * m));
    }
  }
  return { mean, std };
}

/**
 * The default window: an odd side of about an eighth of the shorter image
 * side, at least 15 pixels, so that it spans several stroke widths.
 * Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * defaultWindow(greyImage(800, 400)); // 51
 * ```
 */
export function defaultWindow(image: GreyImage): number {
  const side = Math.max(15, Math.round(Math.min(image.width, image.height) / 8));
  return side % 2 ? side : side + 1;
}

/**
 * Guess the polarity: ink is the minority that stands out from its
 * neighbourhood, so the deviations from the local mean have a long tail on
 * the ink's side (skewness below -0.5: dark ink, above 0.5: light ink; in
 * between, as on a blank page, dark ink is assumed). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * detectPolarity(chalkboard); // "light-on-dark"
 * ```
 */
export function detectPolarity(image: GreyImage, window = defaultWindow(image)): Polarity {
  const { mean } = localStats(image, window);
  let m2 = 0, m3 = 0;
  for (let i = 0; i < mean.length; i++) {
    const d = image.data[i] - mean[i];
    m2 += d * d;
    m3 += d * d * d;
  }
  const n = mean.length, skew = m3 / n / Math.pow(m2 / n, 1.5);
  return skew > 0.5 ? "light-on-dark" : "dark-on-light";
}

/**
 * Options of {@link adaptiveThreshold}. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const options: ThresholdOptions = { window: 41, k: 0.2, polarity: "auto" };
 * ```
 */
export interface ThresholdOptions {
  /** Side of the square neighbourhood in pixels (odd); {@link defaultWindow} by default. */
  window?: number;
  /** Sauvola's k: how far below the local mean ink must lie (0.2 by default; larger keeps less). */
  k?: number;
  /** Dynamic range of the standard deviation, R (0.5 for values in 0..1). */
  range?: number;
  /** Ink must also lie this far below its local mean (0.08), so noise on dim paper stays paper. */
  minContrast?: number;
  /** Ink polarity, or "auto" (the default) to {@link detectPolarity detect it}. */
  polarity?: Polarity | "auto";
}

/**
 * What {@link adaptiveThreshold} found. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { mask, polarity, window }: Thresholded = adaptiveThreshold(grey);
 * ```
 */
export interface Thresholded {
  /** 1 where there is ink. */
  mask: Mask;
  /** The polarity used (detected or given). */
  polarity: Polarity;
  /** The window used. */
  window: number;
}

/**
 * Sauvola's adaptive threshold: a pixel is ink when it is darker than
 * `mean * (1 + k (std / R - 1))` of its neighbourhood and at least
 * `minContrast` below its mean (after flipping a light-on-dark image), so
 * uneven lighting moves the threshold with it.
 * Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { mask, polarity } = adaptiveThreshold(grey); // mask.data[i] === 1 where ink
 * ```
 */
export function adaptiveThreshold(image: GreyImage, options: ThresholdOptions = {}): Thresholded {
  const window = options.window ?? defaultWindow(image);
  if (!(Number.isInteger(window) && window >= 3)) {
    throw new Error(`adaptiveThreshold: window must be an integer of at least 3, got ${window}.`);
  }
  const { k = 0.2, range = 0.5, minContrast = 0.08 } = options;
  const polarity = !options.polarity || options.polarity === "auto"
    ? detectPolarity(image, window)
    : options.polarity;
  const src = polarity === "dark-on-light"
    ? image
    : { ...image, data: image.data.map((v) => 1 - v) };
  const { mean, std } = localStats(src, window);
  const mask = { width: image.width, height: image.height, data: new Uint8Array(src.data.length) };
  for (let i = 0; i < src.data.length; i++) {
    const v = src.data[i], m = mean[i];
    mask.data[i] = v < m * (1 + k * (std[i] / range - 1)) && v < m - minContrast ? 1 : 0;
  }
  return { mask, polarity, window };
}
