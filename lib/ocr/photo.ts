/**
 * Photo-like test images made by the project, with the truth: lines of text
 * drawn in a font (one kept out of training), or of given 28x28 digit images,
 * on paper with texture, seen at an angle (perspective), lit unevenly,
 * blurred and noisy. Every random choice comes from a seed.
 *
 * @module
 */
import { Rng } from "../data/rng.ts";
import type { ImageSet } from "../data/mnist.ts";
import { type GreyImage, greyImage } from "./image.ts";
import { resizeImage } from "./resample.ts";
import type { Box } from "./components.ts";
import { drawCharacter, type FontFace } from "./fonts.ts";
import {
  addNoise,
  applyHomography,
  gaussianBlur,
  lightingField,
  paperTexture,
  warpPerspective,
} from "./degrade.ts";

/**
 * How a photo is taken. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * photoOfText(["42"], HELD_OUT_FONTS[0], { seed: 1, blur: 1.5, lighting: 0.7 } satisfies PhotoOptions);
 * ```
 */
export interface PhotoOptions {
  /** Seed of every random choice (1). */
  seed?: number;
  /** Character height in pixels: cap height for text, digit box side for digits (40). */
  charHeight?: number;
  /** How far each page corner may move, as a share of the shorter side (0.04). */
  perspective?: number;
  /** Gaussian blur sigma in pixels (1). */
  blur?: number;
  /** Noise standard deviation (0.02). */
  noise?: number;
  /** How much darker the dim side of the light is (0.5: half as bright). */
  lighting?: number;
  /** How dark the ink is, as a share of the paper's brightness it removes (0.8). */
  contrast?: number;
  /** Light ink on a dark board instead of dark ink on paper (false). */
  invert?: boolean;
}

/**
 * One character of a photo and where it truly is. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * photo.truth[0]; // { char: "H", box: { x: 61, y: 58, width: 29, height: 39 }, line: 0 }
 * ```
 */
export interface TruthCharacter {
  char: string;
  /** Its box in the photo: around its own ink (coverage at least 0.5), as warped. */
  box: Box;
  /** Its line, 0 at the top. */
  line: number;
}

/**
 * A photo-like image and what it shows. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { image, truth, text }: Photo = photoOfText(["HELLO"], HELD_OUT_FONTS[0]);
 * ```
 */
export interface Photo {
  image: GreyImage;
  /** The characters in reading order (spaces left out). */
  truth: TruthCharacter[];
  /** The text, lines joined by newlines. */
  text: string;
}

interface Placed {
  char: string;
  ink: GreyImage;
  x: number;
  y: number;
  line: number;
}

/**
 * Make a photo of lines of text drawn in one font: characters laid on a
 * baseline with the font's own advances, spaces kept. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const photo = photoOfText(["HELLO 42", "WORLD"], HELD_OUT_FONTS[0], { seed: 7 });
 * photo.truth.length; // 12 characters, each with its box
 * ```
 */
export function photoOfText(lines: string[], font: FontFace, options: PhotoOptions = {}): Photo {
  const cap = options.charHeight ?? 40;
  const tracking = 0.12 * cap, leading = 2 * cap;
  const placed: Placed[] = [];
  lines.forEach((text, line) => {
    let pen = 0;
    for (const char of text) {
      const drawn = drawCharacter(char, font, cap);
      if (drawn.ink.width > 0) {
        placed.push({
          char,
          ink: drawn.ink,
          x: pen + drawn.left,
          y: line * leading + drawn.top,
          line,
        });
      }
      pen += drawn.advance + tracking;
    }
  });
  return compose(placed, lines.join("\n"), cap, options);
}

/**
 * Make a photo of 28x28 digit images (ink 1, such as held-out MNIST digits):
 * `lines` holds, per line, indices into `digits`, set side by side like
 * handwriting. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { test } = loadMnist({ seed: 42 });
 * const photo = photoOfDigits(test, [[0, 1, 2, 3], [4, 5, 6]], { seed: 3 });
 * ```
 */
