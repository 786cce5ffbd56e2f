/**
 * Pictures of reading a photo, one per step, for the notebook: the photo
 * (colour or grey), the ink mask, the components coloured by character, the
 * reading order, and the text read drawn over the photo. Each is an SVG
 * figure with the picture embedded, so it shows offline.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { Jimp } from "jimp";
import { type Figure, plot } from "../show/mod.ts";
import { type GreyImage, imageHeader, type Mask } from "./image.ts";
import { encodeJpeg, encodePng, maskToImage } from "./encode.ts";
import { resizeImage } from "./resample.ts";
import type { Segmentation } from "./segment.ts";
import type { Reading } from "./read.ts";

/**
 * Options of the figures here. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * photoFigure(grey, { title: "greyscale", maxWidth: 500 } satisfies PictureOptions);
 * ```
 */
export interface PictureOptions {
  /** A title above the picture. */
  title?: string;
  /** Widest the picture is drawn, in screen pixels (640); never larger than the image. */
  maxWidth?: number;
}

/** Line colours: one per line of text, cycling. */
const LINE_COLOURS = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];

const base64 = (bytes: Uint8Array) => {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
};

/** How much a picture of this width is shrunk on screen. */
const shrink = (width: number, options: PictureOptions) =>
  Math.min(1, (options.maxWidth ?? 640) / width);

/** A grey image as a data URL at the size it is drawn (JPEG, or PNG for sharp masks). */
async function dataUrl(image: GreyImage, options: PictureOptions, png = false): Promise<string> {
  const f = shrink(image.width, options);
  const shown = f < 1
    ? resizeImage(image, Math.round(image.width * f), Math.round(image.height * f))
    : image;
  const bytes = png ? await encodePng(shown) : await encodeJpeg(shown, 80);
  return `data:image/${png ? "png" : "jpeg"};base64,${base64(bytes)}`;
}

/** A picture with marks drawn over it in its own pixel coordinates (y down). */
function framed(
  src: string,
  width: number,
  height: number,
  options: PictureOptions,
  marks: Plot.Markish[] = [],
): Figure {
  const scale = shrink(width, options);
  const w = Math.round(width * scale), h = Math.round(height * scale);
  const top = options.title ? 24 : 0;
  return plot({
    width: w,
    height: h + top,
    margin: 0,
    marginTop: top,
    x: { domain: [0, width], axis: null },
    y: { domain: [height, 0], axis: null },
    marks: [
      Plot.image([0], { x: width / 2, y: height / 2, src: () => src, width: w, height: h }),
      ...marks,
      ...(options.title
        ? [Plot.text([options.title], {
          frameAnchor: "top-left",
          dy: -top + 14,
          textAnchor: "start",
          fontWeight: "bold",
          fontSize: 13,
        })]
        : []),
    ],
  });
}

/**
 * Draw a picture: a grey image (as a JPEG, or a PNG when `png`), or an image
 * file's bytes as they are (a colour photo). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * await photoFigure(await Deno.readFile("data/ocr/photo_colour.jpg"), { title: "the photo" });
 * ```
 */
export async function photoFigure(
  image: GreyImage | Uint8Array,
  options: PictureOptions & { png?: boolean } = {},
): Promise<Figure> {
  if (image instanceof Uint8Array) {
    const head = imageHeader(image, "photoFigure's bytes");
    const src = `data:image/${head.format};base64,${base64(image)}`;
    return framed(src, head.width, head.height, options);
  }
  return framed(await dataUrl(image, options, options.png), image.width, image.height, options);
}

/**
 * Draw an ink mask: ink black on white. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * await maskFigure(seg.thresholded.mask, { title: "ink" });
 * ```
 */
export function maskFigure(mask: Mask, options: PictureOptions = {}): Promise<Figure> {
  return photoFigure(maskToImage(mask), { ...options, png: true });
}

/**
 * Draw the components of a segmentation: each character's pieces in one
 * colour (neighbours in different colours), specks left out in light grey.
 * Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * await componentsFigure(segment(grey));
 * ```
 */
