import assert from "node:assert/strict";
import { loadMnist } from "../lib/data/mod.ts";
import {
  boxIoU,
  CHARSET,
  digitTestPhotos,
  HELD_OUT_FONTS,
  loadReader,
  predictImages,
  type Reading,
  readingAccuracy,
  scoreReading,
  TEST_LINES,
  textTestPhotos,
} from "../lib/ocr/mod.ts";

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

Deno.test("IoU of boxes, worked out by hand", () => {
  assert.equal(boxIoU(box(0, 0, 2, 2), box(0, 0, 2, 2)), 1);
  assert.equal(boxIoU(box(0, 0, 2, 2), box(1, 0, 2, 2)), 2 / 6);
  assert.equal(boxIoU(box(0, 0, 2, 2), box(2, 0, 2, 2)), 0);
});

Deno.test("a reading is scored by matching boxes: right, wrong, missed and extra", () => {
  const read = (char: string, b: ReturnType<typeof box>) => ({
    char,
    box: b,
    confidence: 0.9,
    line: 0,
    spaceBefore: false,
    runnerUp: { char: "?", confidence: 0.1 },
  });
  const reading: Reading = {
    text: "AOX",
    width: 100,
    height: 20,
    characters: [
      read("A", box(0, 0, 10, 10)),
      read("0", box(20, 0, 10, 10)),
      read("X", box(80, 0, 5, 5)),
    ],
  };
  const truth = [
    { char: "A", line: 0, box: box(1, 0, 10, 10) },
    { char: "O", line: 0, box: box(20, 1, 10, 10) },
    { char: "B", line: 0, box: box(40, 0, 10, 10) },
  ];
  const score = scoreReading(reading, truth);
  assert.deepEqual([score.right, score.total, score.extra], [1, 3, 1]);
  assert.deepEqual(score.mistakes.map((m) => [m.truth, m.read]), [["O", "0"], ["B", null]]);
});

Deno.test("the test photos use held-out fonts only and cover every character", () => {
  const text = TEST_LINES.flat().join("");
  for (const c of CHARSET) assert.ok(text.includes(c), `${c} is in no test line`);
  const photos = textTestPhotos();
  assert.equal(photos.length, HELD_OUT_FONTS.length * TEST_LINES.length);
  assert.ok(photos.every((p) => HELD_OUT_FONTS.some((f) => p.name.startsWith(f.name))));
  assert.equal(photos.reduce((s, p) => s + p.photo.truth.length, 0), 576);
});

Deno.test("the digit test photos hold every held-out digit once, in order", () => {
  const { test } = loadMnist({ seed: 42 });
  const photos = digitTestPhotos(test);
  const chars = photos.flatMap((p) => p.photo.truth.map((t) => t.char)).join("");
  assert.equal(chars, Array.from(test.labels).join(""));
});

Deno.test("held-out handwritten digits on photos read about as well as chapter 4's test digits", async () => {
  const { test } = loadMnist({ seed: 42 });
  const reader = await loadReader("digits");
  const alone = predictImages(reader.model, test);
  const isolated = alone.labels.filter((y, i) => y === test.labels[i]).length / test.length;
  const photos = await readingAccuracy(reader, digitTestPhotos(test));
  assert.ok(
    photos.accuracy >= isolated - 0.01,
    `on photos ${photos.accuracy}, alone ${isolated}: more than a point apart`,
  );
  reader.model.dispose();
});