export function photoOfDigits(
  digits: ImageSet,
  lines: number[][],
  options: PhotoOptions = {},
): Photo {
  const side = options.charHeight ?? 40;
  const rng = new Rng((options.seed ?? 1) + 1);
  const placed: Placed[] = [];
  lines.forEach((indices, line) => {
    let pen = 0;
    for (const i of indices) {
      const { x: pixels, y: label } = digits.get(i);
      const big = resizeImage(
        { width: digits.width, height: digits.height, data: Float32Array.from(pixels) },
        side,
        side,
      );
      let x0 = side, y0 = side, x1 = -1, y1 = -1;
      big.data.forEach((v, p) => {
        if (v < 0.2) return;
        const x = p % side, y = (p - x) / side;
        x0 = Math.min(x0, x), x1 = Math.max(x1, x), y0 = Math.min(y0, y), y1 = Math.max(y1, y);
      });
      if (x1 < 0) throw new Error(`photoOfDigits: digit image ${i} is blank.`);
      const ink = greyImage(x1 - x0 + 1, y1 - y0 + 1, 0);
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          ink.data[(y - y0) * ink.width + x - x0] = big.data[y * side + x];
        }
      }
      placed.push({ char: String(label), ink, x: pen, y: line * 1.8 * side + y0, line });
      pen += ink.width + rng.uniform(0.2, 0.45) * side;
    }
  });
  return compose(
    placed,
    lines.map((l) => l.map((i) => digits.get(i).y).join("")).join("\n"),
    side,
    options,
  );
}

/** Lay placed ink on a page and photograph it. */
function compose(placed: Placed[], text: string, height: number, options: PhotoOptions): Photo {
  if (placed.length === 0) throw new Error("A photo needs at least one character with ink.");
  const {
    seed = 1,
    perspective = 0.04,
    blur = 1,
    noise = 0.02,
    lighting = 0.5,
    contrast = 0.8,
    invert = false,
  } = options;
  const rng = new Rng(seed);
  const margin = Math.round(1.5 * height);
  const left = Math.min(...placed.map((p) => p.x)), top = Math.min(...placed.map((p) => p.y));
  const width = Math.ceil(Math.max(...placed.map((p) => p.x + p.ink.width)) - left) + 2 * margin;
  const tall = Math.ceil(Math.max(...placed.map((p) => p.y + p.ink.height)) - top) + 2 * margin;
  const coverage = greyImage(width, tall, 0);
  const flat = placed.map((p) => {
    const ox = Math.round(p.x - left) + margin, oy = Math.round(p.y - top) + margin;
    for (let y = 0; y < p.ink.height; y++) {
      for (let x = 0; x < p.ink.width; x++) {
        const i = (oy + y) * width + ox + x;
        coverage.data[i] = Math.max(coverage.data[i], p.ink.data[y * p.ink.width + x]);
      }
    }
    return { x: ox, y: oy, width: p.ink.width, height: p.ink.height };
  });
  const shift = perspective * Math.min(width, tall);
  const corners = [[0, 0], [width, 0], [width, tall], [0, tall]].map(([x, y]) => [
    x + rng.uniform(-shift, shift),
    y + rng.uniform(-shift, shift),
  ]);
  const { image: warped, forward } = warpPerspective(coverage, corners);
  const paper = paperTexture(width, tall, rng);
  const light = lightingField(width, tall, lighting, rng);
  const page = greyImage(width, tall);
  for (let i = 0; i < page.data.length; i++) {
    const lit = paper.data[i] * light.data[i] * (1 - contrast * warped.data[i]);
    page.data[i] = invert ? 1 - lit : lit;
  }
  const image = addNoise(gaussianBlur(page, blur), noise, rng);
  const truth = placed.map((p, k) => {
    // The box around the character's own ink (coverage of at least a half), as warped.
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    p.ink.data.forEach((v, i) => {
      if (v < 0.5) return;
      const x = i % p.ink.width, y = (i - x) / p.ink.width;
      const [u, w] = applyHomography(forward, [flat[k].x + x + 0.5, flat[k].y + y + 0.5]);
      x0 = Math.min(x0, u), x1 = Math.max(x1, u), y0 = Math.min(y0, w), y1 = Math.max(y1, w);
    });
    const box = { x: Math.floor(x0), y: Math.floor(y0), width: 0, height: 0 };
    box.width = Math.ceil(x1) - box.x, box.height = Math.ceil(y1) - box.y;
    return { char: p.char, box, line: p.line };
  });
  return { image, truth, text };
}
