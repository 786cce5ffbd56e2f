import assert from "node:assert/strict";
import { Rng } from "../lib/data/rng.ts";
import type { Box } from "../lib/ocr/components.ts";
import { lineText, readingOrder } from "../lib/ocr/order.ts";

const box = (x: number, y: number, width = 10, height = 20): Box => ({ x, y, width, height });

Deno.test("two lines of blobs, given shuffled, come back line by line, left to right", () => {
  // "HELLO" on a line at y=10, "WORLD" at y=50, letters 14 px apart.
  const truth = [..."HELLO"].map((c, i) => ({ c, b: box(10 + 14 * i, 10) }))
    .concat([..."WORLD"].map((c, i) => ({ c, b: box(12 + 14 * i, 50) })));
  const shuffled = new Rng(5).shuffle([...truth]);
  const lines = readingOrder(shuffled.map((t) => t.b));
  assert.equal(lines.length, 2);
  assert.equal(lineText(lines, shuffled.map((t) => t.c)), "HELLO\nWORLD");
});

Deno.test("a line tilted by a photo taken at an angle stays one line", () => {
  // Each letter 3 px lower than the last: 27 px of drift over ten letters of height 20.
  const boxes = Array.from({ length: 10 }, (_, i) => box(10 + 14 * i, 10 + 3 * i));
  const below = Array.from({ length: 10 }, (_, i) => box(10 + 14 * i, 60 + 3 * i));
  const lines = readingOrder([...below, ...boxes]);
  assert.deepEqual(lines.map((l) => l.indices), [
    Array.from({ length: 10 }, (_, i) => 10 + i),
    Array.from({ length: 10 }, (_, i) => i),
  ]);
});

Deno.test("a gap much wider than the others is a word space", () => {
  const xs = [0, 14, 28, 60, 74]; // gaps 4, 4, 22, 4: one space before the fourth
  const lines = readingOrder(xs.map((x) => box(x, 0)));
  assert.deepEqual(lines[0].spaceBefore, [false, false, false, true, false]);
  assert.equal(lineText(lines, [..."ABCDE"]), "ABC DE");
});

Deno.test("boxes of different heights on one line (a dotted i, a short bar) stay on it", () => {
  const boxes = [box(0, 10), box(14, 4, 4, 26), box(24, 18, 10, 6), box(40, 10)];
  const lines = readingOrder(boxes);
  assert.deepEqual(lines.map((l) => l.indices), [[0, 1, 2, 3]]);
});

Deno.test("no boxes, no lines", () => {
  assert.deepEqual(readingOrder([]), []);
});
