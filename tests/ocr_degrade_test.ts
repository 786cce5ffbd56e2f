import assert from "node:assert/strict";
import { Rng } from "../lib/data/rng.ts";
import { greyImage } from "../lib/ocr/image.ts";
import {
  addNoise,
  applyHomography,
  gaussianBlur,
  homography,
  lightingField,
  paperTexture,
  warpPerspective,
} from "../lib/ocr/degrade.ts";

const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;

Deno.test("blurring one bright pixel spreads it as a Gaussian of the given sigma", () => {
  const dot = greyImage(41, 41, 0);
  dot.data[20 * 41 + 20] = 1;
  const blurred = gaussianBlur(dot, 2);
  const total = blurred.data.reduce((s, v) => s + v, 0);
  let varX = 0;
  blurred.data.forEach((v, i) => (varX += v * ((i % 41) - 20) ** 2));
  assert.ok(Math.abs(total - 1) < 1e-5, `mass ${total}`);
  assert.ok(Math.abs(varX / total - 4) < 0.05, `variance ${varX / total}, sigma^2 = 4`);
  const flat = gaussianBlur(greyImage(10, 10, 0.3), 1.5);
  assert.ok(flat.data.every((v) => Math.abs(v - 0.3) < 1e-6), "a flat page stays flat");
});

Deno.test("noise has the standard deviation asked for, and the same seed gives the same noise", () => {
  const page = greyImage(100, 100, 0.5);
  const a = addNoise(page, 0.05, new Rng(1)), b = addNoise(page, 0.05, new Rng(1));
  const m = mean(a.data);
  const sd = Math.sqrt(mean(a.data.map((v) => (v - m) ** 2)));
  assert.ok(Math.abs(m - 0.5) < 0.002 && Math.abs(sd - 0.05) < 0.002, `mean ${m}, sd ${sd}`);
  assert.deepEqual(a.data, b.data);
});

Deno.test("the lighting field spans 1 - strength to 1", () => {
  const light = lightingField(80, 60, 0.4, new Rng(2));
  const lo = Math.min(...light.data), hi = Math.max(...light.data);
  assert.ok(Math.abs(lo - 0.6) < 1e-5 && Math.abs(hi - 1) < 1e-5, `${lo}..${hi}`);
  const paper = paperTexture(120, 80, new Rng(3), 0.85);
  assert.ok(Math.abs(mean(paper.data) - 0.85) < 0.03);
});

Deno.test("a homography maps its four points exactly, and the identity is the identity", () => {
  const from = [[0, 0], [100, 0], [100, 50], [0, 50]];
  const to = [[5, 3], [98, -2], [104, 55], [-3, 47]];
  const h = homography(from, to);
  from.forEach((p, i) => {
    const [u, v] = applyHomography(h, p);
    assert.ok(Math.abs(u - to[i][0]) < 1e-9 && Math.abs(v - to[i][1]) < 1e-9);
  });
  homography(from, from).forEach((v, i) =>
    assert.ok(Math.abs(v - [1, 0, 0, 0, 1, 0, 0, 0, 1][i]) < 1e-12)
  );
  assert.throws(() => homography([[0, 0], [1, 1], [2, 2], [3, 3]], to), /on a line/);
});

Deno.test("warping to the image's own corners changes nothing; a shift moves the ink", () => {
  const img = greyImage(20, 10, 0);
  img.data[3 * 20 + 4] = 1;
  const same = warpPerspective(img, [[0, 0], [20, 0], [20, 10], [0, 10]]).image;
  same.data.forEach((v, i) => assert.ok(Math.abs(v - img.data[i]) < 1e-6));
  const moved = warpPerspective(img, [[2, 1], [22, 1], [22, 11], [2, 11]]).image;
  assert.ok(Math.abs(moved.data[4 * 20 + 6] - 1) < 1e-6, "the pixel moved 2 right, 1 down");
});
