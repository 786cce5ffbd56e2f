import assert from "node:assert/strict";
import { tf } from "../lib/backend/mod.ts";
import {
  compose,
  greyscale,
  normalize,
  randomAffine,
  randomLighting,
  resize,
  Rng,
} from "../lib/data/mod.ts";

/** A 1x28x28x1 image, black but for one bright pixel at (x, y). */
function dot(x: number, y: number): tf.Tensor4D {
  const px = new Float32Array(28 * 28);
  px[y * 28 + x] = 1;
  return tf.tensor4d(px, [1, 28, 28, 1]);
}

function centreOfMass(img: tf.Tensor4D): [number, number] {
  const v = img.dataSync();
  let m = 0, sx = 0, sy = 0;
  for (let i = 0; i < v.length; i++) {
    m += v[i];
    sx += v[i] * (i % 28);
    sy += v[i] * Math.floor(i / 28);
  }
  return [sx / m, sy / m];
}

const centre = 13.5;

Deno.test("randomAffine with no rotation, shift or zoom leaves images as they were", () => {
  const img = tf.randomUniform([3, 28, 28, 1], 0, 1, "float32", 4) as tf.Tensor4D;
  const out = randomAffine({})(img, new Rng(1));
  assert.ok(tf.max(tf.abs(out.sub(img))).dataSync()[0] < 1e-6);
  tf.dispose([img, out]);
});

Deno.test("rotation keeps a dot at the same distance from the centre; zoom 2 doubles it", () => {
  const img = dot(20, 13);
  const r0 = Math.hypot(20 - centre, 13 - centre);
  for (let seed = 0; seed < 5; seed++) {
    const rotated = randomAffine({ degrees: 30 })(img, new Rng(seed));
    const [x, y] = centreOfMass(rotated);
    assert.ok(
      Math.abs(Math.hypot(x - centre, y - centre) - r0) < 0.3,
      `seed ${seed}: radius ${Math.hypot(x - centre, y - centre)} vs ${r0}`,
    );
    rotated.dispose();
  }
  const zoomed = randomAffine({ scale: [2, 2] })(dot(17, 13), new Rng(1));
  const [zx] = centreOfMass(zoomed);
  assert.ok(Math.abs(zx - centre - 2 * (17 - centre)) < 0.3, `zoomed dot at x = ${zx}`);
  tf.dispose([img, zoomed]);
});

Deno.test("a shift moves the centre of mass by at most the shift, and differs between images", () => {
  const img = tf.concat([dot(14, 14), dot(14, 14), dot(14, 14)]) as tf.Tensor4D;
  const out = randomAffine({ shift: 3 })(img, new Rng(2));
  const moves = tf.unstack(out).map((t) => centreOfMass(t.expandDims(0) as tf.Tensor4D));
  for (const [x, y] of moves) assert.ok(Math.abs(x - 14) <= 3.01 && Math.abs(y - 14) <= 3.01);
  assert.notDeepEqual(moves[0], moves[1], "each image gets its own shift");
  tf.dispose([img, out]);
});

Deno.test("contrast 0 turns every image into its own mean; brightness adds and clips", () => {
  const img = tf.tensor4d([0, 0.2, 0.4, 0.6, 1, 1, 1, 1], [2, 2, 2, 1]);
  const flat = randomLighting({ contrast: [0, 0] })(img, new Rng(1));
  assert.deepEqual(Array.from(flat.dataSync()).map((v) => +v.toFixed(5)), [
    0.3,
    0.3,
    0.3,
    0.3,
    1,
    1,
    1,
    1,
  ]);
  const lit = randomLighting({ brightness: 0.5 })(img, new Rng(1)).dataSync();
  assert.ok(lit.every((v) => v >= 0 && v <= 1), "clipped to 0..1");
  tf.dispose([img, flat]);
});

Deno.test("greyscale, resize and normalize give the hand-computed values", () => {
  const rgb = tf.tensor4d([1, 0, 0, 0, 1, 0], [1, 1, 2, 3]);
  const grey = greyscale()(rgb, new Rng(1)).dataSync();
  assert.ok(
    Math.abs(grey[0] - 0.299) < 1e-3 && Math.abs(grey[1] - 0.587) < 1e-3,
    `ITU-R 601 weights: ${grey}`,
  );
  assert.deepEqual(resize(4)(tf.ones([2, 8, 8, 1]) as tf.Tensor4D, new Rng(1)).shape, [2, 4, 4, 1]);
  assert.deepEqual(
    Array.from(normalize(0.5, 0.25)(tf.tensor4d([0.5, 1], [1, 1, 2, 1]), new Rng(1)).dataSync()),
    [0, 2],
  );
  tf.dispose(rgb);
});

Deno.test("compose chains transforms and frees every intermediate batch", () => {
  const img = tf.randomUniform([4, 28, 28, 1], 0, 1, "float32", 9) as tf.Tensor4D;
  const before = tf.memory().numTensors;
  const out = compose(
    randomAffine({ degrees: 10, shift: 2 }),
    randomLighting({ brightness: 0.1 }),
    normalize(0, 1),
  )(img, new Rng(3));
  assert.equal(tf.memory().numTensors, before + 1, "only the result is left");
  tf.dispose([img, out]);
});

Deno.test("the same seed gives the same augmented batch", () => {
  const img = tf.randomUniform([2, 28, 28, 1], 0, 1, "float32", 9) as tf.Tensor4D;
  const t = compose(
    randomAffine({ degrees: 15, shift: 2, scale: [0.9, 1.1] }),
    randomLighting({ brightness: 0.2 }),
  );
  const a = t(img, new Rng(5)), b = t(img, new Rng(5)), c = t(img, new Rng(6));
  assert.deepEqual(a.dataSync(), b.dataSync());
  assert.notDeepEqual(a.dataSync(), c.dataSync());
  tf.dispose([img, a, b, c]);
});

Deno.test("bad transform settings get errors that say what to change", () => {
  assert.throws(() => randomAffine({ degrees: -1 }), /degrees and shift must be >= 0/);
  assert.throws(() => randomLighting({ contrast: [1.2, 0.8] }), /contrast a range \[lo, hi\]/);
  assert.throws(() => resize(0), /positive integer/);
  assert.throws(() => normalize(0, 0), /std must be > 0/);
});
