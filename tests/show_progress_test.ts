import assert from "node:assert/strict";
import { progress, progressBar } from "../lib/show/mod.ts";

Deno.test("progressBar fills in proportion to the steps done", () => {
  assert.equal(progressBar(0, 10, 10), "[..........] 0/10");
  assert.equal(progressBar(5, 10, 10, "epochs", "loss 0.5"), "epochs [#####.....] 5/10 loss 0.5");
  assert.equal(progressBar(10, 10, 4), "[####] 10/10");
  assert.equal(progressBar(12, 10, 4), "[####] 12/10", "overshoot is clamped in the bar");
});

Deno.test("progress in Jupyter shows one display and then updates it in place", async () => {
  const sent: { kind: string; content: Record<string, unknown> }[] = [];
  const jupyter = {
    broadcast: (kind: string, content: Record<string, unknown>) => {
      sent.push({ kind, content });
      return Promise.resolve();
    },
  };
  const bar = progress(3, { label: "epochs", minIntervalMs: 0, jupyter });
  for (let i = 1; i <= 3; i++) bar.update(i, `step ${i}`);
  await bar.finish("done");
  assert.deepEqual(sent.map((m) => m.kind), [
    "display_data",
    "update_display_data",
    "update_display_data",
    "update_display_data",
  ]);
  const ids = new Set(sent.map((m) => (m.content.transient as { display_id: string }).display_id));
  assert.equal(ids.size, 1, "every update targets the same display id");
  const last = sent.at(-1)!.content.data as Record<string, string>;
  assert.equal(last["text/plain"], "epochs [" + "#".repeat(30) + "] 3/3 done");
});

Deno.test("progress rejects a negative total", () => {
  assert.throws(() => progress(-1), /total must be a non-negative number/);
});

Deno.test("progress outside the kernel draws in the terminal without touching Deno.jupyter", async () => {
  const bar = progress(2, { label: "steps" });
  bar.update(1);
  bar.update(2);
  await bar.finish();
  assert.equal(bar.done, 2);
  assert.throws(() => progress(1, { mode: "jupyter" }), /needs the Deno Jupyter kernel/);
});
