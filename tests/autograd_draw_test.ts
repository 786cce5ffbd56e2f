// The tape shown: as a polars table (values from a hand-computed neuron) and as
// an SVG graph (one box per value with its data and grad, one circle per operation).
import assert from "node:assert/strict";
import { DOMParser } from "linkedom";
import { drawTape, shortNumber, Tape, tapeLayout, tapeTable } from "../lib/autograd/mod.ts";

/** tanh(w*x + b) with w = 0.5, x = 2, b = 0, after backward. */
function neuron(): Tape {
  const tape = new Tape();
  const w = tape.value(0.5, "w");
  const x = tape.value(2, "x");
  const b = tape.value(0, "b");
  w.mul(x).named("wx").add(b).named("z").tanh().named("y").backward();
  return tape;
}

/** A graph shaped by its input: double-and-add until past 10, then a branch. */
function dynamic(start: number): Tape {
  const tape = new Tape();
  const a = tape.value(start, "a");
  let z = a;
  while (z.data < 10) z = z.mul(2).add(a);
  z = z.data > 20 ? z.log() : z.tanh();
  z.div(3).sub(a.exp()).backward();
  return tape;
}

Deno.test("tapeTable lists each step with its operation, inputs, value and gradient", () => {
  const t = Math.tanh(1); // y = tanh(0.5·2 + 0), by hand
  const d = 1 - t * t; // dy/dz
  const rows = tapeTable(neuron()).toRecords();
  assert.deepEqual(
    rows.map((r) => [r.step, r.operation, r.inputs, r.output]),
    [
      [0, "input", "", "w"],
      [1, "input", "", "x"],
      [2, "input", "", "b"],
      [3, "mul", "w, x", "wx"],
      [4, "add", "wx, b", "z"],
      [5, "tanh", "z", "y"],
    ],
  );
  const expected = [
    [0.5, 2 * d],
    [2, 0.5 * d],
    [0, d],
    [1, d],
    [1, d],
    [t, 1],
  ];
  rows.forEach((r, i) => {
    assert.ok(Math.abs((r.value as number) - expected[i][0]) <= 1e-15, `value at step ${i}`);
    assert.ok(Math.abs((r.gradient as number) - expected[i][1]) <= 1e-15, `gradient at step ${i}`);
  });
});

Deno.test("tapeTable shows the tape before backward with zero gradients", () => {
  const tape = new Tape();
  tape.value(3, "x").pow(2);
  const df = tapeTable(tape);
  assert.deepEqual(df.columns, ["step", "operation", "inputs", "output", "value", "gradient"]);
  assert.deepEqual(df.getColumn("operation").toArray(), ["input", "pow 2"]);
  assert.deepEqual(df.getColumn("gradient").toArray(), [0, 0]);
});

Deno.test("the graph has one node per value and one per operation, in tape order", () => {
  for (const tape of [neuron(), dynamic(1.5), dynamic(4)]) {
    const { values, ops } = tapeLayout(tape);
    assert.equal(values.length, tape.length);
    assert.equal(ops.length, tape.entries.filter((e) => e.inputs.length > 0).length);
    const at = new Map(values.map((v) => [v.step, v]));
    for (const op of ops) {
      const entry = tape.entries[op.step];
      const out = at.get(op.step)!;
      assert.equal(op.x, out.x - 0.5, "an operation sits just left of its output");
      for (const v of entry.inputs) assert.ok(at.get(v.step)!.x < op.x, "inputs lie to the left");
    }
    const opColumns = ops.map((o) => o.x);
    assert.deepEqual(opColumns, [...opColumns].sort((a, b) => a - b), "operations in tape order");
  }
});

Deno.test("an edge that skips columns runs along a lane no box sits in", () => {
  for (const tape of [neuron(), dynamic(1.5), dynamic(4)]) {
    const { values, edges } = tapeLayout(tape);
    for (const e of edges.filter((e) => e.points.length === 3)) {
      const [[x0, lane], [xc]] = e.points;
      const blocking = values.filter((v) => v.y === lane && v.x > x0 && v.x <= xc);
      assert.deepEqual(blocking, [], `edge from (${x0}, ${lane}) crosses a box`);
    }
  }
});

Deno.test("two inputs give two differently shaped tapes", () => {
  const small = dynamic(1.5).entries.map((e) => e.kind);
  const big = dynamic(4).entries.map((e) => e.kind);
  assert.notDeepEqual(small, big);
  assert.equal(small.filter((k) => k === "mul").length, 2); // 1.5 -> 4.5 -> 10.5
  assert.ok(small.includes("tanh") && !small.includes("log")); // 10.5 <= 20
  assert.equal(big.filter((k) => k === "mul").length, 1); // 4 -> 12
  assert.ok(big.includes("tanh"));
});

Deno.test("drawTape draws one box per value labelled with data and grad, one circle per operation", () => {
  const tape = neuron();
  const fig = drawTape(tape, { title: "one neuron" });
  const svg = fig.svg;
  assert.ok(svg.startsWith("<svg"));
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  assert.equal(doc.querySelectorAll("rect").length, 6);
  assert.equal(doc.querySelectorAll("circle").length, 3);
  const labels = [...doc.querySelectorAll("text")].map((t) =>
    [...t.querySelectorAll("tspan")].map((s) => s.textContent).join(" | ")
  );
  for (const e of tape.entries) {
    const v = e.output;
    const want = `${v.label} | data ${shortNumber(v.data)} | grad ${shortNumber(v.grad)}`;
    assert.ok(labels.includes(want), `no box reads "${want}" in ${JSON.stringify(labels)}`);
  }
  assert.ok(labels.includes("y | data 0.7616 | grad 1"));
  assert.ok(labels.includes("w | data 0.5 | grad 0.8399"));
});

Deno.test("shortNumber keeps four significant digits", () => {
  assert.equal(shortNumber(0.7615941559557649), "0.7616");
  assert.equal(shortNumber(0.41997434161402614), "0.42");
  assert.equal(shortNumber(-4.4816890703380645), "-4.482");
  assert.equal(shortNumber(2.0216e-9), "2.022e-9");
});
