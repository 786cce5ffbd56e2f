/**
 * Greyscale images for reading text: a small {@link GreyImage} type, image
 * files (PNG, JPEG, GIF, BMP) decoded with jimp and turned grey, enormous
 * photos refused before decoding or shrunk to a stated maximum side
 * (see `resample.ts`; `encode.ts` writes images back out).
 *
 * @module
 */
import { Jimp } from "jimp";
import { downscale, MAX_SIDE } from "./resample.ts";

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
 * Largest photo, in pixels, that {@link decodeGreyImage} decodes: 36 megapixels (jimp needs about 50 bytes a pixel). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * await decodeGreyImage(bytes, { maxPixels: MAX_PIXELS / 2 }); // stricter
 * ```
 */
export const MAX_PIXELS = 36_000_000;

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
 * The format and size an image file's header declares. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { format, width, height }: ImageHeader = imageHeader(bytes);
 * ```
 */
export interface ImageHeader {
  format: "png" | "jpeg" | "gif" | "bmp";
  width: number;
  height: number;
}

/**
 * Read an image file's format and size from its first bytes, without decoding
 * it; throws when the bytes are not a PNG, JPEG, GIF or BMP image. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * imageHeader(await Deno.readFile("photo.png")); // { format: "png", width: 800, height: 600 }
 * ```
 */
export function imageHeader(bytes: Uint8Array, name = "the input"): ImageHeader {
  if (bytes.length === 0) throw new Error(`${name} is empty (0 bytes): it holds no image.`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (at(0x89, 0x50, 0x4e, 0x47) && bytes.length >= 24) {
    return { format: "png", width: v.getUint32(16), height: v.getUint32(20) };
  }
  if (at(0x47, 0x49, 0x46) && bytes.length >= 10) {
    return { format: "gif", width: v.getUint16(6, true), height: v.getUint16(8, true) };
  }
  if (at(0x42, 0x4d) && bytes.length >= 26) {
    return { format: "bmp", width: v.getInt32(18, true), height: Math.abs(v.getInt32(22, true)) };
  }
  if (at(0xff, 0xd8)) {
    for (let p = 2; p + 9 < bytes.length;) {
      if (bytes[p] !== 0xff) break;
      const marker = bytes[p + 1];
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { format: "jpeg", width: v.getUint16(p + 7), height: v.getUint16(p + 5) };
      }
      p += 2 + v.getUint16(p + 2);
    }
    throw new Error(
      `${name} starts like a JPEG but its size cannot be found: the file is damaged.`,
    );
  }
  const start = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join(" ");
  throw new Error(
    `${name} is not an image: expected a PNG, JPEG, GIF or BMP file, but it starts with bytes ${start}.`,
  );
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

/**
 * Options of {@link decodeGreyImage} and {@link loadGreyImage}. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const options: DecodeOptions = { maxSide: 1024, name: "photo.jpg" };
 * ```
 */
export interface DecodeOptions {
  /** Longest side after decoding; larger images are shrunk to it (`MAX_SIDE`, 2048, by default). */
  maxSide?: number;
  /** Largest image in pixels that is decoded at all ({@link MAX_PIXELS} by default). */
  maxPixels?: number;
  /** The file's name, for error messages. */
  name?: string;
}

/**
 * Decode an image file's bytes into a grey image: the header is checked
 * first (not an image, empty, or too large to decode is a clear error), then
 * jimp decodes it, it turns grey and shrinks to `maxSide`. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const grey = await decodeGreyImage(await Deno.readFile("photo.jpg"), { maxSide: 1024 });
 * ```
 */
export async function decodeGreyImage(
  bytes: Uint8Array,
  options: DecodeOptions = {},
): Promise<GreyImage> {
  const { maxSide = MAX_SIDE, maxPixels = MAX_PIXELS, name = "the input" } = options;
  const head = imageHeader(bytes, name);
  if (head.width <= 0 || head.height <= 0) {
    throw new Error(`${name} is an empty ${head.format} image (${head.width}x${head.height}).`);
  }
  if (head.width * head.height > maxPixels) {
    throw new Error(
      `${name} is ${head.width}x${head.height} (${(head.width * head.height / 1e6).toFixed(0)} ` +
        `megapixels), more than the ${maxPixels / 1e6} megapixels decoded safely: ` +
        `shrink it to at most ${maxSide} pixels a side first.`,
    );
  }
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  let decoded;
  try {
    decoded = await Jimp.fromBuffer(buffer as ArrayBuffer);
  } catch (e) {
    throw new Error(`${name} looks like a ${head.format} image but could not be decoded: ${e}`);
  }
  const { width, height, data } = decoded.bitmap;
  const grey = rgbaToGrey(new Uint8Array(data.buffer, data.byteOffset, data.length), width, height);
  return downscale(grey, maxSide);
}

/**
 * Read an image file (PNG, JPEG, GIF or BMP) as a grey image, shrunk so its
 * longer side is at most `maxSide`. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const grey = await loadGreyImage("data/ocr/photo_printed.png");
 * ```
 */
export async function loadGreyImage(path: string, options: DecodeOptions = {}): Promise<GreyImage> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      throw new Error(`No image file at ${path}: check the path.`);
    }
    throw e;
  }
  return decodeGreyImage(bytes, { name: path, ...options });
}
