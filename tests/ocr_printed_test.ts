import assert from "node:assert/strict";
import { ImageSet } from "../lib/data/mod.ts";
import {
  CHARSET,
  evaluatePrinted,
  glyphSet,
  HELD_OUT_FONTS,
  heldOutGlyphs,
  loadReader,
  printedModel,
  TRAINING_FONTS,
  trainPrinted,
} from "../lib/ocr/mod.ts";

Deno.test("the printed model has the layers and parameter count worked out by hand", () => {
  const model = printedModel();
  // conv 3*3*1*32+32, conv 3*3*32*64+64, dense 1600*128+128, dense 128*36+36
  assert.equal(model.countParams(), 320 + 18496 + 204928 + 4644);
  assert.deepEqual(model.outputs[0].shape, [null, CHARSET.length]);
  model.dispose();
});

Deno.test("the held-out glyphs are drawn only from fonts kept out of training", () => {
  const trained = new Set(TRAINING_FONTS.map((f) => f.file));
  assert.ok(HELD_OUT_FONTS.every((f) => !trained.has(f.file)));
  assert.equal(heldOutGlyphs().length, CHARSET.length * HELD_OUT_FONTS.length * 5);
});

Deno.test("trainPrinted trains the recipe's model and resumes from its checkpoint", async () => {
  const set = glyphSet({ fonts: TRAINING_FONTS.slice(0, 2), perGlyph: 2, seed: 9 });
  const small = new ImageSet(set.images.slice(0, 64 * 784), set.labels.slice(0, 64));
  const dir = await Deno.makeTempDir();
  const first = await trainPrinted({
    data: { train: small },
    epochs: 1,
    checkpointDir: dir,
    progress: "silent",
  });
  assert.deepEqual(first.model.outputs[0].shape, [null, 36]);
  first.model.dispose();
  const second = await trainPrinted({
    data: { train: small },
    epochs: 2,
    checkpointDir: dir,
    progress: "silent",
  });
  assert.deepEqual(second.records.map((r) => r.epoch), [1, 2]);
  second.model.dispose();
  await Deno.remove(dir, { recursive: true });
});

Deno.test("the committed printed reader meets the goals on held-out fonts", async () => {
  const reader = await loadReader("printed");
  const report = await evaluatePrinted(reader);
  assert.ok(report.glyphAccuracy >= 0.97, `single glyphs: ${report.glyphAccuracy}`);
  assert.ok(
    report.photos.accuracy >= 0.97,
    `characters on test photos: ${report.photos.accuracy} (goal 0.97); retrain with ` +
      "`deno run -A tools/train_printed.ts --fresh`",
  );
  reader.model.dispose();
});
