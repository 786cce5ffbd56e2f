import assert from "node:assert/strict";
import { Rng } from "../lib/data/rng.ts";
import { loadMnist } from "../lib/data/mnist.ts";
import { greyImage, loadGreyImage } from "../lib/ocr/image.ts";
import type { Box } from "../lib/ocr/components.ts";
import { lineText } from "../lib/ocr/order.ts";
import { NoCharactersError, segment } from "../lib/ocr/segment.ts";
import { HELD_OUT_FONTS } from "../lib/ocr/fonts.ts";
import { type Photo, photoOfDigits, photoOfText } from "../lib/ocr/photo.ts";

/** Intersection over union of two boxes. */
function iou(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / (a.width * a.height + b.width * b.height - w * h);
}

/** Segment a photo and check count, order and boxes against its truth; the text read with the true labels. */
function checkAgainstTruth(photo: Photo): string {
  const seg = segment(photo.image);
  assert.equal(seg.characters.length, photo.truth.length, "number of characters");
  photo.truth.forEach((t, i) => {
    const overlap = iou(seg.characters[i].box, t.box);
    assert.ok(overlap > 0.5, `character ${i} (${t.char}): IoU ${overlap.toFixed(2)}`);
  });
  assert.equal(seg.crops.length, photo.truth.length * 784);
  return lineText(seg.lines, photo.truth.map((t) => t.char));
}

const TEXT = ["HELLO WORLD 42", "OCR READS 0123456789", "THE QUICK BROWN FOX"];

Deno.test("a photo of text in a held-out font: every character found, in order, boxes on the truth", () => {
  const photo = photoOfText(TEXT, HELD_OUT_FONTS[0], { seed: 11 });
  assert.equal(checkAgainstTruth(photo), TEXT.join("\n"));
});

Deno.test("a serif font, tilted further and lit harder, still segments right", () => {
  const photo = photoOfText(TEXT, HELD_OUT_FONTS[2], {
    seed: 12,
    perspective: 0.06,
    lighting: 0.6,
    noise: 0.03,
  });
  assert.equal(checkAgainstTruth(photo), TEXT.join("\n"));
});

Deno.test("chalk on a board (light on dark) is detected and segments the same way", () => {
  const photo = photoOfText(TEXT, HELD_OUT_FONTS[4], { seed: 13, invert: true });
  assert.equal(segment(photo.image).thresholded.polarity, "light-on-dark");
  assert.equal(checkAgainstTruth(photo), TEXT.join("\n"));
});

Deno.test("a photo of held-out handwritten digits on two lines", () => {
  const { test } = loadMnist({ seed: 42 });
  const lines = [[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13]];
  const photo = photoOfDigits(test, lines, { seed: 14 });
  assert.equal(checkAgainstTruth(photo).replace(/ /g, ""), photo.text);
});

Deno.test("each crop is centred like MNIST: mass at (14, 14), 20 pixels on its long side", () => {
  const seg = segment(photoOfText(["W1"], HELD_OUT_FONTS[0], { seed: 15 }).image);
  for (let c = 0; c < seg.characters.length; c++) {
    const x = seg.crops.subarray(c * 784, (c + 1) * 784);
    let t = 0, sx = 0, sy = 0, x0 = 28, x1 = -1, y0 = 28, y1 = -1;
    x.forEach((v, p) => {
      const col = p % 28, row = Math.floor(p / 28);
      t += v, sx += v * col, sy += v * row;
      if (v > 0.01) {
        x0 = Math.min(x0, col),
          x1 = Math.max(x1, col),
          y0 = Math.min(y0, row),
          y1 = Math.max(y1, row);
      }
    });
    assert.ok(Math.abs(sx / t - 14) <= 0.5 && Math.abs(sy / t - 14) <= 0.5, `crop ${c}`);
    assert.equal(Math.max(x1 - x0 + 1, y1 - y0 + 1), 20, `crop ${c}'s long side`);
  }
});

Deno.test("a blank page, white or noisy, says no characters found", () => {
  assert.throws(() => segment(greyImage(200, 100, 1)), NoCharactersError);
  assert.throws(() => segment(greyImage(200, 100, 1)), /No characters found.*blank/);
  const rng = new Rng(1);
  const paper = greyImage(300, 200);
  paper.data.forEach((_, i) => (paper.data[i] = 0.8 + rng.normal(0, 0.03)));
  assert.throws(() => segment(paper), /No characters found/);
});

Deno.test("the shipped photos (JPEG files in data/ocr) segment onto their recorded truth", async () => {
  const dir = new URL("../data/ocr/", import.meta.url).pathname;
  const truth = JSON.parse(await Deno.readTextFile(`${dir}truth.json`));
  for (const [name, t] of Object.entries(truth) as [string, TruthFile][]) {
    const grey = await loadGreyImage(`${dir}${name}`);
    assert.deepEqual([grey.width, grey.height], [t.width, t.height], name);
    const seg = segment(grey);
    assert.equal(seg.characters.length, t.characters.length, name);
    t.characters.forEach((c, i) => {
      const [x, y, width, height] = c.box;
      const overlap = iou(seg.characters[i].box, { x, y, width, height });
      assert.ok(overlap > 0.5, `${name}, character ${i} (${c.char}): IoU ${overlap.toFixed(2)}`);
    });
    const read = lineText(seg.lines, t.characters.map((c) => c.char));
    assert.equal(read.replace(/ /g, ""), t.text.replace(/ /g, ""), name);
  }
});

/** One photo's entry in data/ocr/truth.json. */
interface TruthFile {
  width: number;
  height: number;
  text: string;
  characters: { char: string; line: number; box: [number, number, number, number] }[];
}
