/**
 * The webcam page's script (bundled by `tools/webcam.ts`): loads a trained
 * model with tfjs, reads camera frames or a chosen photo with lib/ocr's own
 * `readGrey`, and draws a box and a confidence round every character.
 *
 * @module
 */
import "./wasm_paths.ts";
import {
  downscale,
  type GreyImage,
  MAX_SIDE,
  NoCharactersError,
  readGrey,
  type Reading,
  rgbaToGrey,
  segment,
  tf,
} from "../lib/ocr/browser.ts";
import type { Ink, ModelEntry, ModelsReply } from "./protocol.ts";

/** Camera frames are shrunk to this width before reading, so reading keeps up. */
const CAMERA_WIDTH = 640;
/** Milliseconds between the starts of two camera readings (at most 5 a second). */
const FRAME_INTERVAL = 200;

/** A model ready to read with. */
interface Loaded {
  model: tf.LayersModel;
  classes: string;
  ink: Ink;
  title: string;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  status: $<HTMLDivElement>("status"),
  model: $<HTMLSelectElement>("model"),
  camera: $<HTMLButtonElement>("camera"),
  file: $<HTMLInputElement>("file"),
  modelPicker: $<HTMLSpanElement>("model-picker"),
  modelFiles: $<HTMLInputElement>("model-files"),
  stage: $<HTMLDivElement>("stage"),
  view: $<HTMLCanvasElement>("view"),
  video: $<HTMLVideoElement>("video"),
  text: $<HTMLPreElement>("text"),
  speed: $<HTMLElement>("speed"),
  chars: $<HTMLUListElement>("chars"),
};

let reply: ModelsReply | null = null;
let current: Loaded | null = null;
const loaded = new Map<string, Loaded>();
let stream: MediaStream | null = null;
let frames = 0;

function setState(state: string): void {
  document.body.dataset.state = state;
}

function say(message: string, kind: "info" | "warn" | "error" = "info"): void {
  ui.status.textContent = message;
  ui.status.className = kind;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Check that a model takes 28x28x1 characters and has one output per class. */
function checkModel(model: tf.LayersModel, classes: string, where: string): void {
  const input = model.inputs[0].shape, units = model.outputs[0].shape.at(-1);
  if (input.length !== 4 || input[1] !== 28 || input[2] !== 28 || input[3] !== 1) {
    throw new Error(
      `${where} takes inputs of shape [${input.join(", ")}], but characters are cut as ` +
        `28x28x1 images; this page reads with chapter 4's kind of model.`,
    );
  }
  if (units !== [...classes].length) {
    throw new Error(
      `${where} has ${units} output classes but its classes name ${[...classes].length} ` +
        `("${classes}"); save it with a classes.json that names one character per class.`,
    );
  }
}

async function useModel(entry: ModelEntry): Promise<void> {
  let ready = loaded.get(entry.name);
  if (!ready) {
    say(`Loading the model "${entry.title}" from ${entry.url}…`);
    let model: tf.LayersModel;
    try {
      model = await tf.loadLayersModel(entry.url);
    } catch (e) {
      throw new Error(
        `Could not load ${entry.url} (${message(e)}). Train it again (chapter 4: ` +
          "`deno task train-ocr`) and reload this page.",
      );
    }
    checkModel(model, entry.classes, entry.url);
    ready = { model, classes: entry.classes, ink: entry.ink, title: entry.title };
    loaded.set(entry.name, ready);
  }
  current = ready;
  document.body.dataset.model = entry.name;
}

/** A model chosen from disk: model.json, its weights, and a classes.json if there is one. */
async function useModelFiles(files: File[]): Promise<void> {
  const json = files.find((f) => f.name === "model.json") ??
    files.find((f) => /\.json$/.test(f.name) && f.name !== "classes.json");
  const weights = files.filter((f) => f.name.endsWith(".bin"));
  if (!json || weights.length === 0) {
    throw new Error(
      "Choose the model's model.json and weights.bin together (and its classes.json, if it has " +
        `one); got ${files.map((f) => f.name).join(", ") || "nothing"}.`,
    );
  }
  const model = await tf.loadLayersModel(tf.io.browserFiles([json, ...weights]));
  const units = model.outputs[0].shape.at(-1);
  const classesFile = files.find((f) => f.name === "classes.json");
  let config = reply?.defaults.find((d) => [...d.classes].length === units);
  if (classesFile) config = JSON.parse(await classesFile.text());
  if (!config) {
    throw new Error(
      `${json.name} has ${units} output classes and no classes.json says which character each ` +
        "one is: choose its classes.json too.",
    );
  }
  checkModel(model, config.classes, json.name);
  current = { model, classes: config.classes, ink: config.ink, title: json.name };
  document.body.dataset.model = json.name;
}

/** Draw an image (a video frame, a photo) into the view at width x height; return it grey. */
function grab(source: CanvasImageSource, width: number, height: number): GreyImage {
  ui.view.width = width;
  ui.view.height = height;
  const ctx = ui.view.getContext("2d", { willReadFrequently: true })!;
  ctx.drawImage(source, 0, 0, width, height);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  ui.stage.classList.add("showing");
  return rgbaToGrey(new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.length), width, height);
}

