import assert from "node:assert/strict";
import { greyImage } from "../lib/ocr/image.ts";
import { downscale, MAX_SIDE, resizeImage } from "../lib/ocr/resample.ts";

Deno.test("shrinking averages the area each new pixel covers", () => {
  // 2x2 blocks of 0 and 1 shrink by 2 to exactly one value per block.
  const img = greyImage(4, 4, 0);
  img.data.set([0, 0, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0]);
  assert.deepEqual(Array.from(resizeImage(img, 2, 2).data), [0, 1, 1, 0]);
  // 3 -> 2 pixels: each new pixel covers 1.5 old ones: (0 + 0.5 * 1) / 1.5 and (0.5 * 1 + 0.5) / 1.5.
  const row = { width: 3, height: 1, data: new Float32Array([0, 1, 0.5]) };
  const got = Array.from(resizeImage(row, 2, 1).data);
  assert.ok(
    Math.abs(got[0] - 1 / 3) < 1e-6 && Math.abs(got[1] - (0.5 + 0.5) / 1.5) < 1e-6,
    `${got}`,
  );
});

Deno.test("an enormous image shrinks to the stated maximum side, keeping its aspect", () => {
  const big = downscale(greyImage(4000, 1000, 0.25));
  assert.equal(MAX_SIDE, 2048);
  assert.equal(big.width, 2048);
  assert.equal(big.height, 512);
  assert.ok(big.data.every((v) => Math.abs(v - 0.25) < 1e-6));
  const small = greyImage(30, 20);
  assert.equal(downscale(small, 2048), small, "an image that fits is left alone");
});

Deno.test("growing interpolates between pixel centres", () => {
  // Two pixels 0 and 1 grown to four: centres at 0.25, 0.75, 1.25, 1.75 old pixels,
  // clamped to the outer centres: 0, 0.25, 0.75, 1.
  const row = { width: 2, height: 1, data: new Float32Array([0, 1]) };
  assert.deepEqual(Array.from(resizeImage(row, 4, 1).data), [0, 0.25, 0.75, 1]);
});
