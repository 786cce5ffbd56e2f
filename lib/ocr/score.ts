/**
 * How well a reader reads photos: the project's photo-like test images
 * (held-out fonts; held-out handwritten digits), each character read matched
 * to the true one by the overlap of their boxes, and the share read right.
 *
 * @module
 */
import type { ImageSet } from "../data/mod.ts";
import type { Box } from "./components.ts";
import { HELD_OUT_FONTS } from "./fonts.ts";
import { type Photo, photoOfDigits, photoOfText, type PhotoOptions } from "./photo.ts";
import { readImage, type Reading, type ReadOptions } from "./read.ts";
import type { Reader } from "./reader.ts";
import type { TruthCharacter } from "./photo.ts";

/**
 * Intersection over union of two boxes: 1 for the same box, 0 when apart. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * boxIoU({ x: 0, y: 0, width: 2, height: 2 }, { x: 1, y: 0, width: 2, height: 2 }); // 1/3
 * ```
 */
export function boxIoU(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / (a.width * a.height + b.width * b.height - w * h);
}

/**
 * A photo to test on, with a name. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { name, photo }: TestPhoto = textTestPhotos()[0];
 * ```
 */
export interface TestPhoto {
  name: string;
  photo: Photo;
}

/**
 * The lines of the printed test photos: together every character of 0-9 and A-Z. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * photoOfText(TEST_LINES[0], HELD_OUT_FONTS[0]);
 * ```
 */
export const TEST_LINES: string[][] = [
  ["THE QUICK BROWN FOX", "JUMPS OVER 13 LAZY DOGS"],
  ["PACK MY BOX WITH 24", "LIQUOR JUGS 0 5 6 7 8 9"],
  ["HELLO WORLD 42", "OCR READS 0123456789"],
];

/** How each set of test lines is photographed: plain, softer and darker, chalk on a board. */
const TEST_TAKES: PhotoOptions[] = [
  {},
  { blur: 1.4, noise: 0.03, lighting: 0.6 },
  { invert: true, perspective: 0.06 },
];

/**
 * The printed test photos: each of {@link TEST_LINES} in each held-out font
 * (never seen in training), photographed three ways (plain; blurrier, noisier
 * and darker; light on dark at a steeper angle). 18 photos, 576 characters.
 * Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const photos = textTestPhotos();
 * photos[0].name; // "Liberation Sans, take 1"
 * ```
 */
export function textTestPhotos(): TestPhoto[] {
  return HELD_OUT_FONTS.flatMap((font, f) =>
    TEST_LINES.map((lines, s) => ({
      name: `${font.name}, take ${s + 1}`,
      photo: photoOfText(lines, font, { seed: 1000 + 10 * f + s, ...TEST_TAKES[s] }),
    }))
  );
}

/**
 * Photos of every digit of a (held-out) digit set, `perLine` digits a line and
 * `lines` lines a photo, each photo taken with its own seed. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const photos = digitTestPhotos(loadMnist({ seed: 42 }).test); // 13 photos of 77 digits
 * ```
 */
export function digitTestPhotos(digits: ImageSet, perLine = 11, lines = 7): TestPhoto[] {
  const perPhoto = perLine * lines, out: TestPhoto[] = [];
  for (let start = 0, p = 0; start < digits.length; start += perPhoto, p++) {
    const rows: number[][] = [];
    for (let s = start; s < Math.min(start + perPhoto, digits.length); s += perLine) {
      rows.push(
        Array.from({ length: Math.min(perLine, digits.length - s) }, (_, k) => s + k),
      );
    }
    out.push({
      name: `digits ${start}-${start + rows.flat().length - 1}`,
      photo: photoOfDigits(digits, rows, { seed: 2000 + p }),
    });
  }
  return out;
}

/**
 * One character that was not read right: the truth, what was read (null when
 * no box matched it) and how sure the model was. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { truth, read, confidence }: Mistake = score.mistakes[0]; // e.g. "O", "0", 0.61
 * ```
 */
export interface Mistake {
  truth: string;
  read: string | null;
  confidence: number;
  /** The true box. */
  box: Box;
  /** The photo it is in, when scored over many. */
  photo?: string;
}

/**
 * A reading scored against the truth. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { right, total, extra, mistakes }: Score = scoreReading(reading, photo.truth);
 * ```
 */
export interface Score {
  /** True characters read right. */
  right: number;
  /** True characters. */
  total: number;
  /** Characters read where there were none (noise taken for ink). */
  extra: number;
  mistakes: Mistake[];
}

/**
 * Score a reading against the true characters: each true character is
 * matched to the unmatched read box that overlaps it most (IoU above 0.5),
 * and counts as right when that box was read as the same character.
 * Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const score = scoreReading(await readImage(photo.image, reader), photo.truth);
 * score.right / score.total; // the share of characters read right
 * ```
 */
export function scoreReading(reading: Reading, truth: TruthCharacter[]): Score {
  const used = new Uint8Array(reading.characters.length);
  const mistakes: Mistake[] = [];
  let right = 0;
  for (const t of truth) {
    let best = -1, bestIoU = 0.5;
    reading.characters.forEach((c, i) => {
      const overlap = used[i] ? 0 : boxIoU(c.box, t.box);
      if (overlap > bestIoU) [best, bestIoU] = [i, overlap];
    });
    if (best < 0) {
      mistakes.push({ truth: t.char, read: null, confidence: 0, box: t.box });
      continue;
    }
    used[best] = 1;
    const c = reading.characters[best];
    if (c.char === t.char) right++;
    else mistakes.push({ truth: t.char, read: c.char, confidence: c.confidence, box: t.box });
  }
  const extra = used.length - used.reduce((s, u) => s + u, 0);
  return { right, total: truth.length, extra, mistakes };
}

/**
 * The result of {@link readingAccuracy}. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { accuracy, perPhoto, mistakes }: AccuracyReport = await readingAccuracy(reader, photos);
 * ```
 */
export interface AccuracyReport extends Score {
  /** right / total. */
  accuracy: number;
  /** Each photo's name, score, and the text read against the true text. */
  perPhoto: { name: string; right: number; total: number; read: string; truth: string }[];
}

/**
 * Read every photo with a reader and score the characters against the truth. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const report = await readingAccuracy(await loadReader("printed"), textTestPhotos());
 * report.accuracy; // e.g. 0.99
 * ```
 */
export async function readingAccuracy(
  reader: Reader,
  photos: TestPhoto[],
  options: ReadOptions = {},
): Promise<AccuracyReport> {
  if (photos.length === 0) throw new Error("readingAccuracy: no photos to read.");
  const report: AccuracyReport = {
    accuracy: 0,
    right: 0,
    total: 0,
    extra: 0,
    mistakes: [],
    perPhoto: [],
  };
  for (const { name, photo } of photos) {
    const reading = await readImage(photo.image, reader, options);
    const score = scoreReading(reading, photo.truth);
    report.right += score.right;
    report.total += score.total;
    report.extra += score.extra;
    report.mistakes.push(...score.mistakes.map((m) => ({ ...m, photo: name })));
    report.perPhoto.push({
      name,
      right: score.right,
      total: score.total,
      read: reading.text,
      truth: photo.text,
    });
  }
  report.accuracy = report.right / report.total;
  return report;
}
