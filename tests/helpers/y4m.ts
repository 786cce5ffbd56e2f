/**
 * A Y4M video (raw YUV 4:2:0 frames behind a one-line header) made from grey
 * images: Chromium plays such a file as a fake camera
 * (`--use-file-for-fake-video-capture`), so the webcam test needs no ffmpeg.
 *
 * @module
 */
import type { GreyImage } from "../../lib/ocr/grey.ts";

/**
 * Grey frames (all one even size) as a Y4M video at `fps` frames a second; grey 0..1 maps to video luma 16..235. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * await Deno.writeFile("digits.y4m", y4mVideo([photo.image], 10)); // then --use-file-for-fake-video-capture=digits.y4m
 * ```
 */
export function y4mVideo(frames: GreyImage[], fps = 10): Uint8Array {
  const { width, height } = frames[0];
  if (width % 2 || height % 2 || frames.some((f) => f.width !== width || f.height !== height)) {
    throw new Error(`y4mVideo: every frame must be ${width}x${height}, with even sides.`);
  }
  const header = new TextEncoder().encode(
    `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`,
  );
  const tag = new TextEncoder().encode("FRAME\n");
  const luma = width * height, chroma = luma / 4;
  const out = new Uint8Array(header.length + frames.length * (tag.length + luma + 2 * chroma));
  out.set(header);
  let p = header.length;
  for (const frame of frames) {
    out.set(tag, p);
    p += tag.length;
    for (let i = 0; i < luma; i++) {
      out[p + i] = Math.round(16 + 219 * Math.min(1, Math.max(0, frame.data[i])));
    }
    out.fill(128, p + luma, p + luma + 2 * chroma); // no colour
    p += luma + 2 * chroma;
  }
  return out;
}
