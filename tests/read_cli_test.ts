import assert from "node:assert/strict";
import { parseReadArgs } from "../tools/read.ts";

const root = new URL("..", import.meta.url).pathname;

async function read(...args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `${root}tools/read.ts`, ...args],
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}

Deno.test("deno task read prints the text of a good photo", async () => {
  const truth = JSON.parse(await Deno.readTextFile(`${root}data/ocr/truth.json`));
  const r = await read(`${root}data/ocr/photo_colour.jpg`);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trimEnd(), truth["photo_colour.jpg"].text);
});

Deno.test("deno task read --json gives boxes and confidences; --model digits reads digits", async () => {
  const r = await read(`${root}data/ocr/photo_digits.jpg`, "--model", "digits", "--json");
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.model, "digits");
  assert.equal(json.text.replace(/ /g, ""), "33290557\n63127792");
  assert.equal(json.characters.length, 16);
  for (const c of json.characters) {
    assert.ok(c.confidence > 0 && c.confidence <= 1);
    assert.equal(c.box.length, 4);
  }
});

Deno.test("deno task read exits non-zero with a message for a missing file or a non-image", async () => {
  const missing = await read(`${root}data/ocr/no_such_photo.jpg`);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /No image file at .*no_such_photo\.jpg: check the path/);
  assert.equal(missing.stdout, "");
  const notImage = await read(`${root}README.md`);
  assert.equal(notImage.code, 1);
  assert.match(notImage.stderr, /README\.md is not an image/);
});

Deno.test("the read command line: defaults, options and mistakes", () => {
  assert.deepEqual(parseReadArgs(["a.png"]), { image: "a.png", kind: "printed", json: false });
  assert.deepEqual(parseReadArgs(["--json", "--model", "digits", "a.png"]), {
    image: "a.png",
    kind: "digits",
    json: true,
  });
  assert.throws(() => parseReadArgs([]), /which image\?/);
  assert.throws(() => parseReadArgs(["a.png", "--model", "cursive"]), /digits or printed/);
  assert.throws(() => parseReadArgs(["a.png", "--fast"]), /unknown option --fast/);
  assert.throws(() => parseReadArgs(["a.png", "b.png"]), /one image at a time/);
});
