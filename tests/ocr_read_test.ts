import assert from "node:assert/strict";
import { tf } from "../lib/backend/mod.ts";
import { loadMnist } from "../lib/data/mod.ts";
import {
  boxIoU,
  CHARSET,
  greyImage,
  HELD_OUT_FONTS,
  loadReader,
  NoCharactersError,
  photoOfDigits,
  photoOfText,
  readImage,
  toGreyImage,
  type TruthCharacter,
} from "../lib/ocr/mod.ts";

const root = new URL("..", import.meta.url).pathname;
const printed = await loadReader("printed");
const digits = await loadReader("digits");

/** Every true character is read right, sure of itself, in a box on the truth. */
function checkCharacters(
  read: Awaited<ReturnType<typeof readImage>>,
  truth: TruthCharacter[],
  label: string,
) {
  assert.equal(read.characters.length, truth.length, `${label}: number of characters`);
  truth.forEach((t, i) => {
    const c = read.characters[i];
    assert.equal(c.char, t.char, `${label}: character ${i}`);
    assert.equal(c.line, t.line, `${label}: line of character ${i}`);
    assert.ok(c.confidence > 0 && c.confidence <= 1, `${label}: confidence ${c.confidence}`);
    const overlap = boxIoU(c.box, t.box);
    assert.ok(overlap > 0.5, `${label}: character ${i} (${t.char}) box IoU ${overlap.toFixed(2)}`);
  });
}

Deno.test("a photo in a held-out font reads as the text it was made from", async () => {
  const lines = ["PACK MY BOX WITH", "FIVE DOZEN 42 JUGS"];
  const photo = photoOfText(lines, HELD_OUT_FONTS[1], { seed: 77 });
  const read = await readImage(photo.image, printed);
  assert.equal(read.text, "PACK MY BOX WITH\nFIVE DOZEN 42 JUGS");
  checkCharacters(read, photo.truth, "Liberation Sans Bold");
});

Deno.test("the shipped photos read as truth.json says, boxes on the recorded ones", async () => {
  const truth = JSON.parse(await Deno.readTextFile(`${root}data/ocr/truth.json`));
  for (const [file, t] of Object.entries(truth) as [string, Record<string, unknown>][]) {
    const reader = file.includes("digits") ? digits : printed;
    const read = await readImage(`${root}data/ocr/${file}`, reader);
    // Handwritten digits sit at random gaps, so only their order and lines count.
    const text = file.includes("digits") ? read.text.replace(/ /g, "") : read.text;
    assert.equal(text, t.text, file);
    const chars = (t.characters as { char: string; line: number; box: number[] }[]).map((c) => ({
      char: c.char,
      line: c.line,
      box: { x: c.box[0], y: c.box[1], width: c.box[2], height: c.box[3] },
    }));
    checkCharacters(read, chars, file);
  }
});

Deno.test("held-out handwritten digits on a photo read with the digits reader", async () => {
  const { test } = loadMnist({ seed: 42 });
  const photo = photoOfDigits(test, [[20, 21, 22, 23, 24, 25], [26, 27, 28, 29]], { seed: 5 });
  const read = await readImage(photo.image, digits);
  const wrong = read.characters.filter((c, i) => c.char !== photo.truth[i]?.char).length;
  assert.equal(read.characters.length, 10);
  assert.ok(wrong <= 1, `${wrong} of 10 digits wrong: read ${read.text}, truth ${photo.text}`);
});

Deno.test("a bare model reads with the classes given, and needs them", async () => {
  const photo = photoOfText(["AB 12"], HELD_OUT_FONTS[4], { seed: 3 });
  const read = await readImage(photo.image, printed.model, { classes: CHARSET });
  assert.equal(read.text, "AB 12");
  await assert.rejects(() => readImage(photo.image, printed.model), /options\.classes/);
  await assert.rejects(
    () => readImage(photo.image, printed.model, { classes: "0123456789" }),
    /36 output classes but the class string "0123456789" names 10/,
  );
});

Deno.test("steps come back when asked: the segmentation and the model's inputs", async () => {
  const photo = photoOfText(["OK"], HELD_OUT_FONTS[0], { seed: 4 });
  const read = await readImage(photo.image, digits, { steps: true });
  assert.equal(read.steps?.segmentation.characters.length, 2);
  assert.equal(read.steps?.inputs.length, 2 * 28 * 28);
  assert.equal(read.steps?.ink, "grey");
  assert.equal((await readImage(photo.image, digits)).steps, undefined);
});

Deno.test("bytes that are not an image are refused, saying what they are", async () => {
  const bytes = new TextEncoder().encode("just some text, no picture");
  await assert.rejects(() => readImage(bytes, printed), /is not an image: expected a PNG, JPEG/);
  await assert.rejects(() => readImage(new Uint8Array(0), printed), /empty \(0 bytes\)/);
});

Deno.test("a blank page and an all-white image have no characters", async () => {
  await assert.rejects(() => readImage(greyImage(300, 200), printed), NoCharactersError);
  await assert.rejects(() => readImage(greyImage(300, 200, 0.8), printed), /No characters found/);
});

Deno.test("an enormous image is refused from its header, before decoding", async () => {
  // A PNG header claiming 100,000 x 100,000 pixels: 10 gigapixels.
  const png = new Uint8Array(33);
  png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(png.buffer);
  view.setUint32(16, 100_000), view.setUint32(20, 100_000);
  await assert.rejects(() => readImage(png, printed), /100000x100000 .*megapixels.*shrink it/);
});

Deno.test("a large grey image is shrunk to 2048 pixels a side before reading", async () => {
  const big = await toGreyImage(greyImage(5000, 400));
  assert.deepEqual([big.width, big.height], [2048, 164]);
  const photo = photoOfText(["BIG"], HELD_OUT_FONTS[0], { seed: 6, charHeight: 300 });
  const read = await readImage(photo.image, printed, { maxSide: 600 });
  assert.equal(Math.max(read.width, read.height), 600);
  assert.equal(read.text, "BIG");
});

Deno.test("a missing file and a wrong source are clear errors", async () => {
  await assert.rejects(() => readImage(`${root}data/ocr/nope.jpg`, printed), /No image file at/);
  await assert.rejects(
    () => readImage(42 as unknown as string, printed),
    /give an image file's path, its bytes/,
  );
  const bad = { width: 10, height: 10, data: new Float32Array(5) };
  await assert.rejects(() => readImage(bad, printed), /holds 5 values/);
});

Deno.test("reading leaves no tensors behind", async () => {
  const photo = photoOfText(["NO LEAK"], HELD_OUT_FONTS[2], { seed: 8 });
  await readImage(photo.image, printed);
  const before = tf.memory().numTensors;
  await readImage(photo.image, printed);
  assert.equal(tf.memory().numTensors, before);
});
