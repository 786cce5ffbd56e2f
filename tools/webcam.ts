/**
 * `deno task webcam [--port N] [--models DIR]`: the blog's "link it up to
 * read characters from my webcam". Serves, on 127.0.0.1 only, a page that
 * loads the trained models from `data/models/` with tfjs and reads camera
 * frames (or a dropped photo) in the browser with lib/ocr's own `readGrey`:
 * `web/app.ts` and `lib/ocr/browser.ts` are bundled for the browser with
 * `deno bundle` when the server starts, so the page runs the very code the
 * notebooks run. The tfjs WebAssembly files come from node_modules, so
 * nothing is fetched from the internet.
 *
 * @module
 */
import { CLASSES_JSON, READER_CONFIGS, type ReaderKind } from "../lib/ocr/reader.ts";
import type { Ink, ModelEntry, ModelsReply } from "../web/protocol.ts";
import { runCli } from "./jupyter.ts";

const ROOT = new URL("..", import.meta.url).pathname;

/**
 * The port `deno task webcam` listens on unless `--port` says otherwise. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const server = await serveWebcam({ port: DEFAULT_PORT });
 * ```
 */
export const DEFAULT_PORT = 8808;

/**
 * Options of {@link serveWebcam}. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const options: WebcamOptions = { port: 0, modelsDir: "data/models", quiet: true };
 * ```
 */
export interface WebcamOptions {
  /** Port on 127.0.0.1 ({@link DEFAULT_PORT}; 0 picks a free one). */
  port?: number;
  /** Folder of model folders (`<name>/model.json`, `weights.bin`, `classes.json`); data/models by default. */
  modelsDir?: string;
  /** Print nothing (false). */
  quiet?: boolean;
  /** The page's script, already bundled by {@link bundleWebApp} (bundled afresh by default). */
  app?: string;
}

/**
 * A running webcam server. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { url, close }: WebcamServer = await serveWebcam({ port: 0 });
 * await close();
 * ```
 */
export interface WebcamServer {
  /** The page's address, e.g. http://127.0.0.1:8808/ */
  url: string;
  /** Stop serving. */
  close: () => Promise<void>;
}

/** What each shipped model reads, and how to make it when it is missing. */
const SHIPPED: Record<ReaderKind, { title: string; make: string }> = {
  digits: {
    title: "Handwritten digits 0-9 (chapter 4)",
    make:
      "The handwritten digits model is made by chapter 4: run notebooks/04_ocr_training.ipynb " +
      "or `deno task train-ocr`.",
  },
  printed: {
    title: "Printed characters 0-9, A-Z (chapter 5)",
    make: "The printed characters model is made by `deno task train-printed`.",
  },
};

/**
 * Bundle the page's script (`web/app.ts`, which imports `lib/ocr/browser.ts`)
 * into one browser ES module with `deno bundle`. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const js = await bundleWebApp(); // about 3 MB: tfjs, its wasm backend and lib/ocr
 * ```
 */