function colour(confidence: number): string {
  return confidence >= 0.8 ? "#1a9641" : confidence >= 0.5 ? "#e08a00" : "#d7191c";
}

/** A box to draw: the character above it, its confidence below it. */
interface Mark {
  box: { x: number; y: number; width: number; height: number };
  label: string;
  note?: string;
  colour: string;
}

/** Boxes (and labels) over the picture in the view, scaled from the grey image read. */
function drawBoxes(marks: Mark[], scale: number): void {
  const ctx = ui.view.getContext("2d")!;
  ctx.lineWidth = Math.max(2, ui.view.width / 400);
  ctx.textBaseline = "top";
  for (const { box, label, note, colour } of marks) {
    const x = box.x * scale, y = box.y * scale, w = box.width * scale, h = box.height * scale;
    const size = Math.round(Math.min(22, Math.max(11, h * 0.45)));
    ctx.strokeStyle = ctx.fillStyle = colour;
    ctx.strokeRect(x, y, w, h);
    const tag = (text: string, px: number, top: number) => {
      ctx.font = `bold ${px}px sans-serif`;
      const tw = ctx.measureText(text).width + 4;
      ctx.fillStyle = colour;
      ctx.fillRect(x + w / 2 - tw / 2, top, tw, px + 2);
      ctx.fillStyle = "#fff";
      ctx.fillText(text, x + w / 2 - tw / 2 + 2, top + 1);
    };
    tag(label, size, Math.max(0, y - size - 3));
    if (note) tag(note, Math.round(size * 0.7), y + h + 1);
  }
}

function showReading(reading: Reading | null, scale: number, found?: number): void {
  ui.chars.replaceChildren();
  if (!reading) {
    ui.text.textContent = "";
    document.body.dataset.characters = String(found ?? 0);
    return;
  }
  ui.text.textContent = reading.text;
  document.body.dataset.characters = String(reading.characters.length);
  drawBoxes(
    reading.characters.map((c) => ({
      box: c.box,
      label: c.char,
      note: `${Math.round(c.confidence * 100)}%`,
      colour: colour(c.confidence),
    })),
    scale,
  );
  for (const c of reading.characters) {
    const li = document.createElement("li");
    const b = document.createElement("b");
    b.textContent = c.char;
    b.style.color = colour(c.confidence);
    li.append(
      b,
      ` ${(c.confidence * 100).toFixed(0)}%`,
      c.runnerUp.char !== c.char
        ? ` (else ${c.runnerUp.char} ${(c.runnerUp.confidence * 100).toFixed(0)}%)`
        : "",
    );
    ui.chars.append(li);
  }
}

