/**
 * From ink to characters: connected components of a mask (two passes with
 * union-find), the pieces of one character put back together (the dot of an
 * i or j, a stroke broken by the threshold), and specks of noise dropped.
 *
 * @module
 */
import type { Mask } from "./image.ts";

/**
 * An axis-aligned box in pixels: left, top, width, height. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const box: Box = { x: 2, y: 3, width: 5, height: 4 };
 * ```
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * One connected blob of ink. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * labelComponents(mask).components[0].box; // the first blob met, row by row
 * ```
 */
export interface Component {
  /** Its number in {@link Labelled.labels} (1, 2, ...). */
  label: number;
  box: Box;
  /** Ink pixels. */
  area: number;
}

/**
 * A mask's pixels numbered by component (0 is background), with each component's box and area. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { labels, components }: Labelled = labelComponents(mask);
 * ```
 */
export interface Labelled {
  width: number;
  height: number;
  labels: Int32Array;
  components: Component[];
}

function find(parent: Int32Array, a: number): number {
  while (parent[a] !== a) a = parent[a] = parent[parent[a]];
  return a;
}

/**
 * Number the connected blobs of ink (8-neighbours by default), in the order
 * their first pixel appears row by row. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * labelComponents(mask).components.length; // how many blobs
 * ```
 */
export function labelComponents(mask: Mask, connectivity: 4 | 8 = 8): Labelled {
  const { width: w, height: h, data } = mask;
  const labels = new Int32Array(w * h);
  const parent = new Int32Array(Math.ceil((w * h) / 2) + 2);
  let next = 1;
  const union = (a: number, b: number) => {
    const ra = find(parent, a), rb = find(parent, b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (!data[i]) continue;
      const near: number[] = [];
      if (x > 0 && labels[i - 1]) near.push(labels[i - 1]);
      if (y > 0) {
        if (labels[i - w]) near.push(labels[i - w]);
        if (connectivity === 8 && x > 0 && labels[i - w - 1]) near.push(labels[i - w - 1]);
        if (connectivity === 8 && x < w - 1 && labels[i - w + 1]) near.push(labels[i - w + 1]);
      }
      if (near.length === 0) {
        parent[next] = next;
        labels[i] = next++;
      } else {
        labels[i] = near[0];
        for (let k = 1; k < near.length; k++) union(near[0], near[k]);
      }
    }
  }
  const compact = new Int32Array(next);
  const boxes: number[][] = []; // [x0, y0, x1, y1, area]
  for (let i = 0; i < labels.length; i++) {
    if (!labels[i]) continue;
    const root = find(parent, labels[i]);
    if (!compact[root]) {
      compact[root] = boxes.length + 1;
      boxes.push([w, h, -1, -1, 0]);
    }
    const l = (labels[i] = compact[root]);
    const b = boxes[l - 1], x = i % w, y = (i - x) / w;
    b[0] = Math.min(b[0], x), b[1] = Math.min(b[1], y);
    b[2] = Math.max(b[2], x), b[3] = Math.max(b[3], y);
    b[4]++;
  }
  const components = boxes.map(([x0, y0, x1, y1, area], i) => ({
    label: i + 1,
    box: { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 },
    area,
  }));
  return { width: w, height: h, labels, components };
}

/**
 * One character: the components that make it, their joint box and ink. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * groupCharacters(labelled)[0].labels; // e.g. [3, 1]: an i's stem and dot
 * ```
 */
export interface Character {
  box: Box;
  area: number;
  /** The component labels it is made of. */
  labels: number[];
}

/**
 * Options of {@link groupCharacters}. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * groupCharacters(labelled, { minArea: 20 } satisfies GroupOptions);
 * ```
 */
export interface GroupOptions {
  /** Pieces merge when their joint box is at most this many typical heights tall (1.5). */
  mergeHeight?: number;
  /** ...and they overlap horizontally by at least this share of the narrower one (0.5). */
  mergeOverlap?: number;
  /** Characters with fewer ink pixels than this are specks (6). */
  minArea?: number;
  /** Characters smaller than this share of the typical character's ink are specks (0.15). */
  minShare?: number;
  /** A short piece (under 0.6 typical heights) with less than this share of the typical ink is a fragment (0.35)... */
  fragmentShare?: number;
  /** ...and joins the nearest character at most this many typical heights away (0.15). */
  fragmentGap?: number;
}

