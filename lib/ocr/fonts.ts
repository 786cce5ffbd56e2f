/**
 * Debian's font files for printed characters, split once and for all into
 * the fonts glyphs are learnt from and the fonts kept out to test on, and
 * each character's ink drawn with `@napi-rs/canvas` where it sits on a line.
 *
 * @module
 */
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import { type GreyImage, greyImage } from "./image.ts";

/**
 * A font file from a Debian package. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const face: FontFace = { name: "DejaVu Sans", file: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", package: "fonts-dejavu-core" };
 * ```
 */
export interface FontFace {
  name: string;
  file: string;
  /** The Debian package that installs the file. */
  package: string;
}

const face = (name: string, dir: string, file: string, pkg: string): FontFace => ({
  name,
  file: `/usr/share/fonts/truetype/${dir}/${file}`,
  package: pkg,
});
const dejavu = (name: string, file: string) => face(name, "dejavu", file, "fonts-dejavu-core");
const free = (name: string, file: string) => face(name, "freefont", file, "fonts-freefont-ttf");
const noto = (name: string, file: string) => face(name, "noto", file, "fonts-noto-core");
const liberation = (name: string, file: string) =>
  face(name, "liberation2", file, "fonts-liberation2");

/**
 * The fonts glyphs are learnt from: DejaVu, GNU FreeFont and Noto Serif faces. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * TRAINING_FONTS.map((f) => f.name); // ["DejaVu Sans", "DejaVu Sans Bold", ...]
 * ```
 */
export const TRAINING_FONTS: FontFace[] = [
  dejavu("DejaVu Sans", "DejaVuSans.ttf"),
  dejavu("DejaVu Sans Bold", "DejaVuSans-Bold.ttf"),
  dejavu("DejaVu Sans Oblique", "DejaVuSans-Oblique.ttf"),
  dejavu("DejaVu Sans Condensed", "DejaVuSansCondensed.ttf"),
  dejavu("DejaVu Sans Mono", "DejaVuSansMono.ttf"),
  dejavu("DejaVu Serif", "DejaVuSerif.ttf"),
  dejavu("DejaVu Serif Bold", "DejaVuSerif-Bold.ttf"),
  free("FreeSans", "FreeSans.ttf"),
  free("FreeSans Bold", "FreeSansBold.ttf"),
  free("FreeSerif", "FreeSerif.ttf"),
  free("FreeSerif Bold", "FreeSerifBold.ttf"),
  free("FreeMono", "FreeMono.ttf"),
  free("FreeMono Bold", "FreeMonoBold.ttf"),
  noto("Noto Serif", "NotoSerif-Regular.ttf"),
  noto("Noto Serif Bold", "NotoSerif-Bold.ttf"),
];

/**
 * The fonts kept out of training, to test on: Liberation and Noto Sans faces. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * photoOfText(["HELLO"], HELD_OUT_FONTS[4]); // Noto Sans, never seen in training
 * ```
 */
export const HELD_OUT_FONTS: FontFace[] = [
  liberation("Liberation Sans", "LiberationSans-Regular.ttf"),
  liberation("Liberation Sans Bold", "LiberationSans-Bold.ttf"),
  liberation("Liberation Serif", "LiberationSerif-Regular.ttf"),
  liberation("Liberation Mono", "LiberationMono-Regular.ttf"),
  noto("Noto Sans", "NotoSans-Regular.ttf"),
  noto("Noto Sans Bold", "NotoSans-Bold.ttf"),
];

const registered = new Map<string, string>();

/**
 * Register a font file with the canvas and return the family name to draw
 * with; a missing file is an error naming the apt command that installs it.
 * Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const family = registerFont(HELD_OUT_FONTS[0]); // "ocr-Liberation Sans"
 * ```
 */
export function registerFont(font: FontFace): string {
  const known = registered.get(font.file);
  if (known) return known;
  try {
    Deno.statSync(font.file);
  } catch {
    throw new Error(
      `Font file ${font.file} (${font.name}) is missing: install it with ` +
        `\`apt-get install -y --no-install-recommends ${font.package}\`.`,
    );
  }
  const family = `ocr-${font.name}`;
  if (!GlobalFonts.registerFromPath(font.file, family)) {
    throw new Error(`The canvas could not load ${font.file} (${font.name}); is the file damaged?`);
  }
  registered.set(font.file, family);
  return family;
}

/**
 * A character's ink as drawn on a line: coverage 0..1 cut tight, and where it sits. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { ink, left, top, advance }: DrawnCharacter = drawCharacter("Q", HELD_OUT_FONTS[2], 40);
 * ```
 */
export interface DrawnCharacter {
  /** Ink coverage (1 = ink), cut tight around the ink. */
  ink: GreyImage;
  /** From the pen position to the ink's left edge, in pixels. */
  left: number;
  /** From the baseline to the ink's top edge (negative: above the baseline). */
  top: number;
  /** How far the pen moves on after this character. */
  advance: number;
}

/**
 * The font size in pixels that gives capital letters a cap height of `capHeight` pixels.
 * Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * fontSizeForCapHeight(HELD_OUT_FONTS[0], 40); // about 55 for Liberation Sans
 * ```
 */
export function fontSizeForCapHeight(font: FontFace, capHeight: number): number {
  const ctx = createCanvas(8, 8).getContext("2d");
  ctx.font = `100px "${registerFont(font)}"`;
  return (capHeight * 100) / ctx.measureText("H").actualBoundingBoxAscent;
}

/**
 * Draw one character with a font at a cap height, returning its ink and its
 * place relative to the pen and the baseline (a space has empty ink).
 * Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const a = drawCharacter("A", HELD_OUT_FONTS[0], 40); // a.ink.height is about 40
 * ```
 */
export function drawCharacter(char: string, font: FontFace, capHeight: number): DrawnCharacter {
  const px = fontSizeForCapHeight(font, capHeight);
  const size = Math.ceil(2.5 * px), ox = Math.round(0.5 * px), oy = Math.round(1.5 * px);
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext("2d");
  ctx.font = `${px.toFixed(2)}px "${registerFont(font)}"`;
  ctx.fillStyle = "#000";
  ctx.fillText(char, ox, oy);
  const advance = ctx.measureText(char).width;
  const alpha = ctx.getImageData(0, 0, size, size).data;
  let x0 = size, y0 = size, x1 = -1, y1 = -1;
  for (let i = 0; i < size * size; i++) {
    if (alpha[4 * i + 3] === 0) continue;
    const x = i % size, y = (i - x) / size;
    x0 = Math.min(x0, x), x1 = Math.max(x1, x), y0 = Math.min(y0, y), y1 = Math.max(y1, y);
  }
  if (x1 < 0) {
    return { ink: { width: 0, height: 0, data: new Float32Array(0) }, left: 0, top: 0, advance };
  }
  const ink = greyImage(x1 - x0 + 1, y1 - y0 + 1, 0);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      ink.data[(y - y0) * ink.width + x - x0] = alpha[4 * (y * size + x) + 3] / 255;
    }
  }
  return { ink, left: x0 - ox, top: y0 - oy, advance };
}
