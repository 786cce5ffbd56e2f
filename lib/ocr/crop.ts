/**
 * Each character cut out and centred the way MNIST's digits were made: the
 * ink scaled, keeping its aspect, to fit a 20x20 box (area averaging gives
 * the soft grey edges), then placed in a 28x28 field so that its centre of
 * mass sits at the centre. Ink is 1 and paper 0, as in MNIST.
 *
 * @module
 */
import { type GreyImage, greyImage } from "./grey.ts";
import { resizeImage } from "./resample.ts";
import type { Character, Labelled } from "./components.ts";

/**
 * Side of the box a character is scaled to fit (MNIST: 20). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * centreLikeMnist(patch, { box: CHAR_BOX }); // 20, as MNIST
 * ```
 */
export const CHAR_BOX = 20;
/**
 * Side of the field a character is centred in (MNIST: 28). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * tf.tensor4d(crops, [n, CHAR_FIELD, CHAR_FIELD, 1]);
 * ```
 */
export const CHAR_FIELD = 28;

/**
 * The centre of mass of an image's values, in pixel indices (column x, row y).
 * Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * centreOfMass({ width: 3, height: 1, data: new Float32Array([0, 0, 1]) }); // { x: 2, y: 0 }
 * ```
 */
export function centreOfMass(image: GreyImage): { x: number; y: number } {
  let total = 0, sx = 0, sy = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const v = image.data[y * image.width + x];
      total += v, sx += v * x, sy += v * y;
    }
  }
  if (total <= 0) throw new Error("centreOfMass: the image holds no ink (all values are 0).");
  return { x: sx / total, y: sy / total };
}

/**
 * Options of {@link centreLikeMnist}. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * centreLikeMnist(patch, { box: 20, field: 28 } satisfies CentreOptions);
 * ```
 */
export interface CentreOptions {
  /** Side of the box the ink is scaled to fit ({@link CHAR_BOX}). */
  box?: number;
  /** Side of the square output ({@link CHAR_FIELD}). */
  field?: number;
}

/**
 * Centre an ink patch (ink 1, paper 0, cut tight around the character) like
 * MNIST: scaled to fit `box` keeping its aspect, then shifted by whole pixels
 * so its centre of mass lands at (field/2, field/2), staying inside the field.
 * Returns field*field values, row by row. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const x = centreLikeMnist(cropCharacter(labelled, chars[0])); // 784 values for the model
 * ```
 */
export function centreLikeMnist(patch: GreyImage, options: CentreOptions = {}): Float32Array {
  const { box = CHAR_BOX, field = CHAR_FIELD } = options;
  const f = box / Math.max(patch.width, patch.height);
  const w = Math.max(1, Math.round(patch.width * f)), h = Math.max(1, Math.round(patch.height * f));
  const small = resizeImage(patch, w, h);
  const com = centreOfMass(small);
  const clamp = (v: number, hi: number) => Math.min(Math.max(v, 0), hi);
  const left = clamp(Math.round(field / 2 - com.x), field - w);
  const top = clamp(Math.round(field / 2 - com.y), field - h);
  const out = new Float32Array(field * field);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      out[(top + y) * field + left + x] = Math.min(1, Math.max(0, small.data[y * w + x]));
    }
  }
  return out;
}

/**
 * Cut one character out of a labelled mask: its box, holding only its own
 * components' pixels (a neighbour reaching into the box is left out), ink 1.
 * Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const patch = cropCharacter(labelled, chars[0]); // patch.width === chars[0].box.width
 * ```
 */
export function cropCharacter(labelled: Labelled, character: Character): GreyImage {
  const { x: x0, y: y0, width, height } = character.box;
  const own = new Set(character.labels);
  const patch = greyImage(width, height, 0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (own.has(labelled.labels[(y0 + y) * labelled.width + x0 + x])) {
        patch.data[y * width + x] = 1;
      }
    }
  }
  return patch;
}

/**
 * Crop and centre many characters into one flat batch of n*field*field
 * values, ready for `tf.tensor4d(batch, [n, 28, 28, 1])`. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const batch = cropCharacters(labelled, ordered); // Float32Array of ordered.length * 784
 * ```
 */
export function cropCharacters(
  labelled: Labelled,
  characters: Character[],
  options: CentreOptions = {},
): Float32Array {
  const field = options.field ?? CHAR_FIELD;
  const out = new Float32Array(characters.length * field * field);
  characters.forEach((c, i) => {
    out.set(centreLikeMnist(cropCharacter(labelled, c), options), i * field * field);
  });
  return out;
}

/**
 * A flat image (such as one MNIST digit) as a {@link GreyImage} to look at,
 * ink black on white. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * await encodePng(inkToImage(batch.subarray(0, 784), 28, 28));
 * ```
 */
export function inkToImage(ink: Float32Array, width = CHAR_FIELD, height = CHAR_FIELD): GreyImage {
  if (ink.length !== width * height) {
    throw new Error(
      `inkToImage: ${width}x${height} needs ${width * height} values, got ${ink.length}.`,
    );
  }
  return { width, height, data: ink.map((v) => 1 - v) };
}
