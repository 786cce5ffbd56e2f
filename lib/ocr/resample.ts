/**
 * Resampling grey images: area averaging when shrinking (so an enormous photo
 * shrinks without aliasing), bilinear when growing.
 *
 * @module
 */
import type { GreyImage } from "./image.ts";

/**
 * Longest side a photo keeps after `decodeGreyImage` (larger ones are shrunk). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * downscale(photo, MAX_SIDE); // at most 2048 pixels a side
 * ```
 */
export const MAX_SIDE = 2048;

/** Per output index, the source indices and weights that make it (area average or bilinear). */
function weights(src: number, dst: number): { index: number[]; weight: number[] }[] {
  const scale = src / dst;
  return Array.from({ length: dst }, (_, i) => {
    const index: number[] = [], weight: number[] = [];
    if (scale > 1) { // shrinking: average the source pixels this one covers
      const a = i * scale, b = a + scale;
      for (let j = Math.floor(a); j < Math.min(src, Math.ceil(b)); j++) {
        index.push(j);
        weight.push((Math.min(b, j + 1) - Math.max(a, j)) / scale);
      }
    } else { // growing: bilinear between the two nearest centres
      const x = Math.min(Math.max((i + 0.5) * scale - 0.5, 0), src - 1);
      const j = Math.floor(x), t = x - j;
      index.push(j, Math.min(j + 1, src - 1));
      weight.push(1 - t, t);
    }
    return { index, weight };
  });
}

/**
 * Resample an image to a new size: area averaging when shrinking (no
 * aliasing), bilinear when growing. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * resizeImage(greyImage(4, 4, 0.5), 2, 2).data; // [0.5, 0.5, 0.5, 0.5]
 * ```
 */
export function resizeImage(image: GreyImage, width: number, height: number): GreyImage {
  const { width: w, height: h, data } = image;
  const out = { width, height, data: new Float32Array(width * height) };
  const wx = weights(w, width), wy = weights(h, height);
  const rows = new Float32Array(h * width);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < width; x++) {
      let s = 0;
      const { index, weight } = wx[x];
      for (let k = 0; k < index.length; k++) s += weight[k] * data[y * w + index[k]];
      rows[y * width + x] = s;
    }
  }
  for (let y = 0; y < height; y++) {
    const { index, weight } = wy[y];
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = 0; k < index.length; k++) s += weight[k] * rows[index[k] * width + x];
      out.data[y * width + x] = s;
    }
  }
  return out;
}

/**
 * Shrink an image, keeping its aspect, so that its longer side is at most
 * `maxSide` (unchanged when it already fits). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * downscale(greyImage(4000, 1000), 2048); // 2048x512
 * ```
 */
export function downscale(image: GreyImage, maxSide = MAX_SIDE): GreyImage {
  const side = Math.max(image.width, image.height);
  if (side <= maxSide) return image;
  const f = maxSide / side;
  return resizeImage(
    image,
    Math.max(1, Math.round(image.width * f)),
    Math.max(1, Math.round(image.height * f)),
  );
}
