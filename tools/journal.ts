/**
 * `deno task journal [notebook ...]`: run the journal top to bottom.
 *
 * Installs what is missing (Jupyter from Debian, the Deno kernelspec), runs
 * every notebook in `notebooks/` in order through the real Deno kernel, writes
 * the executed notebooks back with their outputs, and writes an HTML journal
 * that reads offline into `journal/`. Stops at the first failing cell, naming
 * the notebook, the cell and the error.
 *
 * Options: `--notebooks DIR` (default notebooks/), `--out DIR` (default journal/).
 *
 * @module
 */
import { ensureJupyter, ensureKernel, PYTHON, runCli, sh } from "./jupyter.ts";
import { ensureFonts, ensureNative } from "./setup.ts";
import { type Chapter, chapterPage, checkOffline, indexPage } from "./journal_html.ts";

const root = new URL("..", import.meta.url).pathname;

function parseArgs(args: string[]) {
  let notebooksDir = `${root}notebooks`;
  let outDir = `${root}journal`;
  const only: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--") continue; // `deno task journal -- x.ipynb` passes the "--" through
    else if (args[i] === "--notebooks") notebooksDir = args[++i];
    else if (args[i] === "--out") outDir = args[++i];
    else if (args[i].startsWith("--")) throw new Error(`journal: unknown option ${args[i]}`);
    else only.push(args[i]);
  }
  return { notebooksDir, outDir, only };
}

function listNotebooks(dir: string, only: string[]): string[] {
  const all = [...Deno.readDirSync(dir)]
    .filter((e) => e.isFile && e.name.endsWith(".ipynb"))
    .map((e) => `${dir}/${e.name}`)
    .sort();
  if (only.length === 0) return all;
  return only.map((name) => {
    const hit = all.find((p) => p.endsWith(`/${name.split("/").pop()}`));
    if (!hit) {
      throw new Error(
        `journal: no notebook named ${name} in ${dir} (have: ${all.map(base).join(", ")})`,
      );
    }
    return hit;
  });
}

function base(path: string): string {
  return path.split("/").pop()!;
}

// deno-lint-ignore no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

function titleOf(notebookPath: string): string {
  const nb = JSON.parse(Deno.readTextFileSync(notebookPath));
  for (const cell of nb.cells ?? []) {
    if (cell.cell_type !== "markdown") continue;
    const text = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    const heading = text.match(/^#\s+(.+)$/m);
    if (heading) return heading[1].trim();
  }
  return base(notebookPath).replace(/\.ipynb$/, "");
}

async function runOne(
  path: string,
  outDir: string,
): Promise<{ ok: boolean; seconds: number; message?: string }> {
  const name = base(path).replace(/\.ipynb$/, "");
  const tmpNotebook = `${path}.running`;
  const fragment = `${outDir}/${name}.fragment.html`;
  const t0 = performance.now();
  const r = await sh(PYTHON, [`${root}tools/run_notebook.py`, path, tmpNotebook, fragment], {
    env: { NO_COLOR: "1" },
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.code !== 0) {
    try {
      Deno.removeSync(tmpNotebook);
    } catch { /* not written */ }
    const line = r.stderr.trim().split("\n").reverse().find((l) => l.startsWith("{"));
    if (!line) return { ok: false, seconds, message: r.stderr };
    const e = JSON.parse(line);
    const trace = (e.traceback ?? []).join("\n").replace(ANSI, "");
    return {
      ok: false,
      seconds,
      message: `${base(path)}, code cell ${e.cell} (cell ${e.cell_index + 1} of the notebook): ` +
        `${e.ename}: ${e.evalue}\n--- cell source ---\n${e.source}\n--- traceback ---\n${trace}`,
    };
  }
  // The last good notebook is only replaced once the new one is complete.
  Deno.renameSync(tmpNotebook, path);
  return { ok: true, seconds };
}

async function main() {
  const { notebooksDir, outDir, only } = parseArgs(Deno.args);
  const notebooks = listNotebooks(notebooksDir, only);
  if (notebooks.length === 0) throw new Error(`journal: no notebooks in ${notebooksDir}`);
  await ensureJupyter();
  await ensureKernel();
  await ensureFonts();
  await ensureNative();
  Deno.mkdirSync(outDir, { recursive: true });
  const css = (await sh(PYTHON, [
    "-c",
    "from pygments.formatters import HtmlFormatter; print(HtmlFormatter().get_style_defs('.highlight'))",
  ])).stdout;
  const timingsPath = `${outDir}/timings.json`;
  let timings: Record<string, number> = {};
  try {
    timings = JSON.parse(Deno.readTextFileSync(timingsPath));
  } catch { /* first run */ }

  const total0 = performance.now();
  for (const [i, path] of notebooks.entries()) {
    console.log(`journal: [${i + 1}/${notebooks.length}] running ${base(path)} ...`);
    const result = await runOne(path, outDir);
    if (!result.ok) {
      console.error(`journal: FAILED after ${result.seconds.toFixed(1)} s in ${result.message}`);
      Deno.exit(1);
    }
    timings[base(path)] = Math.round(result.seconds * 10) / 10;
    console.log(
      `journal: [${i + 1}/${notebooks.length}] ${base(path)} done in ${
        result.seconds.toFixed(1)
      } s`,
    );
  }

  // Pages for every notebook that has been run (this time or before).
  const all = listNotebooks(notebooksDir, []);
  const chapters: Chapter[] = all
    .map((p) => ({
      file: base(p).replace(/\.ipynb$/, ""),
      title: titleOf(p),
      seconds: timings[base(p)],
    }))
    .filter((c) => exists(`${outDir}/${c.file}.fragment.html`));
  for (const [i, c] of chapters.entries()) {
    const body = Deno.readTextFileSync(`${outDir}/${c.file}.fragment.html`);
    const page = chapterPage(c, body, css, chapters[i - 1], chapters[i + 1]);
    checkOffline(page, `${c.file}.html`);
    Deno.writeTextFileSync(`${outDir}/${c.file}.html`, page);
  }
  Deno.writeTextFileSync(`${outDir}/index.html`, indexPage(chapters));
  // Keep timings of the notebooks that still exist, in chapter order.
  const kept = Object.fromEntries(
    all.map(base).filter((n) => n in timings).map((n) => [n, timings[n]]),
  );
  Deno.writeTextFileSync(timingsPath, JSON.stringify(kept, null, 2) + "\n");
  const total = (performance.now() - total0) / 1000;
  console.log(
    `journal: ${notebooks.length} notebook(s) in ${total.toFixed(1)} s; open ${outDir}/index.html`,
  );
}

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

if (import.meta.main) await runCli(main);
