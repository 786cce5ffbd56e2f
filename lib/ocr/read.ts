/**
 * Reading a photo: the blog's last steps in one call. Load the image, make
 * it grey, split it into characters (`segment`), put every character through
 * the model in one batch, and write the text down with a box and a
 * confidence per character (the steps after decoding live in `recognise.ts`,
 * which the webcam page shares).
 *
 * @module
 */
import { tf } from "../backend/mod.ts";
import { decodeGreyImage, type DecodeOptions, type GreyImage, loadGreyImage } from "./image.ts";
import { downscale, MAX_SIDE } from "./resample.ts";
import type { SegmentOptions } from "./segment.ts";
import type { InkMode } from "./ink.ts";
import { checkReaderConfig, type Reader } from "./reader.ts";
import { readGrey, type Reading } from "./recognise.ts";

export type { ReadCharacter, Reading, ReadingSteps } from "./recognise.ts";

/**
 * Options of {@link readImage}: the segmentation's, the decoder's, and the model's classes. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * await readImage(bytes, model, { classes: "0123456789", ink: "grey", threshold: { k: 0.3 } } satisfies ReadOptions);
 * ```
 */
export interface ReadOptions extends SegmentOptions, DecodeOptions {
  /** One character per output class, e.g. `CHARSET` (required with a bare model; a `Reader` brings its own). */
  classes?: string;
  /** How characters are cut for the model ("mask" with a bare model; a `Reader` brings its own). */
  ink?: InkMode;
  /** Keep every step in `reading.steps` (false). */
  steps?: boolean;
}

/**
 * Anything {@link readImage} can read: an image file's path, its bytes, or a grey image. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const source: ImageSource = await Deno.readFile("data/ocr/photo_board.jpg");
 * ```
 */
export type ImageSource = string | Uint8Array | GreyImage;

function isGreyImage(x: unknown): x is GreyImage {
  const g = x as GreyImage;
  return typeof g === "object" && g !== null && g.data instanceof Float32Array &&
    Number.isInteger(g.width) && Number.isInteger(g.height);
}

/**
 * Turn any {@link ImageSource} into a grey image no larger than `maxSide`:
 * a path is read, bytes are decoded (PNG, JPEG, GIF, BMP), a grey image is
 * checked. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const grey = await toGreyImage("data/ocr/photo_printed.jpg"); // 841x330
 * ```
 */
export async function toGreyImage(
  source: ImageSource,
  options: DecodeOptions = {},
): Promise<GreyImage> {
  if (typeof source === "string") return await loadGreyImage(source, options);
  if (source instanceof Uint8Array) {
    return await decodeGreyImage(source, { name: "the image bytes", ...options });
  }
  if (isGreyImage(source)) {
    if (source.width <= 0 || source.height <= 0) {
      throw new Error(`The grey image is empty (${source.width}x${source.height}).`);
    }
    if (source.data.length !== source.width * source.height) {
      throw new Error(
        `The grey image says ${source.width}x${source.height} (${source.width * source.height} ` +
          `pixels) but holds ${source.data.length} values; make data width * height long.`,
      );
    }
    return downscale(source, options.maxSide ?? MAX_SIDE);
  }
  throw new Error(
    `Cannot read ${Object.prototype.toString.call(source)}: give an image file's path, ` +
      `its bytes (Uint8Array) or a GreyImage { width, height, data }.`,
  );
}

/**
 * Read the text in an image: make it grey, segment it into characters in
 * reading order, run the model on all of them in one batch, and return the
 * text with a box, a confidence and a runner-up per character. `reader` is
 * a {@link Reader} from `loadReader`, or a bare model with `options.classes`.
 * Throws `NoCharactersError` for a blank image, and a clear error for bytes
 * that are not an image or an image too large to decode. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const reader = await loadReader("printed");
 * const { text, characters } = await readImage("data/ocr/photo_printed.jpg", reader);
 * text; // "HELLO WORLD 42\nOCR READS 0123456789\nTHE QUICK BROWN FOX"
 * ```
 */
export async function readImage(
  source: ImageSource,
  reader: Reader | tf.LayersModel,
  options: ReadOptions = {},
): Promise<Reading> {
  // (A tf.Sequential has a `model` field of its own: test for a model first.)
  const isReader = !(reader instanceof tf.LayersModel) &&
    (reader as Reader)?.model instanceof tf.LayersModel;
  const model = isReader ? (reader as Reader).model : reader as tf.LayersModel;
  if (!(model instanceof tf.LayersModel)) {
    throw new Error(
      `readImage: the second argument must be a reader from loadReader("digits" | "printed") ` +
        `or a tfjs LayersModel, got ${typeof reader}.`,
    );
  }
  const classes = options.classes ?? (isReader ? (reader as Reader).classes : undefined);
  const ink = options.ink ?? (isReader ? (reader as Reader).ink : "mask");
  if (classes === undefined) {
    throw new Error(
      `readImage: a bare model needs options.classes, one character per output class ` +
        `(e.g. "0123456789" or CHARSET), or read with a reader from loadReader().`,
    );
  }
  checkReaderConfig(model, { classes, ink }, "readImage");
  const grey = await toGreyImage(source, options);
  return readGrey(grey, model, { ...options, classes, ink });
}
