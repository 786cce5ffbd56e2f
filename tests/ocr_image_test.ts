import assert from "node:assert/strict";
import { Jimp } from "jimp";
import {
  decodeGreyImage,
  greyImage,
  imageHeader,
  loadGreyImage,
  rgbaToGrey,
} from "../lib/ocr/image.ts";
import { encodeJpeg, encodePng } from "../lib/ocr/encode.ts";

Deno.test("greyscale uses BT.601 luma and counts transparent pixels as white paper", () => {
  const rgba = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 0, 0, 0, 0]);
  const grey = rgbaToGrey(rgba, 4, 1);
  assert.deepEqual(Array.from(grey.data, (v) => +v.toFixed(3)), [0.299, 0.587, 0.114, 1]);
});

Deno.test("PNG and JPEG headers give format and size without decoding", async () => {
  const png = await encodePng(greyImage(7, 5, 0.5));
  assert.deepEqual(imageHeader(png), { format: "png", width: 7, height: 5 });
  const jpg = await new Jimp({ width: 9, height: 4, color: 0x808080ff }).getBuffer("image/jpeg");
  assert.deepEqual(imageHeader(new Uint8Array(jpg)), { format: "jpeg", width: 9, height: 4 });
});

Deno.test("a PNG round trip keeps grey values to within one 8-bit step", async () => {
  const img = greyImage(5, 3, 0);
  img.data.forEach((_, i) => (img.data[i] = i / 14));
  const back = await decodeGreyImage(await encodePng(img));
  assert.equal(back.width, 5);
  img.data.forEach((v, i) => assert.ok(Math.abs(back.data[i] - v) <= 0.5 / 255 + 1e-6));
});

Deno.test("a JPEG round trip keeps a smooth grey ramp to within a few 8-bit steps", async () => {
  const img = greyImage(64, 16, 0);
  img.data.forEach((_, i) => (img.data[i] = 0.2 + 0.6 * (i % 64) / 63));
  const jpg = await encodeJpeg(img, 95);
  assert.equal(imageHeader(jpg).format, "jpeg");
  const back = await decodeGreyImage(jpg);
  const worst = Math.max(...img.data.map((v, i) => Math.abs(back.data[i] - v)));
  assert.ok(worst < 4 / 255, `worst error ${worst * 255} steps`);
});

Deno.test("decoding shrinks a large photo to maxSide", async () => {
  const img = greyImage(300, 100, 0); // vertical stripes, one pixel wide: mean 0.5
  img.data.forEach((_, i) => (img.data[i] = (i % 300) % 2));
  const small = await decodeGreyImage(await encodePng(img), { maxSide: 150 });
  assert.deepEqual([small.width, small.height], [150, 50]);
  assert.ok(small.data.every((v) => Math.abs(v - 0.5) < 0.01), "stripes average to grey");
});

Deno.test("bad input gets a message naming the problem", async () => {
  const text = new TextEncoder().encode("hello, I am a text file");
  await assert.rejects(decodeGreyImage(text, { name: "notes.txt" }), /notes\.txt is not an image/);
  await assert.rejects(decodeGreyImage(new Uint8Array(0)), /empty \(0 bytes\)/);
  await assert.rejects(loadGreyImage("/nonexistent/photo.png"), /No image file at/);
  // A PNG header declaring 100000 x 100000 pixels is refused before any decoding.
  const huge = (await encodePng(greyImage(2, 2))).slice();
  new DataView(huge.buffer).setUint32(16, 100_000);
  new DataView(huge.buffer).setUint32(20, 100_000);
  await assert.rejects(decodeGreyImage(huge, { name: "huge.png" }), /10000 megapixels.*shrink it/);
});
