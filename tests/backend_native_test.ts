import assert from "node:assert/strict";
import { NATIVE_KERNELS, nativeStatus } from "../lib/backend/mod.ts";

// The switch that turns the native kernels off, in a fresh process: the
// journal must still train there, on plain wasm, and say why.
Deno.test("JOURNAL_NATIVE=0 trains on plain wasm and says so", async () => {
  const code = `
    const { backendName, tf } = await import("${new URL(
    "../lib/backend/mod.ts",
    import.meta.url,
  )}");
    const x = tf.randomNormal([2, 6, 6, 1], 0, 1, "float32", 1);
    const w = tf.variable(tf.randomNormal([3, 3, 1, 2], 0, 1, "float32", 2));
    tf.train.adam(0.1).minimize(() => tf.conv2d(x, w, 1, "valid").relu().sum());
    console.log(JSON.stringify({ name: backendName(), relu: tf.getKernel("JournalReluGrad", "wasm") !== undefined }));
  `;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", code],
    env: { JOURNAL_NATIVE: "0", NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout).trim().split("\n").pop()!;
  assert.ok(out.success, new TextDecoder().decode(out.stderr));
  assert.deepEqual(JSON.parse(text), {
    name: "wasm (no native kernels: JOURNAL_NATIVE=0)",
    relu: false,
  });
});

Deno.test({
  name: "where they load, the native kernels run on every core and cover a training step",
  ignore: !nativeStatus().loaded,
  fn: () => {
    const status = nativeStatus();
    assert.ok(status.loaded && status.threads === Math.min(16, navigator.hardwareConcurrency));
    for (const k of ["Conv2D", "Conv2DBackpropFilter", "Conv2DBackpropInput", "BatchMatMul"]) {
      assert.ok(NATIVE_KERNELS.includes(k), k);
    }
  },
});
