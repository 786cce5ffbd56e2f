import assert from "node:assert/strict";
import type { Mask } from "../lib/ocr/image.ts";
import { groupCharacters, labelComponents, unionBox } from "../lib/ocr/components.ts";

/** A blank mask with filled rectangles [x, y, width, height]. */
function maskOf(width: number, height: number, rects: number[][]): Mask {
  const data = new Uint8Array(width * height);
  for (const [x0, y0, w, h] of rects) {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) data[y * width + x] = 1;
  }
  return { width, height, data };
}

Deno.test("two rectangles are two components with their own boxes and areas", () => {
  const { components, labels } = labelComponents(maskOf(30, 20, [[2, 3, 5, 4], [12, 1, 3, 10]]));
  assert.deepEqual(components, [
    { label: 1, box: { x: 12, y: 1, width: 3, height: 10 }, area: 30 },
    { label: 2, box: { x: 2, y: 3, width: 5, height: 4 }, area: 20 },
  ]);
  assert.equal(labels[3 * 30 + 2], 2);
  assert.equal(labels[0], 0);
});

Deno.test("a U shape, whose arms meet only at the bottom, is one component", () => {
  const u = maskOf(12, 12, [[1, 1, 2, 10], [9, 1, 2, 10], [1, 9, 10, 2]]);
  const { components } = labelComponents(u);
  assert.equal(components.length, 1);
  assert.deepEqual(components[0].box, { x: 1, y: 1, width: 10, height: 10 });
  assert.equal(components[0].area, 20 + 20 + 20 - 8);
});

Deno.test("diagonal neighbours join with 8-connectivity but not with 4", () => {
  const diagonal = maskOf(3, 3, [[0, 0, 1, 1], [1, 1, 1, 1], [2, 2, 1, 1]]);
  assert.equal(labelComponents(diagonal, 8).components.length, 1);
  assert.equal(labelComponents(diagonal, 4).components.length, 3);
});

Deno.test("an i made of a bar and a dot is one character; its neighbours stay apart", () => {
  // Three bars 4 wide and 20 high, the middle one with a 4x4 dot 3 pixels above it.
  const mask = maskOf(60, 40, [[5, 12, 4, 20], [25, 12, 4, 20], [25, 5, 4, 4], [45, 12, 4, 20]]);
  assert.equal(labelComponents(mask).components.length, 4);
  const chars = groupCharacters(labelComponents(mask));
  assert.equal(chars.length, 3);
  const i = chars.find((c) => c.box.x === 25)!;
  assert.deepEqual(i.box, { x: 25, y: 5, width: 4, height: 27 });
  assert.equal(i.area, 80 + 16);
  assert.equal(i.labels.length, 2);
});

Deno.test("a stroke broken in two by the threshold is mended, but two lines of text are not", () => {
  // A bar 24 high broken at rows 14-15, next to whole bars, and a second line below.
  const mask = maskOf(60, 70, [
    [5, 4, 4, 10],
    [5, 16, 4, 12],
    [20, 4, 4, 24],
    [35, 4, 4, 24],
    [5, 38, 4, 24],
    [20, 38, 4, 24],
  ]);
  const chars = groupCharacters(labelComponents(mask));
  assert.equal(chars.length, 5);
  assert.ok(chars.some((c) => c.box.x === 5 && c.box.y === 4 && c.box.height === 24));
  assert.ok(chars.some((c) => c.box.x === 5 && c.box.y === 38), "the bar below is its own");
});

Deno.test("specks of noise are dropped, characters are kept", () => {
  const mask = maskOf(80, 40, [
    [10, 10, 5, 20],
    [30, 10, 5, 20],
    [50, 2, 1, 1],
    [60, 35, 2, 2],
    [70, 5, 3, 2],
  ]);
  const chars = groupCharacters(labelComponents(mask));
  assert.deepEqual(chars.map((c) => c.box.x).sort((a, b) => a - b), [10, 30]);
});

Deno.test("the union of two boxes holds both", () => {
  assert.deepEqual(
    unionBox({ x: 2, y: 5, width: 3, height: 3 }, { x: 4, y: 1, width: 5, height: 2 }),
    { x: 2, y: 1, width: 7, height: 7 },
  );
});
