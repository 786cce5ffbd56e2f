/**
 * Image files for reading text: PNG, JPEG, GIF or BMP decoded with jimp and
 * turned into a {@link GreyImage} (defined in `grey.ts`, re-exported here), enormous
 * photos refused before decoding or shrunk to a stated maximum side
 * (see `resample.ts`; `encode.ts` writes images back out).
 *
 * @module
 */
import { Jimp } from "jimp";
import { downscale, MAX_SIDE } from "./resample.ts";
import { type GreyImage, rgbaToGrey } from "./grey.ts";

export { type GreyImage, greyImage, type Mask, rgbaToGrey } from "./grey.ts";

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
