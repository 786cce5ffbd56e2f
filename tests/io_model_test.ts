import assert from "node:assert/strict";
import { tf } from "../lib/backend/mod.ts";
import { cnnModel, mlpModel } from "../lib/ocr/mod.ts";
import { type AtomicStep, loadModel, loadWeightsInto, saveModel } from "../lib/io/mod.ts";

/** Ten fixed random 28x28 images. */
function images(): tf.Tensor4D {
  return tf.randomUniform([10, 28, 28, 1], 0, 1, "float32", 11) as tf.Tensor4D;
}

/** The model's logits on {@link images}, as plain numbers. */
function logits(model: tf.LayersModel): number[] {
  return tf.tidy(() => Array.from((model.predict(images()) as tf.Tensor).dataSync()));
}

Deno.test("a saved and loaded model predicts exactly what the original predicts", async () => {
  const root = await Deno.makeTempDir();
  for (const model of [mlpModel({ seed: 1 }), cnnModel({ seed: 2 })]) {
    await saveModel(model, `${root}/${model.name}`);
    const loaded = await loadModel(`${root}/${model.name}`);
    assert.deepEqual(logits(loaded), logits(model));
    assert.equal(loaded.countParams(), model.countParams());
    loaded.dispose();
  }
  await Deno.remove(root, { recursive: true });
});

Deno.test("tfjs's own URL loader reads the saved folder, as a browser would", async () => {
  const root = await Deno.makeTempDir();
  const model = mlpModel({ seed: 4 });
  await saveModel(model, `${root}/mlp`);
  // tf.io.http fetches model.json, then each weightsManifest path relative to it.
  const handler = tf.io.http(`file://${root}/mlp/model.json`, { fetchFunc: fetch });
  const loaded = await tf.loadLayersModel(handler);
  assert.deepEqual(logits(loaded), logits(model));
  loaded.dispose();
  await Deno.remove(root, { recursive: true });
});

Deno.test("loadWeightsInto fills a freshly built model of the same architecture, with no stray tensors", async () => {
  const root = await Deno.makeTempDir();
  const trained = cnnModel({ seed: 1 });
  await saveModel(trained, `${root}/cnn`);
  const fresh = cnnModel({ seed: 99 }); // other initial weights, other layer names
  assert.notDeepEqual(logits(fresh), logits(trained));
  const before = tf.memory().numTensors;
  await loadWeightsInto(fresh, `${root}/cnn`);
  assert.equal(tf.memory().numTensors, before);
  assert.deepEqual(logits(fresh), logits(trained));
  await Deno.remove(root, { recursive: true });
});

Deno.test("weights that do not fit the architecture get an error naming the layer", async () => {
  const root = await Deno.makeTempDir();
  await saveModel(mlpModel({ seed: 1 }), `${root}/mlp`);
  await assert.rejects(
    loadWeightsInto(mlpModel({ classes: 26 }), `${root}/mlp`),
    /loadWeightsInto: layer "dense_Dense\d+" \(Dense\) does not fit: its kernel has shape \[128, 26\] in the model but \[128, 10\] in "[^"]*mlp\/weights.bin".*build the model with the sizes it was saved with/,
  );
  const dense = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [3] })] });
  await saveModel(dense, `${root}/dense`);
  const norm = tf.sequential({ layers: [tf.layers.layerNormalization({ inputShape: [3] })] });
  await assert.rejects(
    loadWeightsInto(norm, `${root}/dense`),
    /weight 0 does not fit: the model's layer "layer_normalization[^"]*" \(LayerNormalization\) expects its gamma, but "[^"]*dense\/model.json" has "dense_Dense\d+\/kernel" of a Dense layer there/,
  );
  await assert.rejects(
    loadWeightsInto(cnnModel(), `${root}/mlp`),
    /holds 4 weight tensors \(layers dense_Dense\d+ \(Dense\), dense_Dense\d+ \(Dense\)\) but the model has 6 \(layers conv2d_Conv2D\d+ \(Conv2D\)/,
  );
  await Deno.remove(root, { recursive: true });
});

