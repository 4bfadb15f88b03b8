// theme.test.mjs: the dark theme (web/ui.cpp set_theme, shell/campus.css). The canvas and the
// page follow the system's prefers-color-scheme; the learner's theme button in the top bar
// wins over it, is kept in localStorage and survives a reload; a change of the system setting
// applies while the choice is Auto; a switch repaints the whole canvas; and the words drawn
// on the dark canvas keep a readable contrast.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, ready, settle, locate, clickLabel, firstRepaintDifference, openReady, closeClean, state } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

// The canvas's pixels in a rectangle (CSS pixels; the tests run at devicePixelRatio 1) as
// [r, g, b] triples.
const pixels = (page, r) => page.evaluate(({ x, y, w, h }) => {
  const c = document.getElementById("canvas");
  const off = document.createElement("canvas");
  off.width = c.width;
  off.height = c.height;
  const g = off.getContext("2d", { willReadFrequently: true });
  g.drawImage(c, 0, 0);
  const d = g.getImageData(Math.round(x), Math.round(y), Math.max(1, Math.round(w)), Math.max(1, Math.round(h))).data;
  const out = [];
  for (let i = 0; i < d.length; i += 4) out.push([d[i], d[i + 1], d[i + 2]]);
  return out;
}, r);

// WCAG relative luminance and contrast ratio.
const luminance = ([r, g, b]) => {
  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
};
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
};

// The most common colour of a rectangle (its background) and the best contrast of any pixel
// in it against that (the core of a glyph, for a rectangle of text).
async function textContrast(page, rect) {
  const px = await pixels(page, rect);
  const count = new Map();
  for (const p of px) { const k = p.join(","); count.set(k, (count.get(k) || 0) + 1); }
  const bg = [...count.entries()].sort((a, b) => b[1] - a[1])[0][0].split(",").map(Number);
  return { bg, best: Math.max(...px.map((p) => contrast(p, bg))) };
}

// The canvas's background: a strip of the window's paper under the navigation bar's buttons
// (left edge, below the step list), averaged.
async function canvasPaper(page) {
  const vp = page.viewportSize();
  const px = await pixels(page, { x: 2, y: vp.height - 40, w: 6, h: 30 });
  return luminance(px.reduce((a, p) => [a[0] + p[0] / px.length, a[1] + p[1] / px.length, a[2] + p[2] / px.length], [0, 0, 0]));
}

const pageBackground = (page) => page.evaluate(() => {
  const m = /rgba?\((\d+), (\d+), (\d+)/.exec(getComputedStyle(document.body).backgroundColor);
  return m ? [+m[1], +m[2], +m[3]] : null;
});

async function expectTheme(page, dark, what) {
  const s = await state(page);
  assert.equal(s.theme, dark ? "dark" : "light", `${what}: state().theme`);
  const paper = await canvasPaper(page);
  assert.ok(dark ? paper < 0.03 : paper > 0.85, `${what}: the canvas's paper has luminance ${paper.toFixed(3)}`);
  const bg = luminance(await pageBackground(page));
  assert.ok(dark ? bg < 0.03 : bg > 0.85, `${what}: the page's background has luminance ${bg.toFixed(3)}`);
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute("data-theme")), dark ? "dark" : "light",
    `${what}: <html data-theme>`);
}

// The picture the frames built equals a full repaint (as in render.test.mjs): nothing of the
// old theme is left on screen.
const sameAsFullRepaint = async (page) => (await firstRepaintDifference(page)) === -1;

test("the system's dark setting gives a dark canvas and page", async () => {
  const { page, problems, context } = await openReady(env, "/", { colorScheme: "dark" });
  await expectTheme(page, true, "system dark");
  assert.equal((await state(page)).themeChoice, "auto");
  // Before the module runs, the page's CSS alone follows the system (the loader's colours).
  assert.equal(await page.evaluate(() => {
    document.documentElement.removeAttribute("data-theme");
    return getComputedStyle(document.body).backgroundColor;
  }), "rgb(18, 22, 30)");
  await closeClean(problems, context);
});

test("the system's light setting gives a light canvas and page", async () => {
  const { page, problems, context } = await openReady(env, "/", { colorScheme: "light" });
  await expectTheme(page, false, "system light");
  assert.equal(await page.evaluate(() => localStorage.getItem("cni-campus:theme")), null,
    "nothing is saved until the learner chooses");
  await closeClean(problems, context);
});

