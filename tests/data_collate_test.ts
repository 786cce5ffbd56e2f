import assert from "node:assert/strict";
import { tf } from "../lib/backend/mod.ts";
import { collateExamples } from "../lib/data/mod.ts";

Deno.test("collateExamples stacks features and labels in sample order", () => {
  const batch = collateExamples([{ x: [1, 2], y: 0 }, { x: [3, 4], y: 1 }]);
  assert.deepEqual(batch.x.arraySync(), [[1, 2], [3, 4]]);
  assert.deepEqual(batch.y.arraySync(), [0, 1]);
  tf.dispose(batch);
});

Deno.test("image-shaped examples and vector targets keep their shapes", () => {
  const batch = collateExamples([
    { x: [1, 2, 3, 4], y: [0, 1], shape: [2, 2, 1] },
    { x: [5, 6, 7, 8], y: [1, 0], shape: [2, 2, 1] },
  ]);
  assert.deepEqual(batch.x.shape, [2, 2, 2, 1]);
  assert.deepEqual(batch.y.arraySync(), [[0, 1], [1, 0]]);
  tf.dispose(batch);
});

Deno.test("uneven samples get errors naming the sample", () => {
  assert.throws(() => collateExamples([]), /got no samples/);
  assert.throws(
    () => collateExamples([{ x: [1, 2], y: 0 }, { x: [3], y: 1 }]),
    /sample 1 of the batch has 1 features, sample 0 has 2/,
  );
  assert.throws(
    () => collateExamples([{ x: [1], y: 0 }, { x: [3], y: [1] }]),
    /some targets are numbers, others vectors/,
  );
});
