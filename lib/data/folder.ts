/**
 * Your own images: a folder with one sub-folder per label
 * (`<root>/<label>/*.png` or `.jpg`), read with jimp into an {@link ImageSet}
 * of greyscale images, so the chapter 4 recipe trains on them too.
 *
 * @module
 */
import { Jimp } from "jimp";
import { ImageSet } from "./mnist.ts";

/** Options of {@link loadImageFolder}. */
export interface ImageFolderOptions {
  /** Resize every image to `size` x `size`; without it all images must share one size. */
  size?: number;
  /** Store dark ink on light paper as light on dark, like MNIST (default true). */
  invert?: boolean;
}

/** What {@link loadImageFolder} found: the images and the label of each class number. */
export interface ImageFolder {
  images: ImageSet;
  /** Class names in class-number order (the sub-folder names, sorted). */
  classes: string[];
  /** The file each image came from. */
  files: string[];
}

const IMAGE_FILE = /\.(png|jpe?g)$/i;

/**
 * Read `<root>/<label>/*.png|jpg` into greyscale images with labels.
 * Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const { images, classes } = await loadImageFolder("my_digits", { size: 28 });
 * ```
 */
export async function loadImageFolder(
  root: string,
  options: ImageFolderOptions = {},
): Promise<ImageFolder> {
  const { size, invert = true } = options;
  let entries: Deno.DirEntry[];
  try {
    entries = [...Deno.readDirSync(root)];
  } catch {
    throw new Error(
      `loadImageFolder: cannot read the folder ${root}; give a folder with one sub-folder per label.`,
    );
  }
  const classes = entries.filter((e) => e.isDirectory).map((e) => e.name).sort();
  if (classes.length === 0) {
    throw new Error(
      `loadImageFolder: ${root} has no label sub-folders; put images in ${root}/<label>/*.png.`,
    );
  }
  const pixels: Float32Array[] = [];
  const labels: number[] = [];
  const files: string[] = [];
  let shape: [number, number] | undefined;
  for (const [label, name] of classes.entries()) {
    const dir = `${root}/${name}`;
    const names = [...Deno.readDirSync(dir)].filter((e) => e.isFile && IMAGE_FILE.test(e.name)).map(
      (e) => e.name,
    ).sort();
    if (names.length === 0) {
      throw new Error(
        `loadImageFolder: the label folder ${dir} holds no .png or .jpg images; add some or remove it.`,
      );
    }
    for (const file of names) {
      const path = `${dir}/${file}`;
      let image;
      try {
        image = await Jimp.read(await Deno.readFile(path).then((b) => b.buffer as ArrayBuffer));
      } catch (e) {
        throw new Error(
          `loadImageFolder: ${path} is not a readable PNG or JPEG (${
            (e as Error).message
          }); replace or remove it.`,
        );
      }
      if (size) image.resize({ w: size, h: size });
      const { width, height, data } = image.bitmap;
      if (!shape) shape = [height, width];
      else if (shape[0] !== height || shape[1] !== width) {
        throw new Error(
          `loadImageFolder: ${path} is ${width}x${height} but ${files[0]} is ${shape[1]}x${
            shape[0]
          }; ` +
            "pass { size } to resize every image to one size.",
        );
      }
      const grey = new Float32Array(width * height);
      for (let i = 0; i < grey.length; i++) {
        const v = (0.299 * data[4 * i] + 0.587 * data[4 * i + 1] + 0.114 * data[4 * i + 2]) / 255;
        grey[i] = invert ? 1 - v : v;
      }
      pixels.push(grey);
      labels.push(label);
      files.push(path);
    }
  }
  const [h, w] = shape!;
  const all = new Float32Array(pixels.length * h * w);
  pixels.forEach((p, i) => all.set(p, i * h * w));
  return { images: new ImageSet(all, Int32Array.from(labels), h, w), classes, files };
}
