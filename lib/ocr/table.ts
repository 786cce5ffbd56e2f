/**
 * Readings as tables (polars DataFrames, shown as HTML tables in Jupyter):
 * one row per character read, or one row per photo scored.
 *
 * @module
 */
import pl from "nodejs-polars";
import type { Reading } from "./read.ts";
import type { AccuracyReport } from "./score.ts";

/**
 * One row per character read: the character, the model's confidence, its
 * second guess, its line and its box. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * readingFrame(await readImage("data/ocr/photo_colour.jpg", reader)); // 29 rows
 * ```
 */
export function readingFrame(reading: Reading): pl.DataFrame {
  const c = reading.characters;
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return pl.DataFrame({
    char: c.map((r) => r.char),
    confidence: c.map((r) => round(r.confidence)),
    runnerUp: c.map((r) => r.runnerUp.char),
    runnerUpConfidence: c.map((r) => round(r.runnerUp.confidence)),
    line: c.map((r) => r.line),
    x: c.map((r) => r.box.x),
    y: c.map((r) => r.box.y),
    width: c.map((r) => r.box.width),
    height: c.map((r) => r.box.height),
  });
}

/**
 * One row per photo of an accuracy report: its name, characters right of all,
 * and the text read next to the true text. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * accuracyFrame(await readingAccuracy(reader, textTestPhotos()));
 * ```
 */
export function accuracyFrame(report: AccuracyReport): pl.DataFrame {
  const p = report.perPhoto;
  return pl.DataFrame({
    photo: p.map((r) => r.name),
    right: p.map((r) => r.right),
    characters: p.map((r) => r.total),
    accuracy: p.map((r) => Math.round((1e4 * r.right) / r.total) / 1e4),
    read: p.map((r) => r.read.replace(/\n/g, " / ")),
    truth: p.map((r) => r.truth.replace(/\n/g, " / ")),
  });
}