export async function bundleWebApp(entry = `${ROOT}web/app.ts`): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "webcam-bundle-" });
  try {
    const out = `${dir}/app.js`;
    const r = await new Deno.Command(Deno.execPath(), {
      args: [
        "bundle",
        "--quiet",
        "--platform",
        "browser",
        "--format",
        "esm",
        "--config",
        `${ROOT}deno.json`,
        "-o",
        out,
        entry,
      ],
      cwd: ROOT,
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (r.code !== 0) {
      throw new Error(
        `Could not bundle ${entry} for the browser (deno bundle exited ${r.code}):\n` +
          new TextDecoder().decode(r.stderr),
      );
    }
    return await Deno.readTextFile(out);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** The folder holding tfjs's .wasm files, from the project's node_modules. */
function wasmDir(): string {
  const candidates = [`${ROOT}node_modules/@tensorflow/tfjs-backend-wasm/dist`];
  try {
    for (const e of Deno.readDirSync(`${ROOT}node_modules/.deno`)) {
      if (e.name.startsWith("@tensorflow+tfjs-backend-wasm@")) {
        candidates.push(
          `${ROOT}node_modules/.deno/${e.name}/node_modules/@tensorflow/tfjs-backend-wasm/dist`,
        );
      }
    }
  } catch { /* no node_modules/.deno: only the first candidate */ }
  for (const dir of candidates) {
    try {
      Deno.statSync(`${dir}/tfjs-backend-wasm.wasm`);
      return dir;
    } catch { /* next */ }
  }
  throw new Error(
    `tfjs's WebAssembly files are missing (looked in ${candidates[0]}): run \`deno install\` ` +
      "in the repository, then start `deno task webcam` again.",
  );
}

function readJson(path: string): unknown {
  return JSON.parse(Deno.readTextFileSync(path));
}

/**
 * The models in a folder, as the page is told about them: every `<name>/model.json`,
 * with its `classes.json` (a shipped model saved without one reads as its
 * kind). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * listModels("data/models").models.map((m) => m.name); // ["digits-cnn", "printed-cnn"]
 * ```
 */
export function listModels(dir: string): ModelsReply {
  const models: ModelEntry[] = [], missing: string[] = [];
  let names: string[] = [];
  try {
    names = [...Deno.readDirSync(dir)].filter((e) => e.isDirectory).map((e) => e.name).sort();
  } catch { /* no folder: no models */ }
  const kinds = Object.keys(READER_CONFIGS) as ReaderKind[];
  for (const kind of kinds) {
    if (!names.includes(`${kind}-cnn`)) missing.push(SHIPPED[kind].make);
  }
  const rank = (name: string) => {
    const i = kinds.findIndex((k) => name === `${k}-cnn`);
    return i < 0 ? kinds.length : i;
  };
  names.sort((a, b) => rank(a) - rank(b));
  for (const name of names) {
    const folder = `${dir}/${name}`;
    const kind = kinds.find((k) => name === `${k}-cnn`);
    try {
      Deno.statSync(`${folder}/model.json`);
    } catch {
      if (kind) missing.push(`${folder} has no model.json. ${SHIPPED[kind].make}`);
      continue;
    }
    let config: { classes: string; ink: Ink } | undefined;
    try {
      config = readJson(`${folder}/${CLASSES_JSON}`) as { classes: string; ink: Ink };
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) {
        missing.push(`${folder}/${CLASSES_JSON} could not be read (${(e as Error).message}).`);
        continue;
      }
      if (kind) config = READER_CONFIGS[kind];
    }
    if (!config || typeof config.classes !== "string" || !["mask", "grey"].includes(config.ink)) {
      missing.push(
        `${folder} has a model but no usable ${CLASSES_JSON} saying which character each class is.`,
      );
      continue;
    }
    models.push({
      name,
      title: kind ? SHIPPED[kind].title : name,
      url: `/models/${name}/model.json`,
      classes: config.classes,
      ink: config.ink,
    });
  }
  const defaults = kinds.map((k) => ({
    classes: READER_CONFIGS[k].classes,
    ink: READER_CONFIGS[k].ink,
  }));
  return { models, dir, missing, defaults };
}

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  json: "application/json",
  wasm: "application/wasm",
  bin: "application/octet-stream",
  svg: "image/svg+xml",
  png: "image/png",
};

async function file(path: string): Promise<Response | null> {
  try {
    const body = await Deno.readFile(path);
    const type = TYPES[path.split(".").pop()!] ?? "application/octet-stream";
    return new Response(body, { headers: { "content-type": type, "cache-control": "no-store" } });
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
}

function notFound(text: string): Response {
  const html = `<!doctype html><meta charset="utf-8"><title>Not here</title>` +
    `<body style="font:16px/1.5 Georgia,serif;max-width:40rem;margin:2rem auto">` +
    `<p>${text}</p><p><a href="/">Back to the webcam page</a></p>`;
  return new Response(html, { status: 404, headers: { "content-type": TYPES.html } });
}

/**
 * Serve the webcam page on 127.0.0.1: bundles the page's script first (so a
 * broken bundle fails here, not in the browser), then answers `/`, `/app.js`,
 * `/wasm/*.wasm`, `/models.json`, `/models/<name>/<file>` and the rendered
 * journal under `/journal/`. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const server = await serveWebcam({ port: 0 });
 * console.log(server.url); // http://127.0.0.1:41235/
 * await server.close();
 * ```
 */
export async function serveWebcam(options: WebcamOptions = {}): Promise<WebcamServer> {
  const { port = DEFAULT_PORT, modelsDir = `${ROOT}data/models`, quiet = false } = options;
  const app = options.app ?? await bundleWebApp();
  const wasm = wasmDir();
  const handler = async (request: Request): Promise<Response> => {
    const path = decodeURIComponent(new URL(request.url).pathname);
    if (request.method !== "GET" && request.method !== "HEAD") {
      return new Response("Only GET here.", { status: 405 });
    }
    if (path === "/" || path === "/index.html") return (await file(`${ROOT}web/index.html`))!;
    if (path === "/app.js") {
      return new Response(app, {
        headers: { "content-type": TYPES.js, "cache-control": "no-store" },
      });
    }
    if (path === "/models.json") return Response.json(listModels(modelsDir));
    let m = path.match(/^\/wasm\/(tfjs-backend-wasm[\w-]*\.wasm)$/);
    if (m) return await file(`${wasm}/${m[1]}`) ?? notFound(`No ${m[1]} in ${wasm}.`);
    m = path.match(/^\/models\/([\w.-]+)\/(model\.json|classes\.json|[\w.-]+\.bin)$/);
    if (m && !m[1].startsWith(".")) {
      return await file(`${modelsDir}/${m[1]}/${m[2]}`) ??
        notFound(`No ${m[2]} in ${modelsDir}/${m[1]}: train the model again (see chapter 4).`);
    }
    m = path.match(/^\/journal\/([\w-]+)\.(html|svg|png)$/);
    if (m) {
      return await file(`${ROOT}journal/${m[1]}.${m[2]}`) ??
        notFound(
          `${
            m[1]
          } is not rendered yet. Run <code>deno task journal</code> to render the journal, ` +
            (m[1] === "index"
              ? "or open the notebooks in <code>notebooks/</code> with <code>deno task lab</code>."
              : `or open <code>notebooks/${
                m[1]
              }.ipynb</code> in Jupyter (<code>deno task lab</code>).`),
        );
    }
    if (path === "/favicon.ico") return new Response(null, { status: 204 });
    return notFound(`Nothing at ${path.replace(/[<>&]/g, "")}.`);
  };
  const server = Deno.serve({ hostname: "127.0.0.1", port, onListen: () => {} }, handler);
  const url = `http://127.0.0.1:${server.addr.port}/`;
  if (!quiet) {
    const { models } = listModels(modelsDir);
    console.log(`webcam: reading with ${models.map((m) => m.name).join(", ") || "no model yet"}`);
    console.log(`webcam: open ${url} in a browser (Ctrl+C stops it)`);
  }
  return { url, close: () => server.shutdown() };
}

function option(name: string): string | undefined {
  const i = Deno.args.indexOf(name);
  return i >= 0 ? Deno.args[i + 1] : undefined;
}

async function main() {
  for (const a of Deno.args) {
    if (a.startsWith("--") && !["--port", "--models"].includes(a)) {
      throw new Error(`webcam: unknown option ${a}; use --port N, --models DIR.`);
    }
  }
  const port = Number(option("--port") ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`webcam: --port must be a port number, got ${option("--port")}.`);
  }
  try {
    await serveWebcam({ port, modelsDir: option("--models") });
  } catch (e) {
    if (e instanceof Deno.errors.AddrInUse) {
      throw new Error(`webcam: port ${port} is taken; pick another with --port ${port + 1}.`);
    }
    throw e;
  }
}

if (import.meta.main) await runCli(main);
