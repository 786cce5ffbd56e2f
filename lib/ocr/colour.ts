/**
 * A colour photo from a grey one: ink and paper given colours (blue biro on
 * cream paper, say), so the reading chapter starts, as the blog does, from a
 * colour photo that has to be made greyscale first.
 *
 * @module
 */
import { Jimp } from "jimp";
import type { GreyImage } from "./image.ts";
import { defaultWindow, localStats } from "./threshold.ts";

/**
 * An RGB colour, each channel 0..255. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const biro: Rgb = [30, 50, 140];
 * ```
 */
export type Rgb = [number, number, number];

/**
 * Options of {@link colourPhotoJpeg}. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * await colourPhotoJpeg(photo.image, { paper: [250, 240, 215], ink: [25, 45, 150] } satisfies ColourOptions);
 * ```
 */
export interface ColourOptions {
  /** The colour of white paper (default cream, [248, 238, 212]). */
  paper?: Rgb;
  /** The colour of full ink (default biro blue, [28, 48, 150]). */
  ink?: Rgb;
  /** JPEG quality 1..100 (92). */
  quality?: number;
}

/**
 * Colour a grey photo and encode it as a JPEG, as a phone would: the paper
 * keeps its light and shadow in the paper colour, and ink (how far a pixel
 * lies below the paper around it) takes the ink colour. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * await Deno.writeFile("photo_colour.jpg", await colourPhotoJpeg(photo.image));
 * ```
 */
export async function colourPhotoJpeg(
  image: GreyImage,
  options: ColourOptions = {},
): Promise<Uint8Array> {
  const { paper = [248, 238, 212], ink = [28, 48, 150], quality = 92 } = options;
  const { mean } = localStats(image, defaultWindow(image));
  const out = new Jimp({ width: image.width, height: image.height });
  const rgba = out.bitmap.data;
  for (let i = 0; i < image.data.length; i++) {
    const v = Math.min(1, Math.max(0, image.data[i]));
    const light = Math.max(v, mean[i]); // the paper's brightness here
    const share = Math.min(1, Math.max(0, (light - v) / (0.75 * light))); // how inky
    for (let c = 0; c < 3; c++) {
      rgba[4 * i + c] = Math.round(light * (paper[c] * (1 - share) + ink[c] * share));
    }
    rgba[4 * i + 3] = 255;
  }
  return new Uint8Array(await out.getBuffer("image/jpeg", { quality }));
}
