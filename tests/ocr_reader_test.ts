import assert from "node:assert/strict";
import { tf } from "../lib/backend/mod.ts";
import {
  CHARSET,
  CLASSES_JSON,
  cnnModel,
  loadReader,
  READER_CONFIGS,
  readerDir,
  saveReader,
} from "../lib/ocr/mod.ts";
import { saveModel } from "../lib/io/mod.ts";

Deno.test("both shipped model folders hold classes.json and load as readers", async () => {
  for (
    const [kind, classes, ink] of [
      ["digits", "0123456789", "grey"],
      ["printed", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", "mask"],
    ] as const
  ) {
    const dir = readerDir(kind);
    assert.ok(dir.endsWith(`/data/models/${kind}-cnn`), dir);
    let text: string;
    try {
      text = await Deno.readTextFile(`${dir}/${CLASSES_JSON}`);
    } catch {
      throw new Error(
        `${dir}/${CLASSES_JSON} is missing: save the model with saveReader(model, dir, READER_CONFIGS.${kind}).`,
      );
    }
    assert.deepEqual(JSON.parse(text), { classes, ink });
    const reader = await loadReader(kind);
    assert.equal(reader.classes, classes);
    assert.equal(reader.ink, ink);
    assert.deepEqual(reader.model.outputs[0].shape, [null, classes.length]);
    reader.model.dispose();
  }
  assert.equal(READER_CONFIGS.printed.classes, CHARSET);
});

Deno.test("saveReader writes model and classes together; loadReader reads the same model", async () => {
  const dir = await Deno.makeTempDir();
  const model = cnnModel({ seed: 3, classes: 4 });
  await saveReader(model, `${dir}/abcd`, { classes: "ABCD", ink: "mask" });
  const names = [...Deno.readDirSync(`${dir}/abcd`)].map((e) => e.name).sort();
  assert.deepEqual(names, ["classes.json", "model.json", "weights.bin"]);
  const reader = await loadReader("printed", `${dir}/abcd`);
  assert.equal(reader.classes, "ABCD");
  const x = tf.randomUniform([2, 28, 28, 1], 0, 1, "float32", 1);
  const a = (model.predict(x) as tf.Tensor).arraySync();
  const b = (reader.model.predict(x) as tf.Tensor).arraySync();
  assert.deepEqual(b, a);
  tf.dispose([x]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("classes that do not fit the model are refused when saving", async () => {
  const model = cnnModel({ seed: 3, classes: 4 });
  await assert.rejects(
    () => saveReader(model, "/tmp/never", { classes: "ABC", ink: "mask" }),
    /4 output classes but the class string "ABC" names 3/,
  );
  await assert.rejects(
    () => saveReader(model, "/tmp/never", { classes: "AABC", ink: "mask" }),
    /repeats a character/,
  );
});

Deno.test("a folder without classes.json: a 10-class model reads digits, others say how to fix it", async () => {
  const dir = await Deno.makeTempDir();
  await saveModel(cnnModel({ seed: 1 }), `${dir}/ten`);
  const ten = await loadReader("digits", `${dir}/ten`);
  assert.deepEqual([ten.classes, ten.ink], ["0123456789", "grey"]);
  await saveModel(cnnModel({ seed: 1, classes: 36 }), `${dir}/many`);
  await assert.rejects(
    () => loadReader("printed", `${dir}/many`),
    /no classes\.json.*deno task train-printed/,
  );
  await assert.rejects(() => loadReader("printed", `${dir}/none`), /model\.json is missing/);
  await Deno.remove(dir, { recursive: true });
});
