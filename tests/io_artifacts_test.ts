import assert from "node:assert/strict";
import { tf } from "../lib/backend/mod.ts";
import { cnnModel, mlpModel } from "../lib/ocr/mod.ts";
import { modelFiles, readModelFolder, saveModel, weightBytes } from "../lib/io/mod.ts";

Deno.test("model.json follows tfjs's layers-model format and lists weights.bin", async () => {
  const model = mlpModel({ seed: 1 });
  const files = await modelFiles(model);
  assert.deepEqual(Object.keys(files).sort(), ["model.json", "weights.bin"]);
  const json = JSON.parse(new TextDecoder().decode(files["model.json"]));
  assert.deepEqual(Object.keys(json).sort(), [
    "convertedBy",
    "format",
    "generatedBy",
    "modelTopology",
    "weightsManifest",
  ]);
  assert.equal(json.format, "layers-model");
  assert.equal(json.generatedBy, `TensorFlow.js tfjs-layers v${tf.version_layers}`);
  assert.equal(json.convertedBy, null);
  assert.equal(json.modelTopology.class_name, "Sequential");
  assert.equal(json.weightsManifest.length, 1);
  assert.deepEqual(json.weightsManifest[0].paths, ["weights.bin"]);
  assert.deepEqual(
    json.weightsManifest[0].weights,
    model.weights.map((w) => ({ name: w.originalName, shape: w.shape, dtype: "float32" })),
  );
});

Deno.test("weights.bin is every weight's float32 values in manifest order, 4 bytes per parameter", async () => {
  const model = cnnModel({ seed: 3 });
  const bin = (await modelFiles(model))["weights.bin"];
  assert.equal(bin.length, model.countParams() * 4);
  const stored = new Float32Array(bin.buffer, bin.byteOffset, bin.length / 4);
  const expected = model.getWeights().flatMap((w) => Array.from(w.dataSync()));
  assert.deepEqual(Array.from(stored), expected);
});

Deno.test("weightBytes counts 4 bytes per float32 or int32 value and 1 per bool", () => {
  assert.equal(
    weightBytes([
      { name: "k", shape: [784, 128], dtype: "float32" },
      { name: "iter", shape: [], dtype: "int32" },
      { name: "mask", shape: [3], dtype: "bool" },
    ]),
    784 * 128 * 4 + 4 + 3,
  );
  assert.equal(weightBytes([{ name: "s", shape: [2], dtype: "string" }]), null);
});

Deno.test("readModelFolder accepts the path of model.json as well as its folder", async () => {
  const dir = await Deno.makeTempDir();
  await saveModel(mlpModel({ seed: 1 }), `${dir}/mlp`);
  const a = await readModelFolder(`${dir}/mlp`, "test");
  const b = await readModelFolder(`${dir}/mlp/model.json`, "test");
  assert.equal(a.dir, b.dir);
  assert.equal(a.weights.byteLength, mlpModel().countParams() * 4);
  await Deno.remove(dir, { recursive: true });
});
