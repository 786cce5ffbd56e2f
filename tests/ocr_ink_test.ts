import assert from "node:assert/strict";
import {
  greyCropCharacter,
  greyCrops,
  greyImage,
  groupCharacters,
  labelComponents,
} from "../lib/ocr/mod.ts";

/** A 6x4 page: paper 0.9 round a 2x2 character with shades 0.1, 0.3, 0.5, 0.9-ish. */
function page() {
  const grey = greyImage(6, 4, 0.9);
  const ink = [[2, 1, 0.1], [3, 1, 0.3], [2, 2, 0.5], [3, 2, 0.1]];
  for (const [x, y, v] of ink) grey.data[y * 6 + x] = v;
  const mask = { width: 6, height: 4, data: new Uint8Array(24) };
  for (const [x, y] of ink) mask.data[y * 6 + x] = 1;
  const labelled = labelComponents(mask);
  const [char] = groupCharacters(labelled, { minArea: 1 });
  return { grey, labelled, char };
}

Deno.test("a grey crop scales each ink pixel from the paper (0) to the darkest ink (1)", () => {
  const { grey, labelled, char } = page();
  const patch = greyCropCharacter(grey, labelled, char);
  assert.deepEqual([patch.width, patch.height], [2, 2]);
  // paper 0.9, darkest tenth of the ink 0.1: (0.9 - v) / 0.8
  const want = [1, 0.75, 0.5, 1];
  patch.data.forEach((v, i) => assert.ok(Math.abs(v - want[i]) < 1e-6, `pixel ${i}: ${v}`));
});

Deno.test("light ink on a dark board gives the same crop as dark ink on paper", () => {
  const { grey, labelled, char } = page();
  const board = { ...grey, data: grey.data.map((v) => 1 - v) };
  const a = greyCropCharacter(grey, labelled, char);
  const b = greyCropCharacter(board, labelled, char, "light-on-dark");
  a.data.forEach((v, i) => assert.ok(Math.abs(v - b.data[i]) < 1e-6));
});

Deno.test("grey crops come centred in 28x28 fields; a flat character falls back to its mask", () => {
  const { grey, labelled, char } = page();
  assert.equal(greyCrops(grey, labelled, [char, char]).length, 2 * 784);
  const flat = greyImage(6, 4, 0.5);
  const patch = greyCropCharacter(flat, labelled, char);
  assert.deepEqual(Array.from(patch.data), [1, 1, 1, 1]);
  assert.throws(() => greyCropCharacter(greyImage(5, 5), labelled, char), /pass the image/);
});
