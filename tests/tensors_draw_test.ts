import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { tf } from "../lib/backend/mod.ts";
import { drawTensor, MAX_DRAWN_ELEMENTS } from "../lib/tensors/mod.ts";

interface DrawnCell {
  index: number[];
  value: number;
  x: number;
  y: number;
}

/** Read the drawn value cells back out of the SVG: index and value from each cell's title. */
function drawnCells(svg: string): DrawnCell[] {
  const { document } = parseHTML(`<html><body>${svg}</body></html>`);
  return [...document.querySelectorAll("g.tensor-cell rect")].map((rect) => {
    const title = rect.querySelector("title")!.textContent!;
    const m = title.match(/^\[(.*)\] = (.+)$/)!;
    return {
      index: m[1] === "" ? [] : m[1].split(", ").map(Number),
      value: Number(m[2]),
      x: Number(rect.getAttribute("x")),
      y: Number(rect.getAttribute("y")),
    };
  });
}

function drawnLabels(svg: string): string[] {
  const { document } = parseHTML(`<html><body>${svg}</body></html>`);
  return [...document.querySelectorAll("g.tensor-value text")].map((t) => t.textContent!);
}

Deno.test("the (4, 2, 3) tensor is drawn as 24 value cells in 4 layers with the right numbers", () => {
  const t = tf.range(1, 25).reshape([4, 2, 3]);
  const svg = drawTensor(t).markup;
  const cells = drawnCells(svg);
  assert.equal(cells.length, 24);
  for (const c of cells) {
    const [k, i, j] = c.index;
    assert.equal(c.value, 1 + k * 6 + i * 3 + j, `cell [${c.index}]`);
  }
  const layers = new Set(cells.map((c) => c.index[0]));
  assert.deepEqual([...layers].sort(), [0, 1, 2, 3]);
  assert.deepEqual(
    drawnLabels(svg).map(Number).sort((a, b) => a - b),
    Array.from({ length: 24 }, (_, i) => i + 1),
  );
  t.dispose();
});

Deno.test("deeper layers sit up and to the right of the front matrix, like a stack seen in depth", () => {
  const t = tf.range(1, 25).reshape([4, 2, 3]);
  const cells = drawnCells(drawTensor(t).markup);
  const corner = (k: number) => cells.find((c) => c.index.join() === `${k},0,0`)!;
  for (let k = 1; k < 4; k++) {
    assert.ok(corner(k).x > corner(k - 1).x, `layer ${k} is right of layer ${k - 1}`);
    assert.ok(corner(k).y < corner(k - 1).y, `layer ${k} is above layer ${k - 1}`);
  }
  t.dispose();
});

Deno.test("rank 0, 1 and 2 draw a cell, a row and a grid", () => {
  assert.deepEqual(drawnCells(drawTensor(9).markup).map((c) => c.value), [9]);
  const row = drawnCells(drawTensor([2, 4, 5, 6]).markup);
  assert.deepEqual(row.map((c) => c.value), [2, 4, 5, 6]);
  assert.equal(new Set(row.map((c) => c.y)).size, 1, "a vector is one row");
  const grid = drawnCells(drawTensor([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]).markup);
  assert.equal(new Set(grid.map((c) => c.y)).size, 3);
  assert.equal(new Set(grid.map((c) => c.x)).size, 4);
  assert.equal(grid.find((c) => c.index.join() === "2,1")!.value, 10);
});

Deno.test("rank 4 and rank 5 drawings hold every element with its value", () => {
  for (const shape of [[2, 3, 2, 2], [2, 2, 2, 3, 2]]) {
    const size = shape.reduce((p, n) => p * n, 1);
    const t = tf.range(0, size).reshape(shape);
    const cells = drawnCells(drawTensor(t).markup);
    assert.equal(cells.length, size, `shape [${shape}]`);
    const flat = (idx: number[]) => idx.reduce((f, i, a) => f * shape[a] + i, 0);
    for (const c of cells) assert.equal(c.value, flat(c.index));
    assert.equal(new Set(cells.map((c) => c.index.join())).size, size, "no element drawn twice");
    t.dispose();
  }
});

Deno.test("highlighted cells are outlined: a slice seen on the picture", () => {
  const t = tf.range(1, 25).reshape([4, 2, 3]);
  const svg = drawTensor(t, { highlight: ([k, , j]) => k === 1 && j === 2 }).markup;
  const { document } = parseHTML(`<html><body>${svg}</body></html>`);
  assert.equal(document.querySelectorAll("g.tensor-highlight rect").length, 2);
  t.dispose();
});

Deno.test("non-integer values are written with 3 significant digits", () => {
  assert.deepEqual(drawnLabels(drawTensor([0.123456, 2.5]).markup).sort(), ["0.123", "2.5"]);
});

Deno.test("a rank above 5 gets an error that says the limit and how to slice", () => {
  const t = tf.zeros([1, 1, 1, 1, 1, 2]);
  assert.throws(() => drawTensor(t), /ranks 0 to 5; this tensor has rank 6 .*Slice it first/);
  t.dispose();
});

Deno.test("too many elements get an error that says the limit and how to slice", () => {
  const t = tf.zeros([MAX_DRAWN_ELEMENTS + 1]);
  assert.throws(
    () => drawTensor(t),
    new RegExp(`at most ${MAX_DRAWN_ELEMENTS} elements.*Slice it first`),
  );
  t.dispose();
});

Deno.test("drawing leaves no tensor behind", () => {
  const before = tf.memory().numTensors;
  drawTensor([[1, 2], [3, 4]]);
  assert.equal(tf.memory().numTensors, before);
});