/**
 * Read a grey image with the current model, or, without one, only find its
 * characters; draw the result over the view (which shows the image at
 * `scale` times the grey image's size).
 */
function read(grey: GreyImage, scale: number): Reading | null {
  if (!current) {
    try {
      const seg = segment(grey);
      drawBoxes(seg.characters.map((c) => ({ box: c.box, label: "?", colour: "#777" })), scale);
      showReading(null, scale, seg.characters.length);
      say(
        `Found ${seg.characters.length} characters, but there is no model to read them with: ` +
          "train one in chapter 4 (`deno task train-ocr`) and reload, or choose a model.json and " +
          "weights.bin above.",
        "warn",
      );
    } catch (e) {
      if (!(e instanceof NoCharactersError)) throw e;
      showReading(null, scale);
      say(`${e.message} (And there is no model to read them with yet.)`, "warn");
    }
    return null;
  }
  try {
    const reading = readGrey(grey, current.model, { classes: current.classes, ink: current.ink });
    showReading(reading, scale);
    return reading;
  } catch (e) {
    if (!(e instanceof NoCharactersError)) throw e;
    showReading(null, scale);
    return null;
  }
}

async function readFile(file: File): Promise<void> {
  stopCamera();
  setState("reading-file");
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error(`${file.name} is not an image this browser can open; try a PNG or JPEG.`);
  }
  const { width, height } = bitmap;
  if (width * height > 36_000_000) {
    throw new Error(
      `${file.name} is ${width}x${height}: too big; shrink it to 2048 pixels a side.`,
    );
  }
  // As readImage does after decoding: grey at full size, then shrunk to MAX_SIDE.
  const full = grab(bitmap, width, height);
  const grey = downscale(full, MAX_SIDE);
  const scale = width / grey.width;
  const t0 = performance.now();
  const reading = read(grey, scale);
  if (current) {
    say(
      reading
        ? `Read ${reading.characters.length} characters in ${file.name} ` +
          `(${width}x${height}) in ${
            (performance.now() - t0).toFixed(0)
          } ms with "${current.title}".`
        : `No characters found in ${file.name}: try a closer, sharper photo, dark ink on light paper.`,
      reading ? "info" : "warn",
    );
  }
  setState("file-read");
}

function stopCamera(): void {
  if (!stream) return;
  for (const track of stream.getTracks()) track.stop();
  stream = null;
  ui.video.srcObject = null;
  ui.camera.textContent = "Start the camera";
}

/** Why the camera could not start, in plain words. */
function cameraTrouble(e: unknown): string {
  const name = (e as DOMException)?.name;
  if (name === "NotAllowedError" || name === "SecurityError") {
    return "The camera was refused (by you or by the browser's settings). No harm done: choose " +
      "or drop a photo instead, or allow the camera for this page and press the button again.";
  }
  if (name === "NotFoundError" || name === "OverconstrainedError") {
    return "No camera found on this machine. Choose or drop a photo of some characters instead.";
  }
  if (name === "NotReadableError") {
    return "The camera is busy (another program is using it?). Close that, or choose a photo.";
  }
  return `The camera did not start (${message(e)}). Choose or drop a photo instead.`;
}

async function startCamera(): Promise<void> {
  if (stream) return stopCamera();
  if (!navigator.mediaDevices?.getUserMedia) {
    say(
      "This browser offers no camera to this page (it needs http://127.0.0.1 or https). " +
        "Choose or drop a photo instead.",
      "warn",
    );
    return;
  }
  say("Asking for the camera…");
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { width: { ideal: 640 }, height: { ideal: 480 } },
      audio: false,
    });
  } catch (e) {
    setState("no-camera");
    say(cameraTrouble(e), "warn");
    return;
  }
  ui.video.srcObject = stream;
  await ui.video.play();
  ui.camera.textContent = "Stop the camera";
  setState("camera");
  say(
    current
      ? `Reading the camera with "${current.title}". Hold some characters up to it.`
      : "The camera is on, but there is no model yet: the boxes show what would be read.",
    current ? "info" : "warn",
  );
  cameraLoop();
}