test("the learner's choice wins over the system, is kept, and Auto follows the system again", async () => {
  const { page, problems, context } = await openReady(env, "/", { colorScheme: "light" });
  await expectTheme(page, false, "start");
  // Auto -> the theme the system does not ask for.
  await clickLabel(page, "##theme");
  await expectTheme(page, true, "after the first press");
  assert.equal((await state(page)).themeChoice, "dark");
  assert.equal(await page.evaluate(() => localStorage.getItem("cni-campus:theme")), "dark");
  assert.ok(await sameAsFullRepaint(page), "the switch repainted the whole canvas");
  // The choice survives a reload; the loader colours the page before the module runs.
  await page.reload();
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute("data-theme")), "dark");
  await ready(page);
  await expectTheme(page, true, "after a reload");
  // A dark system setting changes nothing while the choice is Dark; nor does a light one.
  await page.emulateMedia({ colorScheme: "dark" });
  await settle(page);
  await expectTheme(page, true, "chosen dark, system dark");
  await page.emulateMedia({ colorScheme: "light" });
  await settle(page);
  await expectTheme(page, true, "chosen dark, system light");
  // Showing the theme the system does not ask for, a press goes back to Auto.
  await clickLabel(page, "##theme");
  assert.equal((await state(page)).themeChoice, "auto");
  assert.equal(await page.evaluate(() => localStorage.getItem("cni-campus:theme")), "auto");
  await expectTheme(page, false, "auto, system light");
  // Auto follows the system's changes while the page is open.
  await page.emulateMedia({ colorScheme: "dark" });
  await settle(page);
  await expectTheme(page, true, "auto, system turned dark");
  assert.ok(await sameAsFullRepaint(page), "the system's switch repainted the whole canvas");
  // Showing what the system asks for (dark), a press chooses light, which then stays.
  await clickLabel(page, "##theme");
  assert.equal((await state(page)).themeChoice, "light");
  await expectTheme(page, false, "chosen light, system dark");
  await page.emulateMedia({ colorScheme: "light" });
  await settle(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await settle(page);
  await expectTheme(page, false, "chosen light, system dark again");
  assert.ok(await sameAsFullRepaint(page), "the system's switch repainted the whole canvas");
  await closeClean(problems, context);
});

test("words on the dark canvas keep their contrast", async () => {
  const { page, problems, context } = await openReady(env, "/#step=phone-panel", { colorScheme: "dark" });
  await expectTheme(page, true, "phone-panel");
  // The beat's paragraph (ink), the "Your turn" line (muted) and the step list (ink on paper).
  for (const label of ["##beat-text", "##goal-open"]) {
    const r = await locate(page, label);
    const { bg, best } = await textContrast(page, r);
    assert.ok(luminance(bg) < 0.05, `${label}: a dark background (${bg})`);
    assert.ok(best >= 4.5, `${label}: text contrast ${best.toFixed(2)} against ${bg}, under 4.5:1`);
  }
  // The same words in the light theme, for comparison: the test must see a difference.
  await clickLabel(page, "##theme");
  await expectTheme(page, false, "phone-panel, light");
  const r = await locate(page, "##beat-text");
  const { bg } = await textContrast(page, r);
  assert.ok(luminance(bg) > 0.85, `light: a light background (${bg})`);
  await closeClean(problems, context);
});

// Computed colours of the page as [r, g, b].
const rgb = (text) => { const m = /rgba?\((\d+), (\d+), (\d+)/.exec(text); return m ? [+m[1], +m[2], +m[3]] : null; };

test("the plain lesson pages and an embed's placeholder follow a dark system setting", async () => {
  for (const scheme of ["dark", "light"]) {
    const dark = scheme === "dark";
    const { page, problems, context } = await openPage(env, "/lessons/desk-limit.html", { colorScheme: scheme });
    const c = await page.evaluate(() => {
      const s = (sel, p) => getComputedStyle(document.querySelector(sel))[p];
      return { bg: s("html", "backgroundColor"), ink: s("body", "color"), link: s("a", "color"),
               muted: s("header", "color") };
    });
    const bg = rgb(c.bg);
    assert.ok(dark ? luminance(bg) < 0.03 : luminance(bg) > 0.85, `lesson page (${scheme}): background ${c.bg}`);
    for (const what of ["ink", "link", "muted"]) {
      assert.ok(contrast(rgb(c[what]), bg) >= 4.5, `lesson page (${scheme}): ${what} ${c[what]} on ${c.bg}`);
    }
    // An embed's placeholder on a host page: the button and its still picture.
    await page.setContent(`<link rel="icon" href="data:,"><script src="${env.base}/embed.js"></script>
      <div class="cni-campus" data-step="desk-limit" data-height="360" style="width:640px"></div>`);
    await page.waitForFunction(() => {
      const img = document.querySelector(".cni-campus img");
      return img && img.complete && img.naturalWidth > 0;
    });
    const button = await page.evaluate(() => getComputedStyle(document.querySelector(".cni-campus button")).backgroundColor);
    assert.ok(dark ? luminance(rgb(button)) < 0.03 : luminance(rgb(button)) > 0.85, `placeholder (${scheme}): ${button}`);
    // The still picture's own background (its top left corner, under no label).
    const shot = await page.locator(".cni-campus img").screenshot();
    const corner = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = "data:image/png;base64," + b64;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width; c.height = img.height;
      const g = c.getContext("2d");
      g.drawImage(img, 0, 0);
      return Array.from(g.getImageData(4, 4, 1, 1).data.slice(0, 3));
    }, shot.toString("base64"));
    const l = luminance(corner);
    assert.ok(dark ? l < 0.05 : l > 0.5, `placeholder picture (${scheme}): corner ${corner}`);
    await closeClean(problems, context);
  }
});
