import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { loadMnist } from "../lib/data/mnist.ts";
import { photoOfDigits } from "../lib/ocr/photo.ts";
import { type GreyImage, greyImage } from "../lib/ocr/grey.ts";
import { encodePng } from "../lib/ocr/encode.ts";
import { bundleWebApp, listModels, serveWebcam, type WebcamServer } from "../tools/webcam.ts";
import { ensureChromium } from "../tools/setup.ts";
import { y4mVideo } from "./helpers/y4m.ts";
import { importPlaywright } from "./helpers/playwright.ts";

const MODELS = new URL("../data/models", import.meta.url).pathname;
const browserPath = await ensureChromium();
const skip = "reason" in browserPath;
if (skip) console.log(`webcam_test: skipped, no Chromium: ${browserPath.reason}`);

/** The page's script, bundled once for every test here. */
let bundled: Promise<string> | undefined;
const app = () => bundled ??= bundleWebApp();

/** The top-left width x height of a grey image. */
function cropTo(image: GreyImage, width: number, height: number): GreyImage {
  const out = greyImage(width, height);
  for (let y = 0; y < height; y++) {
    out.data.set(image.data.subarray(y * image.width, y * image.width + width), y * width);
  }
  return out;
}

/** Six held-out MNIST test digits on a photo-like page, taken four times (a shaky hand). */
function digitPhotos() {
  const { test } = loadMnist({ seed: 42 });
  const photos = [1, 2, 3, 4].map((seed) => photoOfDigits(test, [[0, 1, 2, 3, 4, 5]], { seed }));
  const width = Math.min(...photos.map((p) => p.image.width)) & ~1;
  const height = Math.min(...photos.map((p) => p.image.height)) & ~1;
  return { photos, frames: photos.map((p) => cropTo(p.image, width, height)) };
}

/** The page's state, reading and status once `state` is one of `states`. */
async function settle(page: Page, states: string[], timeout = 15_000) {
  await page.waitForFunction(
    (wanted) => wanted.includes(document.body.dataset.state ?? ""),
    states,
    { timeout },
  ).catch(async (e) => {
    throw new Error(`${e.message}\nstatus: ${await page.textContent("#status")}`);
  });
  return {
    state: await page.getAttribute("body", "data-state"),
    status: (await page.textContent("#status")) ?? "",
    text: ((await page.textContent("#text")) ?? "").replace(/\s/g, ""),
    characters: Number(await page.getAttribute("body", "data-characters")),
  };
}