function cameraLoop(): void {
  if (!stream) return;
  const t0 = performance.now();
  const { videoWidth, videoHeight } = ui.video;
  if (videoWidth > 0 && videoHeight > 0) {
    const width = Math.min(CAMERA_WIDTH, videoWidth);
    const height = Math.round(videoHeight * width / videoWidth);
    try {
      read(grab(ui.video, width, height), 1);
      frames++;
      document.body.dataset.frames = String(frames);
      const ms = performance.now() - t0;
      ui.speed.textContent = `Frame ${frames}, ${width}x${height}, read in ${ms.toFixed(0)} ms.`;
    } catch (e) {
      say(`Reading the frame failed: ${message(e)}`, "error");
    }
  }
  setTimeout(cameraLoop, Math.max(0, FRAME_INTERVAL - (performance.now() - t0)));
}

/** Run an action from a button or a drop, showing its error instead of throwing it. */
function guarded(action: () => Promise<void>): () => void {
  return () => {
    action().catch((e) => {
      say(message(e), "error");
    });
  };
}

function wireUp(): void {
  ui.camera.addEventListener("click", guarded(startCamera));
  ui.file.addEventListener(
    "change",
    guarded(async () => {
      const file = ui.file.files?.[0];
      ui.file.value = ""; // so choosing the same file again reads it again
      if (file) await readFile(file);
    }),
  );
  ui.model.addEventListener(
    "change",
    guarded(async () => {
      const entry = reply?.models.find((m) => m.name === ui.model.value);
      if (!entry) return;
      await useModel(entry);
      say(`Now reading with "${entry.title}".`);
    }),
  );
  ui.modelFiles.addEventListener(
    "change",
    guarded(async () => {
      await useModelFiles([...ui.modelFiles.files ?? []]);
      say(`Loaded ${current!.title}: start the camera or choose a photo.`);
      setState("ready");
    }),
  );
  ui.stage.addEventListener("dragover", (e) => {
    e.preventDefault();
    ui.stage.classList.add("dragging");
  });
  ui.stage.addEventListener("dragleave", () => ui.stage.classList.remove("dragging"));
  ui.stage.addEventListener("drop", (e) => {
    e.preventDefault();
    ui.stage.classList.remove("dragging");
    const file = e.dataTransfer?.files[0];
    if (file) guarded(() => readFile(file))();
  });
}

async function start(): Promise<void> {
  setState("loading");
  wireUp();
  ui.camera.disabled = false;
  say("Looking for trained models…");
  const answer = await fetch("/models.json");
  if (!answer.ok) throw new Error(`The server answered ${answer.status} for /models.json.`);
  reply = await answer.json() as ModelsReply;
  for (const m of reply.models) ui.model.append(new Option(m.title, m.name));
  if (reply.models.length === 0) {
    ui.modelPicker.classList.remove("hidden");
    setState("no-model");
    say(
      `No trained model in ${reply.dir}. ${reply.missing.join(" ")} Then reload this page. ` +
        "Meanwhile you can choose a model.json and weights.bin from disk, or drop a photo to " +
        "see how it splits into characters.",
      "warn",
    );
    return;
  }
  const wanted = new URLSearchParams(location.search).get("model");
  const entry = reply.models.find((m) => m.name === wanted) ?? reply.models[0];
  ui.model.value = entry.name;
  ui.model.disabled = false;
  try {
    await useModel(entry);
  } catch (e) {
    ui.modelPicker.classList.remove("hidden");
    setState("no-model");
    say(`${message(e)} Meanwhile, choose a photo to see its characters found.`, "warn");
    return;
  }
  setState("ready");
  say(
    `Model loaded: "${entry.title}" (tfjs ${tf.version.tfjs}, ${tf.getBackend()} backend). ` +
      "Start the camera, or choose or drop a photo.",
  );
}

start().catch((e) => {
  setState("error");
  say(message(e), "error");
});
