import assert from "node:assert/strict";
import { modelTable } from "../lib/nn/mod.ts";
import { cnnModel } from "../lib/ocr/mod.ts";

Deno.test("modelTable lists each layer's kind, output shape and parameters, counted by hand", () => {
  const df = modelTable(cnnModel({ seed: 1 }));
  assert.deepEqual(df.getColumn("layer").toArray(), [
    "Conv2D",
    "MaxPooling2D",
    "Conv2D",
    "MaxPooling2D",
    "Flatten",
    "Dense",
  ]);
  assert.deepEqual(df.getColumn("output").toArray(), [
    "[26, 26, 16]",
    "[13, 13, 16]",
    "[11, 11, 32]",
    "[5, 5, 32]",
    "[800]",
    "[10]",
  ]);
  // 3*3*1*16 + 16; 3*3*16*32 + 32; 800*10 + 10
  assert.deepEqual(df.getColumn("parameters").toArray(), [160, 0, 4640, 0, 0, 8010]);
  assert.deepEqual(df.getColumn("activation").toArray(), ["relu", "", "relu", "", "", "linear"]);
});
