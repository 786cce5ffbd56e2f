import assert from "node:assert/strict";
import { measure } from "./helpers/measure.ts";
import { Rng } from "../lib/data/rng.ts";
import type { ImageSet } from "../lib/data/mnist.ts";
import { CHARSET, CLEAN, glyphInput, glyphSet, renderGlyph } from "../lib/ocr/glyphs.ts";
import { HELD_OUT_FONTS, TRAINING_FONTS } from "../lib/ocr/fonts.ts";

Deno.test("the character set is the ten digits then the 26 capitals", () => {
  assert.equal(CHARSET.length, 36);
  assert.equal(CHARSET.indexOf("7"), 7);
  assert.equal(CHARSET.indexOf("A"), 10);
});

Deno.test("a glyph is drawn the same for the same seed and differently for another", () => {
  const a = renderGlyph("R", TRAINING_FONTS[0], new Rng(4));
  const b = renderGlyph("R", TRAINING_FONTS[0], new Rng(4));
  const c = renderGlyph("R", TRAINING_FONTS[0], new Rng(5));
  assert.deepEqual(a.data, b.data);
  assert.notDeepEqual(a.data, c.data);
  assert.deepEqual([a.width, a.height], [64, 64]);
});

Deno.test("a clean I becomes a tall thin bar centred like MNIST, 20 pixels high", () => {
  const x = glyphInput(renderGlyph("I", TRAINING_FONTS[0], new Rng(1), CLEAN));
  const m = measure(x);
  assert.equal(m.height, 20);
  assert.ok(m.width <= 6, `width ${m.width}`);
  assert.ok(Math.abs(m.cx - 14) <= 0.5 && Math.abs(m.cy - 14) <= 0.5, `${m.cx}, ${m.cy}`);
});

Deno.test("a glyph set holds every character of every font perGlyph times, shuffled", () => {
  const set = glyphSet({ fonts: TRAINING_FONTS.slice(0, 2), chars: "AB7", perGlyph: 3, seed: 9 });
  assert.equal(set.length, 2 * 3 * 3);
  const counts = [0, 0, 0];
  for (const y of set.labels) counts[y]++;
  assert.deepEqual(counts, [6, 6, 6]);
  assert.notDeepEqual(Array.from(set.labels), [...set.labels].sort(), "classes are mixed");
  assert.ok(set.images.every((v) => v >= 0 && v <= 1));
});

/** Nearest-neighbour accuracy of `test` against `train`, by squared distance. */
function nearestNeighbour(train: ImageSet, test: ImageSet): number {
  let right = 0;
  for (let i = 0; i < test.length; i++) {
    const a = test.get(i).x;
    let best = -1, bestD = Infinity;
    for (let j = 0; j < train.length; j++) {
      const b = train.get(j).x;
      let d = 0;
      for (let p = 0; p < 784; p++) d += (a[p] - b[p]) ** 2;
      if (d < bestD) [best, bestD] = [j, d];
    }
    if (train.labels[best] === test.labels[i]) right++;
  }
  return right / test.length;
}

Deno.test("held-out fonts are recognisable from training fonts: 1-NN reads over 90% of them", () => {
  // No learning at all: if the centred glyphs carry their class across fonts,
  // the nearest training glyph already names most held-out ones.
  const train = glyphSet({ perGlyph: 1, augment: CLEAN, seed: 1 });
  const clean = glyphSet({ fonts: HELD_OUT_FONTS, perGlyph: 1, augment: CLEAN, seed: 2 });
  const rough = glyphSet({ fonts: HELD_OUT_FONTS, perGlyph: 1, seed: 3 });
  const a = nearestNeighbour(train, clean), b = nearestNeighbour(train, rough);
  assert.ok(a > 0.9, `clean held-out glyphs: ${a}`);
  assert.ok(b > 0.85, `augmented held-out glyphs: ${b}`);
});
