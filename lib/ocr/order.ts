/**
 * Reading order: boxes grouped into lines (a line may tilt a little, as in a
 * photo taken at an angle), lines from top to bottom, characters from left to
 * right, and the wider gaps between them marked as spaces.
 *
 * @module
 */
import type { Box } from "./components.ts";

/**
 * One line of text: indices into the boxes given, left to right. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * readingOrder(boxes)[0].indices; // the first line's boxes, left to right
 * ```
 */
export interface Line {
  /** Indices of the line's boxes, in reading order. */
  indices: number[];
  /** For each of them, whether a word gap comes before it. */
  spaceBefore: boolean[];
}

/**
 * Options of {@link readingOrder}. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * readingOrder(boxes, { spaceHeight: 0.6 } satisfies OrderOptions);
 * ```
 */
export interface OrderOptions {
  /** A box joins a line when it shares this share of the smaller height with the line's last box (0.4). */
  overlap?: number;
  /** A gap is a space when wider than this many of the line's median heights (0.5)... */
  spaceHeight?: number;
  /** ...and wider than this many median letter gaps of the line (1.5). */
  spaceGap?: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

function verticalOverlap(a: Box, b: Box): number {
  const shared = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return shared / Math.min(a.height, b.height);
}

/**
 * Put boxes in reading order: sweep them left to right, each joining the line
 * whose last box it overlaps most vertically (or starting a new line), then
 * order the lines by their mean height on the page. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const lines = readingOrder(characters.map((c) => c.box));
 * lines.map((l) => l.indices); // e.g. [[2, 0, 1], [3, 4]]
 * ```
 */
export function readingOrder(boxes: Box[], options: OrderOptions = {}): Line[] {
  const { overlap = 0.4, spaceHeight = 0.5, spaceGap = 1.5 } = options;
  const byX = boxes.map((_, i) => i).sort((i, j) =>
    boxes[i].x + boxes[i].width / 2 - (boxes[j].x + boxes[j].width / 2)
  );
  const lines: number[][] = [];
  for (const i of byX) {
    let best = -1, bestOverlap = overlap;
    lines.forEach((line, l) => {
      const shared = verticalOverlap(boxes[line[line.length - 1]], boxes[i]);
      if (shared >= bestOverlap) [best, bestOverlap] = [l, shared];
    });
    if (best < 0) lines.push([i]);
    else lines[best].push(i);
  }
  const centre = (line: number[]) =>
    line.reduce((s, i) => s + boxes[i].y + boxes[i].height / 2, 0) / line.length;
  lines.sort((a, b) => centre(a) - centre(b));
  return lines.map((indices) => {
    const gaps = indices.slice(1).map((i, k) => {
      const prev = boxes[indices[k]];
      return boxes[i].x - (prev.x + prev.width);
    });
    const height = median(indices.map((i) => boxes[i].height));
    // The typical gap between letters, from the gaps too narrow to be spaces.
    const typicalGap = Math.max(0, median(gaps.filter((g) => g <= spaceHeight * height)));
    const spaceBefore = [
      false,
      ...gaps.map((g) => g > spaceHeight * height && g > spaceGap * typicalGap),
    ];
    return { indices, spaceBefore };
  });
}

/**
 * The text of lines in reading order, from one label per box: words split by
 * spaces, lines by newlines. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * lineText(readingOrder(boxes), ["B", "A", "C"]); // "AB C"
 * ```
 */
export function lineText(lines: Line[], labels: string[]): string {
  return lines.map((line) =>
    line.indices.map((i, k) => (line.spaceBefore[k] ? " " : "") + labels[i]).join("")
  ).join("\n");
}
