import assert from "node:assert/strict";
import {
  drawCharacter,
  fontSizeForCapHeight,
  HELD_OUT_FONTS,
  registerFont,
  TRAINING_FONTS,
} from "../lib/ocr/fonts.ts";

const PACKAGES = [
  "fonts-dejavu-core",
  "fonts-liberation2",
  "fonts-noto-core",
  "fonts-freefont-ttf",
];

Deno.test("training and held-out fonts share no file and no design (family name)", () => {
  const design = (name: string) => name.split(" ").slice(0, 2).join(" "); // "Noto Sans Bold" -> "Noto Sans"
  const trained = new Set(TRAINING_FONTS.map((f) => design(f.name)));
  for (const f of HELD_OUT_FONTS) {
    assert.ok(!trained.has(design(f.name)), `${f.name} is also a training design`);
    assert.ok(!TRAINING_FONTS.some((t) => t.file === f.file), f.file);
  }
  assert.ok(TRAINING_FONTS.length >= 12 && HELD_OUT_FONTS.length >= 5);
});

Deno.test("every font file comes from one of the four Debian packages and is installed", () => {
  for (const f of [...TRAINING_FONTS, ...HELD_OUT_FONTS]) {
    assert.ok(PACKAGES.includes(f.package), `${f.name}: ${f.package}`);
    assert.ok(Deno.statSync(f.file).isFile, f.file);
  }
});

Deno.test("a missing font file names the apt command that installs it", () => {
  const ghost = { name: "Ghost", file: "/nonexistent/Ghost.ttf", package: "fonts-ghost" };
  assert.throws(
    () => registerFont(ghost),
    /Ghost\.ttf.*missing.*apt-get install -y --no-install-recommends fonts-ghost/,
  );
});

Deno.test("an H drawn at cap height 40 is 40 pixels tall and sits on the baseline", () => {
  for (const font of [TRAINING_FONTS[0], HELD_OUT_FONTS[0], HELD_OUT_FONTS[2]]) {
    const h = drawCharacter("H", font, 40);
    assert.ok(Math.abs(h.ink.height - 40) <= 1.5, `${font.name}: ${h.ink.height}`);
    assert.ok(Math.abs(h.top + 40) <= 1.5, `${font.name}: top ${h.top}`);
    assert.ok(h.advance > h.ink.width, "the pen moves past the ink");
    assert.ok(Math.max(...h.ink.data) > 0.99, "the stems are solid ink");
  }
  // The font size is larger than the cap height: capitals are about 0.7 em.
  const px = fontSizeForCapHeight(HELD_OUT_FONTS[0], 40);
  assert.ok(px > 50 && px < 62, `${px}`);
});

Deno.test("a space has no ink but moves the pen; a descender reaches below the baseline", () => {
  const space = drawCharacter(" ", HELD_OUT_FONTS[0], 40);
  assert.equal(space.ink.width, 0);
  assert.ok(space.advance > 5);
  const q = drawCharacter("Q", HELD_OUT_FONTS[2], 40);
  assert.ok(q.top + q.ink.height > 2, "Liberation Serif's Q has a tail below the baseline");
});