/**
 * The smallest box that holds both. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * unionBox({ x: 0, y: 0, width: 2, height: 2 }, { x: 3, y: 1, width: 1, height: 4 }); // { x: 0, y: 0, width: 4, height: 5 }
 * ```
 */
export function unionBox(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x), y = Math.min(a.y, b.y);
  const right = Math.max(a.x + a.width, b.x + b.width);
  const bottom = Math.max(a.y + a.height, b.y + b.height);
  return { x, y, width: right - x, height: bottom - y };
}

/** The gap between two boxes: 0 when they touch or overlap, else the larger of the x and y gaps. */
function boxGap(a: Box, b: Box): number {
  const gx = Math.max(a.x - (b.x + b.width), b.x - (a.x + a.width));
  const gy = Math.max(a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.max(0, gx, gy);
}

function absorb(into: Character, piece: Character): void {
  into.box = unionBox(into.box, piece.box);
  into.area += piece.area;
  into.labels.push(...piece.labels);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

/**
 * Group components into characters: pieces stacked over one another (an i's
 * dot, a broken stroke) merge when together they are no taller than
 * `mergeHeight` typical characters; short fragments (a stroke's broken-off
 * tail) join the character right next to them; then specks are dropped.
 * Characters come back in no particular order (see `readingOrder`).
 * Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const chars = groupCharacters(labelComponents(mask));
 * chars.length; // how many characters
 * ```
 */
export function groupCharacters(labelled: Labelled, options: GroupOptions = {}): Character[] {
  const { mergeHeight = 1.5, mergeOverlap = 0.5, minArea = 6, minShare = 0.15 } = options;
  const { fragmentShare = 0.35, fragmentGap = 0.15 } = options;
  const pieces = labelled.components.filter((c) => c.area >= minArea);
  const areaRef = median(pieces.map((c) => c.area));
  const height = median(pieces.filter((c) => c.area >= areaRef / 4).map((c) => c.box.height));
  // Pieces sorted by their left edge; a pair can merge only while they overlap in x.
  const order = pieces.map((_, i) => i).sort((i, j) => pieces[i].box.x - pieces[j].box.x);
  const parent = Int32Array.from(pieces.keys());
  for (let p = 0; p < order.length; p++) {
    const a = pieces[order[p]].box;
    for (let q = p + 1; q < order.length; q++) {
      const b = pieces[order[q]].box;
      if (b.x >= a.x + a.width) break;
      const overlap = Math.min(a.x + a.width, b.x + b.width) - b.x;
      if (
        overlap >= mergeOverlap * Math.min(a.width, b.width) &&
        unionBox(a, b).height <= mergeHeight * height
      ) {
        const ra = find(parent, order[p]), rb = find(parent, order[q]);
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }
  }
  const groups = new Map<number, Character>();
  pieces.forEach((c, i) => {
    const root = find(parent, i);
    const piece = { box: { ...c.box }, area: c.area, labels: [c.label] };
    const g = groups.get(root);
    if (g) absorb(g, piece);
    else groups.set(root, piece);
  });
  const chars = [...groups.values()];
  const ref = median(chars.map((c) => c.area));
  const isFragment = (c: Character) =>
    c.area >= minShare * ref && c.area < fragmentShare * ref && c.box.height < 0.6 * height;
  const whole = chars.filter((c) => !isFragment(c));
  const kept = whole.filter((c) => c.area >= minShare * ref);
  for (const f of chars.filter(isFragment)) {
    let best: Character | undefined, bestGap = fragmentGap * height;
    for (const c of kept) {
      const gap = boxGap(f.box, c.box), joint = unionBox(f.box, c.box);
      const fits = Math.max(joint.width, joint.height) <= mergeHeight * height;
      if (fits && gap <= bestGap) [best, bestGap] = [c, gap];
    }
    if (best) absorb(best, f);
    else kept.push(f);
  }
  return kept;
}
