/**
 * Grey images out: encoded as PNG or JPEG with jimp (to save, or to show in
 * a notebook), an ink mask drawn as a picture, and boxes drawn round what was found.
 *
 * @module
 */
import { Jimp } from "jimp";
import { type GreyImage, greyImage, type Mask } from "./image.ts";
import type { Box } from "./components.ts";

function toJimp(image: GreyImage) {
  const out = new Jimp({ width: image.width, height: image.height });
  const rgba = out.bitmap.data;
  for (let i = 0; i < image.data.length; i++) {
    const v = Math.round(255 * Math.min(1, Math.max(0, image.data[i])));
    rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = v;
    rgba[4 * i + 3] = 255;
  }
  return out;
}

/**
 * Encode a grey image as PNG bytes (with jimp). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * await Deno.writeFile("page.png", await encodePng(greyImage(8, 8)));
 * ```
 */
export async function encodePng(image: GreyImage): Promise<Uint8Array> {
  return new Uint8Array(await toJimp(image).getBuffer("image/png"));
}

/**
 * Encode a grey image as JPEG bytes of a quality 1..100 (with jimp), as a camera would.
 * Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * await Deno.writeFile("photo.jpg", await encodeJpeg(photo.image, 90));
 * ```
 */
export async function encodeJpeg(image: GreyImage, quality = 90): Promise<Uint8Array> {
  return new Uint8Array(await toJimp(image).getBuffer("image/jpeg", { quality }));
}

/**
 * A mask drawn as a grey image: ink black on white paper, to look at. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * await Deno.writeFile("mask.png", await encodePng(maskToImage(mask)));
 * ```
 */
export function maskToImage(mask: Mask): GreyImage {
  const out = greyImage(mask.width, mask.height);
  for (let i = 0; i < mask.data.length; i++) out.data[i] = mask.data[i] ? 0 : 1;
  return out;
}

/**
 * A copy of an image with box outlines drawn on it (in `shade`, black by
 * default), to show what was found. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * await encodePng(drawBoxes(grey, seg.characters.map((c) => c.box)));
 * ```
 */
export function drawBoxes(image: GreyImage, boxes: Box[], shade = 0): GreyImage {
  const { width: w, height: h } = image;
  const out = { width: w, height: h, data: image.data.slice() };
  const put = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < w && y < h) out.data[y * w + x] = shade;
  };
  for (const { x, y, width, height } of boxes) {
    for (let i = x - 1; i <= x + width; i++) put(i, y - 1), put(i, y + height);
    for (let j = y - 1; j <= y + height; j++) put(x - 1, j), put(x + width, j);
  }
  return out;
}
