import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { Figure, JUPYTER_DISPLAY as display, plot, sideBySide } from "../lib/show/mod.ts";

Deno.test("plot draws outside a browser and displays inline as SVG", () => {
  const fig = plot({ marks: [Plot.dot([[1, 2], [3, 4], [5, 6]])] });
  assert.ok(fig.isSvg);
  const bundle = fig[display]();
  assert.ok(bundle["image/svg+xml"].startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  const { document } = parseHTML(`<html><body>${fig.svg}</body></html>`);
  assert.equal(document.querySelectorAll("circle").length, 3, "one circle per data point");
});

Deno.test("a figure with a legend displays as HTML and still saves its SVG", () => {
  const fig = plot({
    color: { legend: true },
    marks: [Plot.dot([{ x: 1, c: "a" }, { x: 2, c: "b" }], { x: "x", fill: "c" })],
  });
  assert.ok(!fig.isSvg);
  assert.ok("text/html" in fig[display]());
  assert.ok(fig.svg.startsWith("<svg") && fig.svg.endsWith("</svg>"));
  const { document } = parseHTML(`<html><body>${fig.svg}</body></html>`);
  assert.equal(
    document.querySelectorAll("body > svg").length,
    1,
    "one SVG element, the legend left out",
  );
  assert.equal(document.querySelectorAll("circle").length, 2, "the chart's two dots");
});

Deno.test("save writes a standalone .svg file that parses back", async () => {
  const path = await Deno.makeTempFile({ suffix: ".svg" });
  await plot({ marks: [Plot.lineY([1, 3, 2])] }).save(path);
  const text = await Deno.readTextFile(path);
  assert.ok(text.startsWith('<?xml version="1.0"'));
  assert.match(text, /<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>[\s\S]*<path/);
  await Deno.remove(path);
});

Deno.test("a figure without an SVG says so when asked for one", () => {
  assert.throws(() => new Figure("<figure></figure>").svg, /no <svg> element/);
});

Deno.test("sideBySide puts every figure and caption in one HTML row", () => {
  const a = plot({ marks: [Plot.dot([[1, 1]])] });
  const html = sideBySide([a, a], ["x = 1", "x = <5>"]).html;
  assert.equal(html.match(/<svg/g)!.length, 2);
  assert.match(html, /x = &lt;5&gt;/);
});
