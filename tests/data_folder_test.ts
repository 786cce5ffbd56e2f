import assert from "node:assert/strict";
import { Jimp } from "jimp";
import { loadImageFolder } from "../lib/data/mod.ts";

async function writeImage(path: string, w: number, h: number, grey: number) {
  const v = Math.round(grey * 255);
  const img = new Jimp({
    width: w,
    height: h,
    color: ((v << 24) | (v << 16) | (v << 8) | 0xff) >>> 0,
  });
  const bytes = await img.getBuffer(path.endsWith(".png") ? "image/png" : "image/jpeg");
  await Deno.writeFile(path, new Uint8Array(bytes));
}

async function folder(spec: Record<string, [string, number, number, number][]>): Promise<string> {
  const root = await Deno.makeTempDir();
  for (const [label, files] of Object.entries(spec)) {
    await Deno.mkdir(`${root}/${label}`);
    for (const [name, w, h, grey] of files) {
      await writeImage(`${root}/${label}/${name}`, w, h, grey);
    }
  }
  return root;
}

Deno.test("an image folder becomes labelled greyscale images, ink stored light on dark", async () => {
  const root = await folder({
    cat: [["a.png", 3, 2, 1]],
    dog: [["b.png", 3, 2, 0], ["c.jpg", 3, 2, 0.2]],
  });
  const { images, classes, files } = await loadImageFolder(root);
  assert.deepEqual(classes, ["cat", "dog"]);
  assert.deepEqual(Array.from(images.labels), [0, 1, 1]);
  assert.equal(images.width, 3);
  assert.equal(images.height, 2);
  assert.ok(files[2].endsWith("dog/c.jpg"));
  assert.ok(Array.from(images.get(0).x).every((v) => Math.abs(v) < 1e-6), "white paper is 0");
  assert.ok(Array.from(images.get(1).x).every((v) => Math.abs(v - 1) < 1e-6), "black ink is 1");
  assert.ok(
    Array.from(images.get(2).x).every((v) => Math.abs(v - 0.8) < 0.03),
    "JPEG grey 0.2 is 0.8 inverted",
  );
  await Deno.remove(root, { recursive: true });
});

Deno.test("images of mixed sizes are refused unless a size is given, then resized", async () => {
  const root = await folder({ a: [["1.png", 4, 4, 0], ["2.png", 6, 5, 0]] });
  await assert.rejects(
    () => loadImageFolder(root),
    /2\.png is 6x5 but .*1\.png is 4x4; pass \{ size \}/,
  );
  const { images } = await loadImageFolder(root, { size: 8 });
  assert.equal(images.length, 2);
  assert.equal(images.width, 8);
  await Deno.remove(root, { recursive: true });
});

Deno.test("corrupt files, empty label folders and missing folders get errors naming them", async () => {
  const root = await folder({ a: [["1.png", 2, 2, 0]] });
  await Deno.writeTextFile(`${root}/a/broken.png`, "not a png at all");
  await assert.rejects(() => loadImageFolder(root), /broken\.png is not a readable PNG or JPEG/);
  await Deno.remove(`${root}/a/broken.png`);
  await Deno.mkdir(`${root}/empty`);
  await assert.rejects(() => loadImageFolder(root), /empty holds no \.png or \.jpg images/);
  await assert.rejects(() => loadImageFolder(`${root}/nope`), /cannot read the folder/);
  await Deno.remove(root, { recursive: true });
});
