/**
 * Grids of small images (digits, augmented samples, mistakes) as one figure:
 * each image becomes a PNG (encoded with jimp) inside an SVG, with an
 * optional caption under it. Offline and self-contained.
 *
 * @module
 */
import { Jimp } from "jimp";
import * as Plot from "@observablehq/plot";
import { type Figure, plot } from "./figure.ts";

/** Options of {@link imageGrid}. */
export interface ImageGridOptions {
  /** Image width and height in pixels (all images share them). */
  width: number;
  height: number;
  /** Images per row (default 10). */
  columns?: number;
  /** On-screen pixels per image pixel (default 2). */
  scale?: number;
  /** A caption under each image. */
  captions?: string[];
  /** Caption colours, one per image (default dark grey). */
  captionColours?: string[];
  /** A title above the grid. */
  title?: string;
  /** Draw white ink on black (as MNIST stores digits) instead of black on white. */
  inverted?: boolean;
}

/**
 * Encode a greyscale image (values 0..1, row by row) as a PNG data URL.
 * Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const url = await pngDataUrl(new Float32Array(28 * 28), 28, 28); // "data:image/png;base64,..."
 * ```
 */
export async function pngDataUrl(
  pixels: ArrayLike<number>,
  width: number,
  height: number,
): Promise<string> {
  if (pixels.length !== width * height) {
    throw new Error(
      `pngDataUrl: ${width}x${height} needs ${width * height} pixels, got ${pixels.length}.`,
    );
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < pixels.length; i++) {
    const v = Math.round(Math.min(1, Math.max(0, pixels[i])) * 255);
    rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = v;
    rgba[4 * i + 3] = 255;
  }
  const image = new Jimp({ width, height, data: rgba as unknown as Buffer });
  const png = await image.getBuffer("image/png");
  return `data:image/png;base64,${png.toString("base64")}`;
}

/**
 * Draw greyscale images in a grid, each with an optional caption.
 * Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const fig = await imageGrid([digit0, digit1], { width: 28, height: 28, captions: ["0", "1"] });
 * ```
 */
export async function imageGrid(
  images: ArrayLike<number>[],
  options: ImageGridOptions,
): Promise<Figure> {
  const {
    width,
    height,
    columns = 10,
    scale = 2,
    captions,
    captionColours,
    title,
    inverted = true,
  } = options;
  if (images.length === 0) throw new Error("imageGrid: no images to draw.");
  const tiles = await Promise.all(images.map((img) => {
    const px = inverted ? Array.from(img, (v) => 1 - v) : img;
    return pngDataUrl(px, width, height);
  }));
  const cols = Math.min(columns, images.length);
  const rows = Math.ceil(images.length / cols);
  const cell = { w: width * scale + 6, h: height * scale + (captions ? 16 : 6) };
  const data = tiles.map((src, i) => ({
    src,
    col: i % cols,
    row: Math.floor(i / cols),
    caption: captions?.[i] ?? "",
    colour: captionColours?.[i] ?? "#333",
  }));
  const titleSpace = title ? 24 : 0;
  return plot({
    width: cols * cell.w,
    height: rows * cell.h + titleSpace,
    margin: 0,
    marginTop: titleSpace,
    x: { domain: [0, cols], axis: null },
    y: { domain: [rows, 0], axis: null },
    marks: [
      Plot.image(data, {
        x: (d) => d.col + 0.5,
        y: (d) => d.row + (width * scale / 2 + 3) / cell.h,
        src: "src",
        width: width * scale,
        height: height * scale,
        imageRendering: "pixelated",
      }),
      ...(captions
        ? [Plot.text(data, {
          x: (d) => d.col + 0.5,
          y: (d) => d.row + (height * scale + 11) / cell.h,
          text: "caption",
          fill: "colour",
          fontSize: 11,
        })]
        : []),
      ...(title
        ? [
          Plot.text([title], {
            frameAnchor: "top-left",
            dx: 2,
            dy: -titleSpace + 14,
            textAnchor: "start",
            fontWeight: "bold",
            fontSize: 13,
          }),
        ]
        : []),
    ],
  });
}
