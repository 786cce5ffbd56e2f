import assert from "node:assert/strict";
import { tf } from "../lib/backend/mod.ts";
import { loadModel, saveModel } from "../lib/io/mod.ts";
import { cnnModel, steppedDropout } from "../lib/ocr/mod.ts";

const masks = (layer: tf.layers.Layer, n: number) =>
  Array.from(
    { length: n },
    () =>
      tf.tidy(() =>
        Array.from((layer.apply(tf.ones([1, 64]), { training: true }) as tf.Tensor).dataSync())
          .join(",")
      ),
  );

Deno.test("tfjs's seeded dropout repeats one mask; steppedDropout draws a new one every batch", () => {
  const plain = masks(tf.layers.dropout({ rate: 0.5, seed: 3 }), 3);
  assert.equal(new Set(plain).size, 1, "the tfjs behaviour this layer works around");
  const stepped = masks(steppedDropout({ rate: 0.5, seed: 3 }), 3);
  assert.equal(new Set(stepped).size, 3);
});

Deno.test("steppedDropout is reproducible: the same seed gives the same sequence of masks", () => {
  assert.deepEqual(
    masks(steppedDropout({ rate: 0.3, seed: 9 }), 4),
    masks(steppedDropout({ rate: 0.3, seed: 9 }), 4),
  );
});

Deno.test("a model with steppedDropout saves as a plain Dropout and loads with the same predictions", async () => {
  const model = cnnModel({ seed: 1, filters: [4, 8], hidden: 16, dropout: 0.25 });
  const dir = await Deno.makeTempDir();
  await saveModel(model, `${dir}/m`);
  const json = JSON.parse(await Deno.readTextFile(`${dir}/m/model.json`));
  const classes = json.modelTopology.config.layers.map((l: { class_name: string }) => l.class_name);
  assert.equal(classes.filter((c: string) => c === "Dropout").length, 2);
  const loaded = await loadModel(`${dir}/m`);
  const x = tf.randomUniform([2, 28, 28, 1], 0, 1, "float32", 5);
  const [a, b] = [model, loaded].map((m) => Array.from((m.predict(x) as tf.Tensor).dataSync()));
  a.forEach((v, i) => assert.ok(Math.abs(v - b[i]) < 1e-6));
  tf.dispose([x]);
  await Deno.remove(dir, { recursive: true });
});
