import assert from "node:assert/strict";
import {
  colourPhotoJpeg,
  componentsFigure,
  decodeGreyImage,
  HELD_OUT_FONTS,
  loadReader,
  maskFigure,
  orderFigure,
  photoFigure,
  photoOfText,
  readImage,
  readingFigure,
  segment,
} from "../lib/ocr/mod.ts";

const photo = photoOfText(["AB", "C1"], HELD_OUT_FONTS[0], { seed: 21 });

Deno.test("every step's picture is an SVG with the picture inside, so it shows offline", async () => {
  const seg = segment(photo.image);
  const figures = [
    await photoFigure(photo.image, { title: "the photo" }),
    await maskFigure(seg.thresholded.mask),
    await componentsFigure(seg),
    await orderFigure(seg),
  ];
  for (const f of figures) {
    assert.ok(f.isSvg);
    assert.match(f.svg, /<image[^>]+href="data:image\/(png|jpeg);base64,/);
  }
  assert.match(figures[0].svg, /the photo/);
  // The order figure numbers the characters 1..4 under their boxes.
  for (const n of ["1", "2", "3", "4"]) assert.match(figures[3].svg, new RegExp(`>${n}<`));
});

Deno.test("the reading figure writes each character and its confidence by its box", async () => {
  const reader = await loadReader("printed");
  const reading = await readImage(photo.image, reader);
  const fig = await readingFigure(photo.image, reading);
  assert.equal(fig.svg.match(/<rect/g)?.length, 4);
  for (const c of ["A", "B", "C", "1"]) assert.match(fig.svg, new RegExp(`>${c}<`));
  assert.match(fig.svg, />\d+%</);
  await assert.rejects(
    () => readingFigure({ width: 3, height: 3, data: new Float32Array(9) }, reading),
    /pass the image that was read/,
  );
  reader.model.dispose();
});

Deno.test("a colour photo turns back into about the same grey photo", async () => {
  const jpeg = await colourPhotoJpeg(photo.image);
  const grey = await decodeGreyImage(jpeg);
  assert.deepEqual([grey.width, grey.height], [photo.image.width, photo.image.height]);
  // Ink stays darker than paper: the correlation with the grey original is high.
  const a = photo.image.data, b = grey.data, n = a.length;
  const mean = (x: Float32Array) => x.reduce((s, v) => s + v, 0) / n;
  const ma = mean(a), mb = mean(b);
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb), saa += (a[i] - ma) ** 2, sbb += (b[i] - mb) ** 2;
  }
  assert.ok(sab / Math.sqrt(saa * sbb) > 0.95, `correlation ${sab / Math.sqrt(saa * sbb)}`);
  const svg = (await photoFigure(jpeg)).svg;
  assert.match(svg, /data:image\/jpeg;base64,/);
});
