/**
 * What a camera does to a clean page, each step seeded: blur, sensor noise,
 * uneven light, a paper texture, and the perspective of a page seen at an
 * angle (a homography). Used to make training glyphs and test photos.
 *
 * @module
 */
import type { Rng } from "../data/rng.ts";
import { type GreyImage, greyImage } from "./image.ts";

/**
 * Gaussian blur with standard deviation `sigma` pixels (separable, edges
 * repeated); sigma 0 returns a copy. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const soft = gaussianBlur(page, 1.2);
 * ```
 */
export function gaussianBlur(image: GreyImage, sigma: number): GreyImage {
  const { width: w, height: h } = image;
  if (!(sigma > 0)) return { width: w, height: h, data: image.data.slice() };
  const r = Math.ceil(3 * sigma);
  const kernel = Array.from(
    { length: 2 * r + 1 },
    (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma ** 2)),
  );
  const total = kernel.reduce((a, b) => a + b, 0);
  const k = kernel.map((v) => v / total);
  const pass = (
    src: Float32Array,
    dst: Float32Array,
    along: number,
    across: number,
    step: number,
    line: number,
  ) => {
    for (let a = 0; a < across; a++) {
      for (let i = 0; i < along; i++) {
        let s = 0;
        for (let j = -r; j <= r; j++) {
          const p = Math.min(along - 1, Math.max(0, i + j));
          s += k[j + r] * src[a * line + p * step];
        }
        dst[a * line + i * step] = s;
      }
    }
  };
  const tmp = new Float32Array(w * h), out = greyImage(w, h, 0);
  pass(image.data, tmp, w, h, 1, w); // rows
  pass(tmp, out.data, h, w, w, 1); // columns
  return out;
}

/**
 * Add Gaussian noise of standard deviation `std`, clipping to 0..1. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const grainy = addNoise(page, 0.03, new Rng(1));
 * ```
 */
export function addNoise(image: GreyImage, std: number, rng: Rng): GreyImage {
  const data = image.data.map((v) => Math.min(1, Math.max(0, v + rng.normal(0, std))));
  return { width: image.width, height: image.height, data };
}

/**
 * A lighting field in [1 - strength, 1]: light falling off along a random
 * direction, with a soft round shadow. Multiply a page by it. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const light = lightingField(400, 300, 0.5, new Rng(1)); // darkest spot half as bright
 * ```
 */
export function lightingField(
  width: number,
  height: number,
  strength: number,
  rng: Rng,
): GreyImage {
  const angle = rng.uniform(0, 2 * Math.PI), dx = Math.cos(angle), dy = Math.sin(angle);
  const sx = rng.uniform(0, width), sy = rng.uniform(0, height);
  const radius = rng.uniform(0.3, 0.6) * Math.max(width, height);
  const raw = new Float32Array(width * height);
  let lo = Infinity, hi = -Infinity;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const ramp = (x * dx + y * dy) / Math.hypot(width, height);
      const shadow = 0.5 * Math.exp(-((x - sx) ** 2 + (y - sy) ** 2) / (2 * radius ** 2));
      const v = ramp - shadow;
      raw[y * width + x] = v;
      lo = Math.min(lo, v), hi = Math.max(hi, v);
    }
  }
  const span = hi - lo || 1;
  return { width, height, data: raw.map((v) => 1 - strength * (hi - v) / span) };
}

/**
 * A paper texture: a brightness near `base`, slow blotches and fine grain.
 * Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const paper = paperTexture(400, 300, new Rng(1)); // values near 0.88
 * ```
 */
export function paperTexture(width: number, height: number, rng: Rng, base = 0.88): GreyImage {
  const cell = 40, gw = Math.ceil(width / cell) + 2, gh = Math.ceil(height / cell) + 2;
  const grid = Array.from({ length: gw * gh }, () => rng.normal(0, 0.03));
  const out = greyImage(width, height, 0);
  for (let y = 0; y < height; y++) {
    const gy = y / cell, j = Math.floor(gy), ty = gy - j;
    for (let x = 0; x < width; x++) {
      const gx = x / cell, i = Math.floor(gx), tx = gx - i;
      const top = grid[j * gw + i] * (1 - tx) + grid[j * gw + i + 1] * tx;
      const bottom = grid[(j + 1) * gw + i] * (1 - tx) + grid[(j + 1) * gw + i + 1] * tx;
      out.data[y * width + x] = base + top * (1 - ty) + bottom * ty + rng.normal(0, 0.01);
    }
  }
  return out;
}

/**
 * A 3x3 homography, row by row, with h[8] = 1. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const identity: Homography = [1, 0, 0, 0, 1, 0, 0, 0, 1];
 * ```
 */
export type Homography = number[];

/**
 * The homography that maps four points `from` onto four points `to`
 * (solving the 8x8 linear system). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const square = [[0, 0], [1, 0], [1, 1], [0, 1]];
 * homography(square, square); // the identity, [1, 0, 0, 0, 1, 0, 0, 0, 1]
 * ```
 */
export function homography(from: number[][], to: number[][]): Homography {
  const a: number[][] = [];
  from.forEach(([x, y], i) => {
    const [u, v] = to[i];
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  });
  for (let c = 0; c < 8; c++) { // Gaussian elimination with partial pivoting
    const p = a.slice(c).reduce(
      (best, row, i) => (Math.abs(row[c]) > Math.abs(a[best][c]) ? c + i : best),
      c,
    );
    [a[c], a[p]] = [a[p], a[c]];
    if (Math.abs(a[c][c]) < 1e-12) {
      throw new Error("homography: three of the four points lie on a line.");
    }
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      for (let k = c; k < 9; k++) a[r][k] -= f * a[c][k];
    }
  }
  return [...a.map((row, i) => row[8] / row[i]), 1];
}

/**
 * Map a point through a homography. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * applyHomography([2, 0, 0, 0, 2, 0, 0, 0, 1], [3, 4]); // [6, 8]
 * ```
 */
export function applyHomography(h: Homography, [x, y]: number[]): [number, number] {
  const w = h[6] * x + h[7] * y + h[8];
  return [(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w];
}

/**
 * Warp an image so that its corners land on `corners` (top-left, top-right,
 * bottom-right, bottom-left), sampling bilinearly; pixels that come from
 * outside the image get `fill`. Returns the image and the forward map.
 * Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { image } = warpPerspective(ink, [[10, 5], [390, 0], [400, 300], [0, 290]]);
 * ```
 */
export function warpPerspective(
  image: GreyImage,
  corners: number[][],
  fill = 0,
): { image: GreyImage; forward: Homography } {
  const { width: w, height: h, data } = image;
  const frame = [[0, 0], [w, 0], [w, h], [0, h]];
  const forward = homography(frame, corners), back = homography(corners, frame);
  const out = greyImage(w, h, fill);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [sx, sy] = applyHomography(back, [x + 0.5, y + 0.5]).map((v) => v - 0.5);
      const x0 = Math.floor(sx), y0 = Math.floor(sy), tx = sx - x0, ty = sy - y0;
      if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) continue;
      const at = (
        i: number,
        j: number,
      ) => (i < 0 || j < 0 || i >= w || j >= h ? fill : data[j * w + i]);
      out.data[y * w + x] = (at(x0, y0) * (1 - tx) + at(x0 + 1, y0) * tx) * (1 - ty) +
        (at(x0, y0 + 1) * (1 - tx) + at(x0 + 1, y0 + 1) * tx) * ty;
    }
  }
  return { image: out, forward };
}
