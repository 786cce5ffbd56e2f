/**
 * Figures drawn outside a browser: Observable Plot renders into linkedom's
 * document, and the result displays inline in Jupyter and saves to `.svg`.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/** A DOM `document` that Plot can draw into without a browser. Introduced in 01_tensors. */
export function plotDocument(): Document {
  return parseHTML("<!doctype html><html><head></head><body></body></html>").document;
}

/** The symbol the Deno kernel calls to display an object (`Deno.jupyter.$display`). Introduced in 01_tensors. */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");

/**
 * A rendered figure: its markup, shown inline by the Deno Jupyter kernel
 * (as `image/svg+xml` when it is a bare SVG, as HTML when Plot wrapped it in a
 * `<figure>` with a legend or caption). Introduced in 01_tensors.
 *
 * @example
 * ```ts
 * const fig = plot({ marks: [Plot.dot([[1, 2], [3, 4]])] });
 * fig.svg.startsWith("<svg"); // true
 * ```
 */
export class Figure {
  /** The figure's markup: `<svg ...>` or `<figure ...>`. */
  readonly markup: string;

  constructor(markup: string) {
    this.markup = markup;
  }

  /** Whether the markup is a bare SVG element. */
  get isSvg(): boolean {
    return this.markup.startsWith("<svg");
  }

  /** The figure as one standalone SVG document: for a `<figure>`, its chart without the legends. */
  get svg(): string {
    if (this.isSvg) return withNamespace(this.markup);
    // Plot puts legends before the chart; the chart is the figure's last <svg> child.
    const { document } = parseHTML(`<html><body>${this.markup}</body></html>`);
    const charts = [...document.querySelectorAll("body > figure > svg, body > svg")];
    if (charts.length === 0) throw new Error("Figure holds no <svg> element to save as SVG.");
    return withNamespace((charts.at(-1) as unknown as { outerHTML: string }).outerHTML);
  }

  /** Save the figure to an `.svg` file (an `.html` path keeps legends and captions). */
  async save(path: string): Promise<void> {
    const text = path.endsWith(".html")
      ? this.markup
      : `<?xml version="1.0" encoding="UTF-8"?>\n${this.svg}\n`;
    await Deno.writeTextFile(path, text);
  }

  /** The media bundle the Deno kernel shows for this figure. */
  [JUPYTER_DISPLAY](): Record<string, string> {
    return this.isSvg ? { "image/svg+xml": this.svg } : { "text/html": this.markup };
  }

  /** The markup, so a figure can be printed or put into a page. */
  toString(): string {
    return this.markup;
  }
}

function withNamespace(svg: string): string {
  return svg.includes("xmlns=")
    ? svg
    : svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"');
}

/**
 * `Plot.plot` for notebooks and scripts: takes the same options, draws into a
 * linkedom document, and returns a {@link Figure}. Introduced in 01_tensors.
 *
 * @example
 * ```ts
 * import * as Plot from "@observablehq/plot";
 * const fig = plot({ marks: [Plot.lineY([1, 3, 2])] });
 * await fig.save("line.svg");
 * ```
 */
export function plot(options: Plot.PlotOptions): Figure {
  const element = Plot.plot({ ...options, document: plotDocument() });
  return new Figure((element as unknown as { outerHTML: string }).outerHTML);
}

/**
 * Lay figures side by side in one displayable row (HTML). Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * sideBySide([figA, figB], ["x = 1", "x = 5"]);
 * ```
 */
export function sideBySide(figures: Figure[], captions: string[] = []): Html {
  const cells = figures.map((f, i) =>
    `<div style="display:inline-block;vertical-align:top;margin:0 1em 1em 0">${f.markup}${
      captions[i]
        ? `<div style="text-align:center;font:12px sans-serif">${escapeHtml(captions[i])}</div>`
        : ""
    }</div>`
  );
  return new Html(`<div>${cells.join("")}</div>`);
}

/** A piece of HTML that displays as HTML in Jupyter. Introduced in 01_tensors. */
export class Html {
  /** The HTML text. */
  readonly html: string;
  constructor(html: string) {
    this.html = html;
  }
  /** The media bundle the Deno kernel shows. */
  [JUPYTER_DISPLAY](): Record<string, string> {
    return { "text/html": this.html, "text/plain": this.html.replace(/<[^>]+>/g, "") };
  }
  /** The HTML text. */
  toString(): string {
    return this.html;
  }
}

/** Escape text for safe use inside HTML. Introduced in 01_tensors. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(
    /"/g,
    "&quot;",
  );
}
