/**
 * The whole way from a grey photo to the model's input, every step kept so
 * a notebook can show it: threshold, components, characters, reading order,
 * and each character centred like MNIST.
 *
 * @module
 */
import type { GreyImage } from "./image.ts";
import { adaptiveThreshold, type Thresholded, type ThresholdOptions } from "./threshold.ts";
import {
  type Character,
  groupCharacters,
  type GroupOptions,
  labelComponents,
  type Labelled,
} from "./components.ts";
import { type Line, type OrderOptions, readingOrder } from "./order.ts";
import { type CentreOptions, CHAR_FIELD, cropCharacters } from "./crop.ts";

/**
 * Thrown when an image holds nothing that looks like a character. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * try { segment(blank); } catch (e) { if (e instanceof NoCharactersError) console.log(e.message); }
 * ```
 */
export class NoCharactersError extends Error {
  override name = "NoCharactersError";
}

/**
 * Options of {@link segment}: one group per step. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * segment(grey, { threshold: { k: 0.3 }, group: { minArea: 20 } } satisfies SegmentOptions);
 * ```
 */
export interface SegmentOptions {
  threshold?: ThresholdOptions;
  group?: GroupOptions;
  order?: OrderOptions;
  centre?: CentreOptions;
}

/**
 * Every step of {@link segment}. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { thresholded, characters, lines, crops }: Segmentation = segment(grey);
 * ```
 */
export interface Segmentation {
  /** The grey image that came in. */
  grey: GreyImage;
  /** The ink mask, with the polarity and window used. */
  thresholded: Thresholded;
  /** The mask's connected components. */
  labelled: Labelled;
  /** The characters, in reading order. */
  characters: Character[];
  /** The lines, as indices into `characters` (so 0, 1, 2, ... in order). */
  lines: Line[];
  /** Each character centred like MNIST: characters.length * 28 * 28 values, ink 1. */
  crops: Float32Array;
  /** Side of each crop (28). */
  field: number;
}

/**
 * Split a grey image into characters in reading order, each centred like
 * MNIST; throws {@link NoCharactersError} ("no characters found") for a blank
 * or ink-less image. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const seg = segment(await loadGreyImage("photo.png"));
 * seg.characters.length; // how many characters, seg.crops holds them for the model
 * ```
 */
export function segment(grey: GreyImage, options: SegmentOptions = {}): Segmentation {
  let lo = Infinity, hi = -Infinity;
  for (const v of grey.data) lo = Math.min(lo, v), hi = Math.max(hi, v);
  if (hi - lo < 0.05) {
    throw new NoCharactersError(
      `No characters found: the ${grey.width}x${grey.height} image is blank ` +
        `(every pixel is about ${lo.toFixed(2)}); photograph some text.`,
    );
  }
  const thresholded = adaptiveThreshold(grey, options.threshold);
  const labelled = labelComponents(thresholded.mask);
  const found = groupCharacters(labelled, options.group);
  if (found.length === 0) {
    throw new NoCharactersError(
      `No characters found in the ${grey.width}x${grey.height} image: ` +
        `${labelled.components.length} ink blobs, all too small to be characters; ` +
        `try a closer, sharper photo.`,
    );
  }
  const ordered = readingOrder(found.map((c) => c.box), options.order);
  const characters = ordered.flatMap((line) => line.indices.map((i) => found[i]));
  let next = 0;
  const lines = ordered.map((line) => ({
    indices: line.indices.map(() => next++),
    spaceBefore: line.spaceBefore,
  }));
  const field = options.centre?.field ?? CHAR_FIELD;
  const crops = cropCharacters(labelled, characters, options.centre);
  return { grey, thresholded, labelled, characters, lines, crops, field };
}
