import assert from "node:assert/strict";
import { Jimp } from "jimp";
import { parseHTML } from "linkedom";
import { imageGrid, pngDataUrl } from "../lib/show/mod.ts";

Deno.test("pngDataUrl encodes pixels that decode back to the same greys", async () => {
  const px = [0, 0.5, 1, 0.25];
  const url = await pngDataUrl(px, 2, 2);
  const img = await Jimp.read(
    Uint8Array.from(atob(url.split(",")[1]), (c) => c.charCodeAt(0)).buffer,
  );
  const greys = [0, 1, 2, 3].map((i) => img.bitmap.data[4 * i]);
  assert.deepEqual(greys, [0, 128, 255, 64]);
});

Deno.test("imageGrid draws one image and one caption per input", async () => {
  const imgs = Array.from({ length: 12 }, (_, i) => new Float32Array(16).fill(i / 12));
  const fig = await imageGrid(imgs, {
    width: 4,
    height: 4,
    columns: 5,
    captions: imgs.map((_, i) => `#${i}`),
  });
  const { document } = parseHTML(`<html><body>${fig.svg}</body></html>`);
  const images = [...document.querySelectorAll("image")];
  assert.equal(images.length, 12);
  assert.ok(
    images.every((im) => im.getAttribute("href")!.startsWith("data:image/png;base64,")),
    "self-contained",
  );
  const captions = [...document.querySelectorAll("text")].map((t) => t.textContent);
  assert.deepEqual(captions, imgs.map((_, i) => `#${i}`));
});

Deno.test("imageGrid and pngDataUrl refuse what they cannot draw", async () => {
  await assert.rejects(() => imageGrid([], { width: 2, height: 2 }), /no images/);
  await assert.rejects(() => pngDataUrl([1, 2, 3], 2, 2), /2x2 needs 4 pixels, got 3/);
});
