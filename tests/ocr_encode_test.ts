import assert from "node:assert/strict";
import { Jimp } from "jimp";
import { greyImage } from "../lib/ocr/image.ts";
import { drawBoxes, encodeJpeg, encodePng, maskToImage } from "../lib/ocr/encode.ts";

/** Decode bytes with jimp directly, independently of decodeGreyImage: the red channel of each pixel. */
async function reds(bytes: Uint8Array): Promise<{ width: number; red: number[] }> {
  const img = await Jimp.fromBuffer(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const red = [];
  for (let i = 0; i < img.bitmap.data.length; i += 4) red.push(img.bitmap.data[i]);
  return { width: img.width, red };
}

Deno.test("PNG keeps each grey value as its nearest 8-bit step, clipping outside 0..1", async () => {
  const img = { width: 4, height: 1, data: new Float32Array([0, 0.5, 1, 1.7]) };
  const { width, red } = await reds(await encodePng(img));
  assert.equal(width, 4);
  assert.deepEqual(red, [0, 128, 255, 255]);
});

Deno.test("JPEG starts with its marker and keeps a flat grey close", async () => {
  const jpg = await encodeJpeg(greyImage(16, 16, 0.4), 90);
  assert.deepEqual([jpg[0], jpg[1]], [0xff, 0xd8]);
  const { red } = await reds(jpg);
  assert.ok(red.every((v) => Math.abs(v - 102) <= 2), "0.4 is 102 of 255");
});

Deno.test("a mask is drawn black ink on white", () => {
  const mask = { width: 2, height: 1, data: new Uint8Array([1, 0]) };
  assert.deepEqual(Array.from(maskToImage(mask).data), [0, 1]);
});

Deno.test("a box is outlined just outside its pixels, clipped at the image's edge", () => {
  const page = greyImage(6, 5, 1);
  const out = drawBoxes(page, [{ x: 1, y: 1, width: 2, height: 2 }, {
    x: 4,
    y: 3,
    width: 5,
    height: 5,
  }]);
  const rows = Array.from(
    { length: 5 },
    (_, y) =>
      Array.from(out.data.subarray(y * 6, y * 6 + 6), (v) => (v === 0 ? "#" : ".")).join(""),
  );
  assert.deepEqual(rows, [
    "####..",
    "#..#..",
    "#..###",
    "####..",
    "...#..",
  ]);
  assert.ok(page.data.every((v) => v === 1), "the image itself is left alone");
});
