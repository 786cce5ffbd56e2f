/**
 * Printed characters to learn from: 0-9 and A-Z drawn with `@napi-rs/canvas`
 * from Debian's font files, roughed up like a photo (rotation, blur, noise,
 * uneven light), then cut out by the same threshold, components and MNIST
 * centring that read a real photo. Fonts come from `fonts.ts`.
 *
 * @module
 */
import { createCanvas } from "@napi-rs/canvas";
import { Rng } from "../data/rng.ts";
import { ImageSet } from "../data/mnist.ts";
import { type GreyImage, greyImage } from "./image.ts";
import { adaptiveThreshold } from "./threshold.ts";
import { groupCharacters, labelComponents, unionBox } from "./components.ts";
import { centreLikeMnist, CHAR_FIELD, cropCharacter } from "./crop.ts";
import { addNoise, gaussianBlur, lightingField } from "./degrade.ts";
import { type FontFace, registerFont, TRAINING_FONTS } from "./fonts.ts";

/**
 * The printed characters, in class order: class i is `CHARSET[i]`. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * CHARSET[predictedClass]; // class 10 is "A"
 * ```
 */
export const CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * How much {@link renderGlyph} roughs a glyph up; each value is the most it may draw. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * renderGlyph("A", TRAINING_FONTS[0], rng, { rotation: 15, blur: 2 } satisfies GlyphAugment);
 * ```
 */
export interface GlyphAugment {
  /** Rotation in degrees either way (8). */
  rotation?: number;
  /** Size change either way, as a share (0.1). */
  scale?: number;
  /** Gaussian blur sigma in pixels (1.2). */
  blur?: number;
  /** Noise standard deviation (0.04). */
  noise?: number;
  /** How much darker the dim side of the light may be (0.5). */
  lighting?: number;
}

/**
 * No augmentation at all: a clean glyph. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * renderGlyph("A", TRAINING_FONTS[0], new Rng(1), CLEAN); // upright, sharp, evenly lit
 * ```
 */
export const CLEAN: GlyphAugment = { rotation: 0, scale: 0, blur: 0, noise: 0, lighting: 0 };

/**
 * Draw one character as a small photo: dark ink on lit paper, its cap height
 * about 0.55 of `size`, rotated, blurred, noised and lit at random within
 * `augment`. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const page = renderGlyph("A", TRAINING_FONTS[0], new Rng(1)); // 64x64 grey image
 * ```
 */
export function renderGlyph(
  char: string,
  font: FontFace,
  rng: Rng,
  augment: GlyphAugment = {},
  size = 64,
): GreyImage {
  const { rotation = 8, scale = 0.1, blur = 1.2, noise = 0.04, lighting = 0.5 } = augment;
  const family = registerFont(font);
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, size, size);
  ctx.font = `100px "${family}"`;
  const cap = ctx.measureText("H").actualBoundingBoxAscent / 100;
  const px = (0.55 * size / cap) * rng.uniform(1 - scale, 1 + scale);
  ctx.font = `${px.toFixed(2)}px "${family}"`;
  const m = ctx.measureText(char);
  ctx.translate(size / 2 + rng.uniform(-1.5, 1.5), size / 2 + rng.uniform(-1.5, 1.5));
  ctx.rotate((rng.uniform(-rotation, rotation) * Math.PI) / 180);
  ctx.fillStyle = "#000";
  const inkLeft = -m.actualBoundingBoxLeft, inkRight = m.actualBoundingBoxRight;
  ctx.fillText(
    char,
    -(inkLeft + inkRight) / 2,
    (m.actualBoundingBoxAscent - m.actualBoundingBoxDescent) / 2,
  );
  const rgba = ctx.getImageData(0, 0, size, size).data;
  const paper = rng.uniform(0.75, 0.95), contrast = rng.uniform(0.6, 0.9);
  const light = lightingField(size, size, rng.uniform(0, lighting), rng);
  const page = greyImage(size, size);
  for (let i = 0; i < size * size; i++) {
    const coverage = 1 - rgba[4 * i] / 255;
    page.data[i] = paper * light.data[i] * (1 - contrast * coverage);
  }
  return addNoise(gaussianBlur(page, rng.uniform(0, blur)), rng.uniform(0, noise), rng);
}

/**
 * Cut the one character out of a glyph photo the way a photo is read:
 * adaptive threshold, components (all but specks belong to it), MNIST
 * centring. Returns 28*28 values, ink 1. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const x = glyphInput(renderGlyph("7", TRAINING_FONTS[0], new Rng(1))); // 784 values
 * ```
 */
export function glyphInput(page: GreyImage): Float32Array {
  const window = Math.round(0.55 * Math.min(page.width, page.height)) | 1;
  const labelled = labelComponents(adaptiveThreshold(page, { window }).mask);
  const parts = groupCharacters(labelled);
  if (parts.length === 0) throw new Error("glyphInput: no ink found in the glyph image.");
  const whole = {
    box: parts.map((p) => p.box).reduce(unionBox),
    area: parts.reduce((s, p) => s + p.area, 0),
    labels: parts.flatMap((p) => p.labels),
  };
  return centreLikeMnist(cropCharacter(labelled, whole));
}

/**
 * Options of {@link glyphSet}. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * glyphSet({ fonts: HELD_OUT_FONTS, perGlyph: 5, seed: 2 } satisfies GlyphSetOptions);
 * ```
 */
export interface GlyphSetOptions {
  /** Fonts to draw with ({@link TRAINING_FONTS}). */
  fonts?: FontFace[];
  /** Characters to draw, in class order ({@link CHARSET}). */
  chars?: string;
  /** Drawings per character and font (10). */
  perGlyph?: number;
  /** Seed of the augmentation and of the final shuffle (1). */
  seed?: number;
  augment?: GlyphAugment;
}

/**
 * A data set of printed characters: every character of `chars` in every
 * font, `perGlyph` times with fresh augmentation, centred like MNIST, shuffled;
 * the label of a sample is its character's index in `chars`. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const train = glyphSet({ perGlyph: 20, seed: 1 }); // 36 * 15 * 20 = 10,800 images
 * const test = glyphSet({ fonts: HELD_OUT_FONTS, perGlyph: 5, seed: 2 });
 * ```
 */
export function glyphSet(options: GlyphSetOptions = {}): ImageSet {
  const { fonts = TRAINING_FONTS, chars = CHARSET, perGlyph = 10, seed = 1, augment } = options;
  const rng = new Rng(seed);
  const n = fonts.length * chars.length * perGlyph, pixels = CHAR_FIELD * CHAR_FIELD;
  const order = rng.permutation(n);
  const images = new Float32Array(n * pixels), labels = new Int32Array(n);
  let k = 0;
  for (const font of fonts) {
    for (let c = 0; c < chars.length; c++) {
      for (let r = 0; r < perGlyph; r++, k++) {
        const slot = order[k];
        images.set(glyphInput(renderGlyph(chars[c], font, rng, augment)), slot * pixels);
        labels[slot] = c;
      }
    }
  }
  return new ImageSet(images, labels);
}