export async function componentsFigure(
  seg: Segmentation,
  options: PictureOptions = {},
): Promise<Figure> {
  const { width, height, labels, components } = seg.labelled;
  const palette = [
    [214, 39, 40],
    [31, 119, 180],
    [44, 160, 44],
    [148, 103, 189],
    [255, 127, 14],
    [140, 86, 75],
    [227, 119, 194],
    [23, 190, 207],
  ];
  const colourOf: number[][] = Array.from({ length: components.length + 1 }, () => [190, 190, 190]);
  seg.characters.forEach((c, i) => c.labels.forEach((l) => colourOf[l] = palette[i % 8]));
  const out = new Jimp({ width, height });
  const rgba = out.bitmap.data;
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i] ? colourOf[labels[i]] : [255, 255, 255];
    rgba[4 * i] = c[0], rgba[4 * i + 1] = c[1], rgba[4 * i + 2] = c[2], rgba[4 * i + 3] = 255;
  }
  const png = new Uint8Array(await out.getBuffer("image/png"));
  return framed(`data:image/png;base64,${base64(png)}`, width, height, options);
}

/**
 * Draw the reading order over the grey image: each character's box coloured
 * by its line, numbered in the order it will be read, an underscore where a
 * word gap was found. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * await orderFigure(segment(grey));
 * ```
 */
export async function orderFigure(
  seg: Segmentation,
  options: PictureOptions = {},
): Promise<Figure> {
  const rows = seg.lines.flatMap((line, l) =>
    line.indices.map((i, k) => ({
      ...seg.characters[i].box,
      n: String(i + 1),
      colour: LINE_COLOURS[l % LINE_COLOURS.length],
      space: line.spaceBefore[k],
    }))
  );
  const src = await dataUrl(seg.grey, options);
  return framed(src, seg.grey.width, seg.grey.height, options, [
    boxOutlines(rows),
    Plot.text(rows, {
      x: (d) => d.x + d.width / 2,
      y: (d) => d.y + d.height,
      dy: 9,
      text: "n",
      fill: "colour",
      fontSize: 10,
    }),
    Plot.text(rows.filter((d) => d.space), {
      x: (d) => d.x,
      y: (d) => d.y + d.height / 2,
      dx: -8,
      text: () => "␣",
      fill: "colour",
      fontSize: 14,
    }),
  ]);
}

/**
 * Draw what was read over the image: a box per character and, above it, the
 * character, below it the model's confidence; boxes the model was unsure of (under
 * `unsure`, 0.9) in red. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const reading = await readImage(path, reader);
 * await readingFigure(await toGreyImage(path), reading);
 * ```
 */
export async function readingFigure(
  image: GreyImage,
  reading: Reading,
  options: PictureOptions & { unsure?: number } = {},
): Promise<Figure> {
  if (image.width !== reading.width || image.height !== reading.height) {
    throw new Error(
      `readingFigure: the image is ${image.width}x${image.height} but the reading's boxes ` +
        `are for ${reading.width}x${reading.height}; pass the image that was read.`,
    );
  }
  const unsure = options.unsure ?? 0.9;
  const rows = reading.characters.map((c) => ({
    ...c.box,
    char: c.char,
    pct: `${Math.round(100 * c.confidence)}%`,
    colour: c.confidence < unsure ? "#d62728" : "#1a7f37",
  }));
  return framed(await dataUrl(image, options), image.width, image.height, options, [
    boxOutlines(rows),
    Plot.text(rows, {
      x: (d) => d.x + d.width / 2,
      y: "y",
      dy: -8,
      text: "char",
      fill: "colour",
      fontSize: 13,
      fontWeight: "bold",
    }),
    Plot.text(rows, {
      x: (d) => d.x + d.width / 2,
      y: (d) => d.y + d.height,
      dy: 8,
      text: "pct",
      fill: "colour",
      fontSize: 9,
    }),
  ]);
}

/** Each row's box outlined in its own colour. */
function boxOutlines(
  rows: { x: number; y: number; width: number; height: number; colour: string }[],
) {
  return Plot.rect(rows, {
    x1: "x",
    x2: (d) => d.x + d.width,
    y1: "y",
    y2: (d) => d.y + d.height,
    stroke: "colour",
    strokeWidth: 1.5,
  });
}
