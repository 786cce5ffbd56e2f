/**
 * Grey images and ink masks as plain arrays: the types every OCR step passes
 * along, and the one conversion a camera frame or a decoded file needs
 * (RGBA to grey). Nothing here touches files, jimp or Deno, so the browser
 * page of `deno task webcam` runs it too (see `browser.ts`).
 *
 * @module
 */

/**
 * A greyscale image, row by row: 0 is black, 1 is white. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const page: GreyImage = { width: 2, height: 1, data: new Float32Array([0, 1]) }; // black, white
 * ```
 */
export interface GreyImage {
  width: number;
  height: number;
  data: Float32Array;
}

/**
 * A binary image, row by row: 1 marks ink, 0 background. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const ink: Mask = { width: 2, height: 1, data: new Uint8Array([1, 0]) }; // ink, paper
 * ```
 */
export interface Mask {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * A new grey image of the given size, filled with one value (white by default).
 * Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const page = greyImage(40, 30); // 40 wide, 30 high, all white
 * ```
 */
export function greyImage(width: number, height: number, fill = 1): GreyImage {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new Error(
      `greyImage: width and height must be positive integers, got ${width}x${height}.`,
    );
  }
  return { width, height, data: new Float32Array(width * height).fill(fill) };
}

/**
 * Turn interleaved RGBA bytes grey (ITU-R BT.601 luma; transparent pixels
 * count as white paper). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * rgbaToGrey(new Uint8Array([255, 0, 0, 255]), 1, 1).data[0]; // 0.299 (pure red)
 * ```
 */
export function rgbaToGrey(rgba: Uint8Array, width: number, height: number): GreyImage {
  if (rgba.length !== width * height * 4) {
    throw new Error(
      `rgbaToGrey: ${width}x${height} needs ${width * height * 4} bytes, got ${rgba.length}.`,
    );
  }
  const out = greyImage(width, height);
  for (let i = 0, p = 0; i < out.data.length; i++, p += 4) {
    const luma = (0.299 * rgba[p] + 0.587 * rgba[p + 1] + 0.114 * rgba[p + 2]) / 255;
    const alpha = rgba[p + 3] / 255;
    out.data[i] = alpha * luma + (1 - alpha);
  }
  return out;
}
