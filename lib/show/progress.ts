/**
 * A progress display for long loops: a bar that updates in place in Jupyter
 * (one output, rewritten through its display id) and in a terminal.
 *
 * @module
 */
import { escapeHtml } from "./figure.ts";

/** What progress needs of `Deno.jupyter`: a way to broadcast display messages. */
export interface JupyterApi {
  broadcast(
    msgType: string,
    content: Record<string, unknown>,
    extra?: Record<string, unknown>,
  ): Promise<void>;
}

function jupyter(): JupyterApi | undefined {
  // Outside `deno jupyter`, merely reading Deno.jupyter throws.
  try {
    return (Deno as unknown as { jupyter?: JupyterApi }).jupyter;
  } catch {
    return undefined;
  }
}

/** Options of {@link progress}. */
export interface ProgressOptions {
  /** Words before the bar, e.g. "epochs". */
  label?: string;
  /** Where to draw: Jupyter, a terminal, or nowhere. Defaults to Jupyter inside the kernel, else the terminal. */
  mode?: "jupyter" | "terminal" | "silent";
  /** Width of the bar in characters. */
  width?: number;
  /** Least milliseconds between two redraws (the last one always draws). */
  minIntervalMs?: number;
  /** Where Jupyter messages go; defaults to `Deno.jupyter` inside the kernel. */
  jupyter?: JupyterApi;
}

/** A running progress display returned by {@link progress}. Introduced in 01_tensors. */
export interface Progress {
  /** Steps done so far. */
  readonly done: number;
  /** Move to `done` steps, with optional text after the bar (e.g. "loss 0.12"). */
  update(done: number, info?: string): void;
  /** Draw the final state and wait until it is shown. */
  finish(info?: string): Promise<void>;
}

let displayCounter = 0;

/** The bar as text: `[#####.....] 5/10 label info`. Introduced in 01_tensors. */
export function progressBar(
  done: number,
  total: number,
  width = 30,
  label = "",
  info = "",
): string {
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const filled = Math.round(fraction * width);
  const bar = "#".repeat(filled) + ".".repeat(width - filled);
  return [label, `[${bar}]`, `${done}/${total}`, info].filter((s) => s !== "").join(" ");
}

/**
 * Start a progress display over `total` steps. Introduced in 01_tensors.
 *
 * @example
 * ```ts
 * const bar = progress(10, { label: "epochs" });
 * for (let i = 1; i <= 10; i++) bar.update(i, `loss ${(1 / i).toFixed(2)}`);
 * await bar.finish();
 * ```
 */
export function progress(total: number, options: ProgressOptions = {}): Progress {
  if (!Number.isFinite(total) || total < 0) {
    throw new Error(`progress: total must be a non-negative number of steps, got ${total}.`);
  }
  const api = options.jupyter ??
    (options.mode === "jupyter" || options.mode === undefined ? jupyter() : undefined);
  const mode = options.mode ?? (api ? "jupyter" : "terminal");
  if (mode === "jupyter" && !api) {
    throw new Error(
      'progress: mode "jupyter" needs the Deno Jupyter kernel; use mode "terminal" outside it.',
    );
  }
  const width = options.width ?? 30;
  const label = options.label ?? "";
  const minInterval = options.minIntervalMs ?? 100;
  const displayId = `progress-${Date.now()}-${displayCounter++}`;
  let done = 0;
  let info = "";
  let lastDraw = -Infinity;
  let shown = false;
  let pending: Promise<void> = Promise.resolve();
  const encoder = new TextEncoder();

  const draw = (final: boolean) => {
    const text = progressBar(done, total, width, label, info);
    if (mode === "silent") return;
    if (mode === "terminal") {
      if (Deno.stderr.isTerminal()) {
        Deno.stderr.writeSync(encoder.encode(`\r${text}${final ? "\n" : ""}`));
      } else if (final) {
        Deno.stderr.writeSync(encoder.encode(`${text}\n`));
      }
      return;
    }
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const html = `<div style="font:12px monospace"><progress value="${fraction}" max="1" ` +
      `style="width:${width * 8}px"></progress> ${
        escapeHtml(text.replace(/\[[#.]*\] /, ""))
      }</div>`;
    const content = {
      data: { "text/plain": text, "text/html": html },
      metadata: {},
      transient: { display_id: displayId },
    };
    const kind = shown ? "update_display_data" : "display_data";
    shown = true;
    pending = pending.then(() => api!.broadcast(kind, content));
  };

  return {
    get done() {
      return done;
    },
    update(n: number, text = "") {
      done = n;
      info = text;
      const now = performance.now();
      if (now - lastDraw >= minInterval || !shown) {
        lastDraw = now;
        draw(false);
      }
    },
    async finish(text?: string) {
      if (text !== undefined) info = text;
      draw(true);
      await pending;
    },
  };
}