Deno.test("the page's script bundles for the browser without Deno-only code (jimp, canvas, polars)", async () => {
  const js = await app();
  for (const banned of ["jimp", "@napi-rs/canvas", "nodejs-polars", "Deno.readFile", "Deno.open"]) {
    assert.ok(!js.includes(banned), `the browser bundle contains ${banned}`);
  }
  assert.match(js, /function readGrey\(/, "the bundle carries lib/ocr's own readGrey");
  assert.match(js, /function adaptiveThreshold\(/, "and the notebooks' threshold");
});

Deno.test("the models list names each model's classes, and says how to make the missing ones", async () => {
  const dir = await Deno.makeTempDir({ prefix: "webcam-models-" });
  try {
    await Deno.mkdir(`${dir}/digits-cnn`);
    await Deno.copyFile(`${MODELS}/digits-cnn/model.json`, `${dir}/digits-cnn/model.json`);
    await Deno.mkdir(`${dir}/mine`);
    await Deno.writeTextFile(`${dir}/mine/model.json`, "{}");
    await Deno.writeTextFile(`${dir}/mine/classes.json`, '{"classes": "AB", "ink": "mask"}');
    await Deno.mkdir(`${dir}/unnamed`);
    await Deno.writeTextFile(`${dir}/unnamed/model.json`, "{}");
    const reply = listModels(dir);
    assert.deepEqual(reply.models.map((m) => [m.name, m.classes, m.ink, m.url]), [
      ["digits-cnn", "0123456789", "grey", "/models/digits-cnn/model.json"],
      ["mine", "AB", "mask", "/models/mine/model.json"],
    ]);
    assert.match(reply.missing.join("\n"), /printed characters model is made by/);
    assert.match(reply.missing.join("\n"), /unnamed has a model but no usable classes\.json/);
    assert.deepEqual(listModels(`${dir}/nowhere`).models, []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the server answers on 127.0.0.1 only what the page needs, and explains what is missing", async () => {
  const server = await serveWebcam({ port: 0, quiet: true, app: await app() });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const get = (path: string) => fetch(new URL(path, server.url));
    const page = await get("/");
    assert.match(await page.text(), /Reading characters from my webcam/);
    const js = await get("/app.js");
    assert.equal(js.headers.get("content-type"), "text/javascript; charset=utf-8");
    await js.body?.cancel();
    const wasm = await get("/wasm/tfjs-backend-wasm-simd.wasm");
    assert.equal(wasm.status, 200);
    assert.deepEqual([...new Uint8Array(await wasm.arrayBuffer()).subarray(0, 4)], [
      0,
      97,
      115,
      109,
    ]);
    const weights = await get("/models/digits-cnn/weights.bin");
    assert.equal(weights.status, 200);
    await weights.body?.cancel();
    for (
      const path of [
        "/models/digits-cnn/..%2F..%2Fdeno.json",
        "/models/../deno.json",
        "/etc/passwd",
      ]
    ) {
      const r = await get(path);
      assert.equal(r.status, 404, path);
      await r.body?.cancel();
    }
    const chapter = await get("/journal/no_such_chapter.html");
    assert.equal(chapter.status, 404);
    assert.match(await chapter.text(), /deno task journal/);
  } finally {
    await server.close();
  }
});

Deno.test({
  name: "in headless Chromium the page reads a fake camera's digits, a chosen photo, " +
    "and says plainly when the camera is refused or no model exists",
  ignore: skip,
  sanitizeOps: false,
  sanitizeResources: false,
  async fn(t) {
    const dir = await Deno.makeTempDir({ prefix: "webcam-test-" });
    const { photos, frames } = digitPhotos();
    const truth = photos[0].text.replace(/\s/g, "");
    assert.ok(photos.every((p) => p.text.replace(/\s/g, "") === truth));
    const video = `${dir}/digits.y4m`, png = `${dir}/digits.png`;
    await Deno.writeFile(video, y4mVideo(frames, 10));
    await Deno.writeFile(png, await encodePng(photos[1].image));
    await Deno.mkdir(`${dir}/no-models`);

    const servers: WebcamServer[] = [];
    let browser: Browser | undefined;
    const errors: string[] = [];
    try {
      const withModels = await serveWebcam({ port: 0, quiet: true, app: await app() });
      servers.push(withModels);
      const noModels = await serveWebcam({
        port: 0,
        quiet: true,
        app: await app(),
        modelsDir: `${dir}/no-models`,
      });
      servers.push(noModels);
      const { chromium } = await importPlaywright();
      browser = await chromium.launch({
        executablePath: (browserPath as { path: string }).path,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--use-fake-ui-for-media-stream",
          "--use-fake-device-for-media-stream",
          `--use-file-for-fake-video-capture=${video}`,
        ],
      });
      const open = async (url: string, init?: () => void) => {
        const page = await browser!.newPage();
        page.on("pageerror", (e) => errors.push(`${url}: ${e.message}`));
        if (init) await page.addInitScript(init);
        await page.goto(url);
        return page;
      };

      await t.step("the fake camera's digits are read, boxed, several times a second", async () => {
        const page = await open(`${withModels.url}?model=digits-cnn`);
        const ready = await settle(page, ["ready", "error", "no-model"]);
        assert.equal(ready.state, "ready", ready.status);
        assert.match(ready.status, /Handwritten digits/);
        await page.click("#camera");
        await page.waitForFunction(
          (want) => document.getElementById("text")!.textContent!.replace(/\s/g, "") === want,
          truth,
          { timeout: 15_000 },
        ).catch(async (e) => {
          throw new Error(
            `${e.message}\nthe page read "${await page.textContent("#text")}", ` +
              `not "${truth}"; status: ${await page.textContent("#status")}`,
          );
        });
        const before = Number(await page.getAttribute("body", "data-frames"));
        const t0 = performance.now();
        await page.waitForTimeout(1500);
        const perSecond = (Number(await page.getAttribute("body", "data-frames")) - before) /
          ((performance.now() - t0) / 1000);
        assert.ok(perSecond >= 2, `only ${perSecond.toFixed(1)} frames read a second`);
        const now = await settle(page, ["camera"]);
        assert.equal(now.characters, truth.length);
        const confidences = await page.$$eval(
          "#chars li",
          (items) => items.map((li) => Number(li.textContent!.match(/(\d+)%/)![1])),
        );
        assert.equal(confidences.length, truth.length);
        assert.ok(confidences.every((c) => c > 0 && c <= 100), confidences.join(", "));
        await page.close();
      });

      await t.step("a chosen photo file is read the same way", async () => {
        const page = await open(`${withModels.url}?model=digits-cnn`);
        await settle(page, ["ready"]);
        await page.setInputFiles("#file", png);
        const read = await settle(page, ["file-read", "error"]);
        assert.equal(read.state, "file-read", read.status);
        assert.equal(read.text, truth);
        assert.match(read.status, /Read 6 characters in digits\.png/);
        await page.close();
      });

      await t.step("a refused camera is explained, with the photo picker on offer", async () => {
        const page = await open(withModels.url, () => {
          navigator.mediaDevices.getUserMedia = () =>
            Promise.reject(new DOMException("Permission denied", "NotAllowedError"));
        });
        await settle(page, ["ready"]);
        await page.click("#camera");
        const refused = await settle(page, ["no-camera", "error"]);
        assert.equal(refused.state, "no-camera");
        assert.match(refused.status, /camera was refused/);
        assert.match(refused.status, /choose or drop a photo/);
        assert.ok(await page.isVisible("label[for=file]"));
        await page.close();
      });

      await t.step(
        "with no trained model the page says so, still finds characters, and takes a model from disk",
        async () => {
          const page = await open(noModels.url);
          const none = await settle(page, ["no-model", "ready", "error"]);
          assert.equal(none.state, "no-model", none.status);
          assert.match(none.status, /No trained model in .*no-models/);
          assert.match(none.status, /deno task train-ocr/);
          assert.ok(await page.isVisible("#model-picker"));
          await page.setInputFiles("#file", png);
          const found = await settle(page, ["file-read", "error"]);
          assert.equal(found.characters, truth.length, found.status);
          assert.match(found.status, /Found 6 characters, but there is no model/);
          await page.setInputFiles("#model-files", [
            `${MODELS}/digits-cnn/model.json`,
            `${MODELS}/digits-cnn/weights.bin`,
          ]);
          await settle(page, ["ready", "error"]);
          await page.setInputFiles("#file", png);
          const read = await settle(page, ["file-read", "error"]);
          assert.equal(read.text, truth, read.status);
          await page.close();
        },
      );
      assert.deepEqual(errors, [], "errors in the page");
    } finally {
      await browser?.close();
      for (const s of servers) await s.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
