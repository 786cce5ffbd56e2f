import assert from "node:assert/strict";
import { Rng } from "../lib/data/rng.ts";
import { type GreyImage, greyImage } from "../lib/ocr/image.ts";
import {
  adaptiveThreshold,
  defaultWindow,
  detectPolarity,
  integralImages,
  localStats,
} from "../lib/ocr/threshold.ts";

const W = 240, H = 120;

/** Where the ink is: bars, a ring and a cross, 4 to 6 pixels thick, spread over the page. */
function inkTruth(): Uint8Array {
  const ink = new Uint8Array(W * H);
  const fill = (x0: number, y0: number, w: number, h: number) => {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) ink[y * W + x] = 1;
  };
  for (let k = 0; k < 6; k++) fill(15 + 38 * k, 30, 5, 60); // six upright bars
  fill(15, 100, 210, 4); // one long underline, across all the lighting
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const r = Math.hypot(x - 200, y - 14);
      if (r >= 6 && r <= 11) ink[y * W + x] = 1; // a ring
    }
  }
  return ink;
}

/** Paper lit from the right: 0.3 on the left up to 0.95 on the right; ink a quarter of the paper's brightness; noise 0.02. */
function unevenPage(ink: Uint8Array, seed = 1): GreyImage {
  const rng = new Rng(seed);
  const img = greyImage(W, H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const paper = 0.3 + 0.65 * (x / (W - 1));
      img.data[y * W + x] = (ink[y * W + x] ? 0.25 * paper : paper) + rng.normal(0, 0.02);
    }
  }
  return img;
}

function errors(mask: Uint8Array, truth: Uint8Array): number {
  let wrong = 0;
  for (let i = 0; i < truth.length; i++) if (mask[i] !== truth[i]) wrong++;
  return wrong;
}

Deno.test("integral images give any box's sum, as a plain double loop does", () => {
  const img = unevenPage(inkTruth());
  const { sum } = integralImages(img);
  let direct = 0;
  for (let y = 10; y < 50; y++) for (let x = 20; x < 90; x++) direct += img.data[y * W + x];
  const W1 = W + 1;
  const fast = sum[50 * W1 + 90] - sum[10 * W1 + 90] - sum[50 * W1 + 20] + sum[10 * W1 + 20];
  assert.ok(Math.abs(fast - direct) < 1e-6, `${fast} vs ${direct}`);
  const { mean, std } = localStats(greyImage(9, 9, 0.4), 5);
  assert.ok(mean.every((m) => Math.abs(m - 0.4) < 1e-6) && std.every((s) => s < 1e-3));
});

Deno.test("on a page lit unevenly, the adaptive threshold recovers the ink within 2% of its pixels", () => {
  const truth = inkTruth();
  const inkPixels = truth.reduce((a, b) => a + b, 0);
  const page = unevenPage(truth);
  const { mask, polarity, window } = adaptiveThreshold(page);
  assert.equal(polarity, "dark-on-light");
  assert.equal(window, defaultWindow(page));
  const wrong = errors(mask.data, truth);
  assert.ok(wrong < 0.02 * inkPixels, `${wrong} of ${inkPixels} ink pixels wrong`);
  // One global threshold cannot do it: at 0.5 the dim left half of the paper turns to ink.
  const global = page.data.map((v) => (v < 0.5 ? 1 : 0));
  assert.ok(errors(Uint8Array.from(global), truth) > 2 * inkPixels);
});

Deno.test("light ink on a dark board is detected and gives the same ink", () => {
  const truth = inkTruth();
  const page = unevenPage(truth);
  const board = { ...page, data: page.data.map((v) => 1 - v) };
  assert.equal(detectPolarity(page), "dark-on-light");
  assert.equal(detectPolarity(board), "light-on-dark");
  const { mask, polarity } = adaptiveThreshold(board);
  assert.equal(polarity, "light-on-dark");
  assert.ok(errors(mask.data, truth) < 0.02 * truth.reduce((a, b) => a + b, 0));
});

Deno.test("a blank page, even a noisy one, holds no ink", () => {
  const rng = new Rng(3);
  const blank = greyImage(W, H, 1);
  assert.equal(adaptiveThreshold(blank).mask.data.reduce((a, b) => a + b, 0), 0);
  const paper = greyImage(W, H);
  paper.data.forEach((_, i) => (paper.data[i] = 0.85 + rng.normal(0, 0.02)));
  const stray = adaptiveThreshold(paper).mask.data.reduce((a, b) => a + b, 0);
  assert.ok(stray < 0.001 * W * H, `${stray} stray ink pixels`);
});

Deno.test("a window that is not an odd integer of at least 3 is refused", () => {
  assert.throws(() => adaptiveThreshold(greyImage(10, 10), { window: 1 }), /at least 3/);
});
