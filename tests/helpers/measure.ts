/** Centre of mass and ink extent of a 28x28 image, computed by hand for the OCR tests. */
export function measure(
  x: Float32Array,
): { cx: number; cy: number; width: number; height: number } {
  let t = 0, sx = 0, sy = 0, x0 = 28, x1 = -1, y0 = 28, y1 = -1;
  for (let p = 0; p < 784; p++) {
    const v = x[p], c = p % 28, r = (p - c) / 28;
    t += v, sx += v * c, sy += v * r;
    if (v > 0.01) {
      x0 = Math.min(x0, c), x1 = Math.max(x1, c), y0 = Math.min(y0, r), y1 = Math.max(y1, r);
    }
  }
  return { cx: sx / t, cy: sy / t, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}
