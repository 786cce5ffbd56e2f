import assert from "node:assert/strict";
import { loadMnist } from "../lib/data/mnist.ts";
import { HELD_OUT_FONTS } from "../lib/ocr/fonts.ts";
import { photoOfDigits, photoOfText } from "../lib/ocr/photo.ts";

const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;

Deno.test("a text photo knows each character, in reading order, on its line", () => {
  const photo = photoOfText(["AB 12", "XYZ"], HELD_OUT_FONTS[0], { seed: 3 });
  assert.equal(photo.text, "AB 12\nXYZ");
  assert.deepEqual(photo.truth.map((t) => t.char), [..."AB12XYZ"]);
  assert.deepEqual(photo.truth.map((t) => t.line), [0, 0, 0, 0, 1, 1, 1]);
  const [a, b] = photo.truth;
  assert.ok(b.box.x > a.box.x + a.box.width - 2, "B comes after A");
  for (const t of photo.truth) {
    // Cap height 40, a little perspective: boxes 30 to 52 pixels high, inside the photo.
    assert.ok(t.box.height >= 30 && t.box.height <= 52, `${t.char}: ${t.box.height}`);
    assert.ok(t.box.x >= 0 && t.box.x + t.box.width <= photo.image.width);
  }
});

Deno.test("a photo is the same for the same seed and different for another", () => {
  const a = photoOfText(["7"], HELD_OUT_FONTS[4], { seed: 1 });
  const b = photoOfText(["7"], HELD_OUT_FONTS[4], { seed: 1 });
  const c = photoOfText(["7"], HELD_OUT_FONTS[4], { seed: 2 });
  assert.deepEqual(a.image.data, b.image.data);
  assert.notDeepEqual(a.image.data, c.image.data);
});

Deno.test("ink under a box is darker than the paper; an inverted photo is light on dark", () => {
  const photo = photoOfText(["HI"], HELD_OUT_FONTS[1], { seed: 4, lighting: 0 });
  const inside = (x: number, y: number) =>
    photo.truth.some((t) =>
      x >= t.box.x && x < t.box.x + t.box.width && y >= t.box.y && y < t.box.y + t.box.height
    );
  let ink = 0, nInk = 0, paper = 0, nPaper = 0;
  photo.image.data.forEach((v, i) => {
    const x = i % photo.image.width, y = Math.floor(i / photo.image.width);
    if (inside(x, y)) ink += v, nInk++;
    else paper += v, nPaper++;
  });
  assert.ok(ink / nInk < paper / nPaper - 0.2, `ink ${ink / nInk} vs paper ${paper / nPaper}`);
  const board = photoOfText(["HI"], HELD_OUT_FONTS[1], {
    seed: 4,
    invert: true,
    lighting: 0,
  });
  assert.ok(mean(board.image.data) < 0.3, `mean ${mean(board.image.data)}`);
});

Deno.test("a digit photo labels each digit with its MNIST class", () => {
  const { test } = loadMnist({ seed: 42 });
  const photo = photoOfDigits(test, [[0, 1, 2], [3, 4]], { seed: 5 });
  const labels = [0, 1, 2, 3, 4].map((i) => String(test.labels[i]));
  assert.deepEqual(photo.truth.map((t) => t.char), labels);
  assert.equal(photo.text, labels.slice(0, 3).join("") + "\n" + labels.slice(3).join(""));
  assert.throws(() => photoOfText([" "], HELD_OUT_FONTS[0]), /at least one character/);
});
