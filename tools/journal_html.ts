/**
 * The HTML journal: one page per chapter and an index, readable offline
 * (every figure is inline SVG; no CDN, no local system path).
 *
 * @module
 */

/** One chapter of the journal as the index lists it. */
export interface Chapter {
  /** File name without extension, e.g. `01_tensors`. */
  file: string;
  /** The notebook's first `#` heading. */
  title: string;
  /** Seconds its last run took. */
  seconds?: number;
}

const STYLE = `
body{max-width:60rem;margin:2rem auto;padding:0 1rem;font:16px/1.55 Georgia,serif;color:#222}
nav{font:14px sans-serif;margin:1rem 0;display:flex;justify-content:space-between}
pre,code{font:13px/1.4 ui-monospace,monospace}
.input_area,.jp-InputArea-editor{background:#f7f7f7;border-left:3px solid #c8a165;padding:.2rem .6rem;margin:.6rem 0;overflow-x:auto}
.output_area pre,.jp-OutputArea-output pre{background:none;margin:.3rem 0;white-space:pre-wrap}
.prompt,.jp-InputPrompt,.jp-OutputPrompt{display:none}
table{border-collapse:collapse;font:13px sans-serif;margin:.5rem 0}
td,th{border:1px solid #ddd;padding:2px 6px;text-align:right}
svg{max-width:100%;height:auto}
.output_stderr{color:#a33}
`;

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function page(title: string, body: string, css = ""): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}${css}</style></head>
<body>${body}</body></html>\n`;
}

function nav(prev?: Chapter, next?: Chapter): string {
  const link = (c: Chapter | undefined, label: string) =>
    c ? `<a href="${c.file}.html">${label} ${escape(c.title)}</a>` : "<span></span>";
  return `<nav>${link(prev, "&larr;")}<a href="index.html">contents</a>${
    link(next, "&rarr;")
  }</nav>`;
}

/** A chapter's page around nbconvert's HTML of the executed notebook. */
export function chapterPage(
  c: Chapter,
  body: string,
  css: string,
  prev?: Chapter,
  next?: Chapter,
): string {
  const ran = c.seconds === undefined
    ? ""
    : `<p><small>Executed top to bottom in ${c.seconds.toFixed(1)} s.</small></p>`;
  return page(c.title, `${nav(prev, next)}${ran}${body}${nav(prev, next)}`, css);
}

/** The index page: chapters in order with how long each took to run. */
export function indexPage(chapters: Chapter[]): string {
  const items = chapters.map((c) =>
    `<li><a href="${c.file}.html">${escape(c.title)}</a>` +
    (c.seconds === undefined ? "" : ` <small>(${c.seconds.toFixed(1)} s)</small>`) + "</li>"
  ).join("\n");
  return page(
    "A caffeinated ML journal in TypeScript",
    `<h1>A caffeinated ML journal in TypeScript</h1>
<p>From "what is a tensor?" to reading characters off a photo, one notebook at a time.</p>
<ol>\n${items}\n</ol>`,
  );
}

const REMOTE = /<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:|\/\/)/i;
const LOCAL = /\b(src|href)\s*=\s*["']?(file:|\/(root|home|tmp|usr|work)\/)/i;

/** Throw if a page would load anything from the network or from a local system path. */
export function checkOffline(html: string, name: string): void {
  const remote = html.match(REMOTE);
  if (remote) {
    throw new Error(
      `journal: ${name} loads a remote resource (${remote[0]}); the journal must read offline.`,
    );
  }
  const local = html.match(LOCAL);
  if (local) throw new Error(`journal: ${name} links a local system path (${local[0]}).`);
}
