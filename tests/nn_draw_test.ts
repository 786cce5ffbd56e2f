import assert from "node:assert/strict";
import { Rng } from "../lib/data/mod.ts";
import { drawNetwork, feedForward } from "../lib/nn/mod.ts";

const count = (text: string, what: string) => text.split(what).length - 1;

Deno.test("drawNetwork draws one circle per neuron and one line per connection", () => {
  const fig = drawNetwork([2, 3, 1]);
  assert.equal(count(fig.markup, "<circle"), 2 + 3 + 1);
  // Plot draws each link as one <path>: 2*3 + 3*1 connections.
  const links = fig.markup.slice(fig.markup.indexOf('aria-label="link"'));
  assert.equal(count(links.slice(0, links.indexOf("</g>")), "<path"), 9);
  assert.ok(fig.markup.includes("input 2") && fig.markup.includes("output 1"));
});

Deno.test("drawNetwork caps big layers and says how many it drew", () => {
  const model = feedForward({ sizes: [2, 50, 1], activation: "relu", rng: new Rng(0) });
  const fig = drawNetwork(model, { maxNeurons: 6 });
  assert.equal(count(fig.markup, "<circle"), 2 + 6 + 1);
  assert.ok(fig.markup.includes("(6 drawn)"));
  assert.ok(fig.markup.includes("relu"));
});