Deno.test("a missing folder, a missing or half-written model.json, and a short weights.bin each name the file and the fix", async () => {
  const root = await Deno.makeTempDir();
  const dir = `${root}/mlp`;
  await assert.rejects(
    loadModel(dir),
    /loadModel: no model folder at "[^"]*mlp"; save one with saveModel\(model, "[^"]*mlp"\) first/,
  );
  await saveModel(mlpModel({ seed: 1 }), dir);
  const json = await Deno.readTextFile(`${dir}/model.json`);
  const bin = await Deno.readFile(`${dir}/weights.bin`);

  await Deno.writeTextFile(`${dir}/model.json`, json.slice(0, json.length / 2));
  await assert.rejects(
    loadModel(dir),
    /"[^"]*mlp\/model.json" is not valid JSON \(.*\); it was probably half-written or damaged: save the model again/,
  );
  await Deno.remove(`${dir}/model.json`);
  await assert.rejects(
    loadModel(dir),
    /"[^"]*mlp\/model.json" is missing \(the folder holds weights.bin\)/,
  );
  await Deno.writeTextFile(`${dir}/model.json`, json);
  await Deno.writeFile(`${dir}/weights.bin`, bin.slice(0, 1000));
  await assert.rejects(
    loadModel(dir),
    new RegExp(
      `"[^"]*mlp/weights.bin" holds 1000 bytes but "[^"]*mlp/model.json" lists 4 weights taking ${bin.length} bytes`,
    ),
  );
  await Deno.remove(`${dir}/weights.bin`);
  await assert.rejects(
    loadWeightsInto(mlpModel(), dir),
    /loadWeightsInto: "[^"]*mlp\/weights.bin" is missing \(model.json lists it in weightsManifest\)/,
  );
  await Deno.remove(root, { recursive: true });
});

Deno.test("a crash in the middle of saveModel leaves the previous model loadable and equal", async () => {
  const root = await Deno.makeTempDir();
  const dir = `${root}/mlp`;
  const previous = mlpModel({ seed: 1 });
  await saveModel(previous, dir);
  for (const step of ["wrote", "synced", "moved-aside"] as AtomicStep[]) {
    await assert.rejects(
      saveModel(mlpModel({ seed: 2 }), dir, {
        onStep: (s) => {
          if (s === step) throw new Error(`disk full after ${s}`);
        },
      }),
      /disk full/,
    );
    const loaded = await loadModel(dir);
    assert.deepEqual(logits(loaded), logits(previous), `crash after "${step}"`);
    loaded.dispose();
  }
  await Deno.remove(root, { recursive: true });
});

/** Run the save_stalled fixture until it stalls after `step`, then SIGKILL it. */
async function killMidSave(dir: string, seed: number, step: AtomicStep): Promise<void> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "tests/fixtures/save_stalled.ts", dir, String(seed), step],
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let out = "";
  while (!out.includes("stalled")) {
    const { value, done } = await reader.read();
    if (done) break;
    out += value;
  }
  child.kill("SIGKILL");
  await reader.cancel();
  const status = await child.status;
  assert.equal(status.signal, "SIGKILL", `the fixture said ${JSON.stringify(out)}`);
}

Deno.test("a process killed (SIGKILL) in the middle of saving leaves the previous model loadable and equal", async () => {
  const root = await Deno.makeTempDir();
  const dir = `${root}/mlp`;
  const previous = mlpModel({ seed: 1 });
  await saveModel(previous, dir);
  for (const step of ["wrote", "moved-aside"] as AtomicStep[]) {
    await killMidSave(dir, 2, step);
    if (step === "moved-aside") {
      const left = await Array.fromAsync(Deno.readDir(root), (e) => e.name);
      assert.deepEqual(left.sort(), ["mlp.old", "mlp.tmp"], "killed between the two renames");
    }
    const loaded = await loadModel(dir);
    assert.deepEqual(logits(loaded), logits(previous), `killed after "${step}"`);
    loaded.dispose();
  }
  // The next save tidies up and succeeds.
  await saveModel(mlpModel({ seed: 2 }), dir);
  assert.deepEqual(await Array.fromAsync(Deno.readDir(root), (e) => e.name), ["mlp"]);
  assert.deepEqual(logits(await loadModel(dir)), logits(mlpModel({ seed: 2 })));
  await Deno.remove(root, { recursive: true });
});
