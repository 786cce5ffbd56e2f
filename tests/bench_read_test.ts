import assert from "node:assert/strict";
import { benchReading } from "../tools/bench_read.ts";

Deno.test("benchReading times the parts of reading a photo (measured, not asserted)", async () => {
  const b = await benchReading({ runs: 2 });
  assert.equal(b.characters, 46);
  assert.equal(b.photo, "data/ocr/photo_printed.jpg");
  for (const k of ["msPerPhoto", "decodeMs", "segmentMs", "modelMs", "loadMs"] as const) {
    assert.ok(Number.isFinite(b[k]) && b[k] > 0, `${k}: ${b[k]}`);
  }
});
