import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { tf } from "../lib/backend/mod.ts";
import { fromDataFrame, fromNested, toDataFrame, toNested } from "../lib/tensors/mod.ts";

Deno.test("a tensor goes to nested arrays and back unchanged", () => {
  const nested = [[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]];
  const t = fromNested(nested);
  assert.deepEqual(t.shape, [2, 2, 3]);
  assert.deepEqual(toNested(t), nested);
  assert.equal(toNested(tf.scalar(9)), 9);
  t.dispose();
});

Deno.test("ragged nested arrays get an error naming the row", () => {
  assert.throws(
    () => fromNested([[1, 2], [3]]),
    /ragged array: values\[0\] has shape \[2\] but values\[1\] has shape \[1\]/,
  );
});

Deno.test("toDataFrame writes one row per element with its indices and value", () => {
  const t = tf.tensor([[1, 2, 3], [4, 5, 6]]);
  const df = toDataFrame(t);
  assert.deepEqual(df.columns, ["i0", "i1", "value"]);
  assert.equal(df.height, 6);
  assert.deepEqual(df.getColumn("i0").toArray(), [0, 0, 0, 1, 1, 1]);
  assert.deepEqual(df.getColumn("i1").toArray(), [0, 1, 2, 0, 1, 2]);
  assert.deepEqual(df.getColumn("value").toArray(), [1, 2, 3, 4, 5, 6]);
  t.dispose();
});

Deno.test("fromDataFrame rebuilds the tensor from shuffled rows", () => {
  const df = pl.DataFrame({ i0: [1, 0, 1, 0], i1: [1, 0, 0, 1], value: [40, 10, 30, 20] });
  const t = fromDataFrame(df);
  assert.deepEqual(t.arraySync(), [[10, 20], [30, 40]]);
  t.dispose();
});

Deno.test("a DataFrame round trip keeps a rank 4 tensor", () => {
  const t = tf.range(0, 24).reshape([2, 3, 2, 2]);
  const back = fromDataFrame(toDataFrame(t));
  assert.deepEqual(back.arraySync(), t.arraySync());
  t.dispose();
  back.dispose();
});

Deno.test("fromDataFrame names missing, repeated and out-of-range elements", () => {
  assert.throws(() => fromDataFrame(pl.DataFrame({ i0: [0, 1], v: [1, 2] })), /no "value" column/);
  assert.throws(
    () => fromDataFrame(pl.DataFrame({ i0: [0, 0], value: [1, 2] }), [2]),
    /element \[0\] appears twice/,
  );
  assert.throws(
    () => fromDataFrame(pl.DataFrame({ i0: [0, 1], value: [1, 2] }), [3]),
    /needs 3 rows, the frame has 2/,
  );
  assert.throws(
    () => fromDataFrame(pl.DataFrame({ i0: [0, 5], value: [1, 2] }), [2]),
    /i0 = 5, outside 0..1/,
  );
});
