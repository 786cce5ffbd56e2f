import assert from "node:assert/strict";
import { plotHistory, plotRuns } from "../lib/nn/mod.ts";

const records = [1, 2, 3].map((epoch) => ({
  epoch,
  trainLoss: 1 / epoch,
  valLoss: 1.2 / epoch,
  accuracy: null,
  seconds: epoch / 10,
}));

Deno.test("plotRuns draws one line per run and names the runs in its legend", () => {
  const fig = plotRuns({ SGD: records, Adam: records }, "trainLoss", { logY: true });
  assert.equal((fig.markup.match(/aria-label="line"/g) ?? []).length, 1, "one line mark");
  assert.ok(fig.markup.includes("SGD") && fig.markup.includes("Adam"));
});

Deno.test("plotHistory marks the chosen epoch", () => {
  const fig = plotHistory(records, ["trainLoss", "valLoss"], { markEpoch: 2, markLabel: "best" });
  assert.ok(fig.markup.includes("best"));
  assert.ok(fig.markup.includes("trainLoss") && fig.markup.includes("valLoss"));
});

Deno.test("a column with nothing in it is refused", () => {
  assert.throws(
    () => plotRuns({ a: records }, "accuracy"),
    /nothing to plot; the history has no "accuracy" values/,
  );
});
