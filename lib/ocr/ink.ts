/**
 * Grey crops: a character cut out with the photo's own shades of grey
 * instead of the threshold's hard 0 or 1, so its strokes have the soft edges
 * of MNIST's anti-aliased digits. Inside the character's own pixels, ink is
 * scaled from its paper (0) to its darkest ink (1); everything else is 0.
 *
 * @module
 */
import { type GreyImage, greyImage } from "./grey.ts";
import type { Character, Labelled } from "./components.ts";
import type { Polarity } from "./threshold.ts";
import { centreLikeMnist, type CentreOptions, CHAR_FIELD, cropCharacter } from "./crop.ts";

/**
 * How a character becomes the model's input: the threshold's hard mask
 * (`"mask"`, as the printed glyphs are learnt), or the photo's grey levels
 * inside it (`"grey"`, closest to MNIST's soft digits). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const ink: InkMode = "grey"; // for the handwritten digits model
 * ```
 */
export type InkMode = "mask" | "grey";

/** The p-quantile (0..1) of some values (sorted in place). */
function quantile(values: number[], p: number): number {
  values.sort((a, b) => a - b);
  return values[Math.min(values.length - 1, Math.max(0, Math.floor(p * (values.length - 1))))];
}

/**
 * Cut one character out of the grey photo, ink 1 and paper 0: its own
 * pixels (as labelled) keep their shade, scaled between the paper around
 * them (the median background of its box and a 2-pixel margin) and the darkest tenth of its
 * ink; other pixels are 0. Falls back to the hard mask when the character
 * has no contrast at all. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const seg = segment(grey);
 * const patch = greyCropCharacter(grey, seg.labelled, seg.characters[0], seg.thresholded.polarity);
 * ```
 */
export function greyCropCharacter(
  grey: GreyImage,
  labelled: Labelled,
  character: Character,
  polarity: Polarity = "dark-on-light",
): GreyImage {
  if (grey.width !== labelled.width || grey.height !== labelled.height) {
    throw new Error(
      `greyCropCharacter: the image is ${grey.width}x${grey.height} but its labels are ` +
        `${labelled.width}x${labelled.height}; pass the image that was segmented.`,
    );
  }
  const { x: x0, y: y0, width, height } = character.box;
  const own = new Set(character.labels);
  const flip = polarity === "light-on-dark";
  const ink: number[] = [], paper: number[] = [];
  const shade = (i: number) => (flip ? 1 - grey.data[i] : grey.data[i]);
  // Paper: the background in the box and a margin of 2 pixels round it (a bar's box is all ink).
  const m = 2, left = Math.max(0, x0 - m), right = Math.min(grey.width, x0 + width + m);
  for (let y = Math.max(0, y0 - m); y < Math.min(grey.height, y0 + height + m); y++) {
    for (let x = left; x < right; x++) {
      const i = y * grey.width + x, label = labelled.labels[i];
      const inside = x >= x0 && x < x0 + width && y >= y0 && y < y0 + height;
      if (inside && own.has(label)) ink.push(shade(i));
      else if (label === 0) paper.push(shade(i));
    }
  }
  const dark = quantile(ink, 0.1);
  const light = paper.length > 0 ? quantile(paper, 0.5) : Math.max(...ink);
  if (!(light - dark > 0.02)) return cropCharacter(labelled, character);
  const patch = greyImage(width, height, 0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y0 + y) * grey.width + x0 + x;
      if (!own.has(labelled.labels[i])) continue;
      patch.data[y * width + x] = Math.min(1, Math.max(0, (light - shade(i)) / (light - dark)));
    }
  }
  return patch;
}

/**
 * Grey crops of many characters, each centred like MNIST, in one flat batch
 * of n*field*field values (as `cropCharacters` does for hard masks).
 * Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const seg = segment(grey);
 * const batch = greyCrops(grey, seg.labelled, seg.characters, seg.thresholded.polarity);
 * ```
 */
export function greyCrops(
  grey: GreyImage,
  labelled: Labelled,
  characters: Character[],
  polarity: Polarity = "dark-on-light",
  options: CentreOptions = {},
): Float32Array {
  const field = options.field ?? CHAR_FIELD;
  const out = new Float32Array(characters.length * field * field);
  characters.forEach((c, i) => {
    const patch = greyCropCharacter(grey, labelled, c, polarity);
    out.set(centreLikeMnist(patch, options), i * field * field);
  });
  return out;
}
