// split_profile.mjs: records which functions the landing step runs and writes them to
// web/split-keep.txt, the list wasm-split keeps in campus.wasm (the rest goes to
// campus.deferred.wasm, fetched on the learner's first interaction; docs/size.md).
//
// It runs the instrumented module that the split web build leaves in build/web/campus.wasm
// (emcc -sSPLIT_MODULE) in headless Chromium, in the plain-named site the build assembles
// (build/web/site), through what a visitor does before the rest has arrived: load the page
// at a few sizes and pixel ratios, let it settle, move the pointer over all of it, press a
// key, and use the page API (state, locate, goTo the same step); come back with saved
// progress (read from the fetched exercises, without an interaction: that must not need the
// rest either), and open a deep link and an embed. Each run's profile gives wasm-split's
// list of functions to keep; the union, sorted, is written out. Rerun it after changing what
// the landing step draws: `./campus split-profile`. The browser tests "landing step needs
// no deferred code" and "a returning learner..." fail when the list has gone stale.
//
//   node tools/split_profile.mjs [--build build/web] [--out web/split-keep.txt]
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./serve.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const BUILD = path.resolve(opt("--build", path.join(ROOT, "build", "web")));
const SITE = path.join(BUILD, "site");
const OUT = path.resolve(opt("--out", path.join(ROOT, "web", "split-keep.txt")));
const ORIG = path.join(BUILD, "campus.wasm.orig");
const INSTRUMENTED = path.join(BUILD, "campus.wasm");

for (const f of [ORIG, INSTRUMENTED, path.join(SITE, "index.html")]) {
  if (!fs.existsSync(f)) {
    console.error(`split_profile: ${f} is missing; run ./campus build first (a split web build)`);
    process.exit(1);
  }
}

// The site with the whole, instrumented module in place of the split one.
const work = fs.mkdtempSync(path.join(os.tmpdir(), "campus-split-"));
const site = path.join(work, "site");
fs.cpSync(SITE, site, { recursive: true });
fs.copyFileSync(INSTRUMENTED, path.join(site, "campus.wasm"));
fs.rmSync(path.join(site, "campus.deferred.wasm"), { force: true });
// Every step then draws as before the rest has arrived (its text, "still loading" for its
// view): that code must be in the first download too (shell/campus-loader.js).
for (const name of ["index.html", "embed.html"]) {
  const page = path.join(site, name);
  const html = fs.readFileSync(page, "utf8").replace(/<script src="campus-loader\.js"[^>]*>/,
    '<script src="campus-loader.js" data-profile-rest="loading">');
  if (!html.includes("data-profile-rest")) throw new Error(`split_profile: ${name} has no loader script tag`);
  fs.writeFileSync(page, html);
}

const FLAGS = [
  "--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist", "--disable-dev-shm-usage",
];

// What a visitor does on the landing page before the rest of the module has arrived.
const SCENARIOS = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, dpr: 1, hover: true },
  { name: "retina", viewport: { width: 1440, height: 900 }, dpr: 2, hover: true },
  { name: "narrow", viewport: { width: 800, height: 600 }, dpr: 1, hover: true },
  { name: "phone", viewport: { width: 390, height: 844 }, dpr: 3, hover: false },
];
// Saved progress as a returning learner has it (steps seen, exercises solved), and as
// another version of the page may have left it (refused: reset, with a notice in the error
// banner). Text that is not even JSON is rarer: its parse error paths stay in the rest.
const PROGRESS = JSON.stringify({
  version: 1, seen: ["big-picture", "why-it-matters", "phone-panel", "the-rules", "desk-limit"],
  solved: ["panels-needed", "no-such-exercise"],
});
const ARRIVALS = [
  { name: "returning", url: "/", progress: PROGRESS },
  { name: "returning-other", url: "/", progress: JSON.stringify({ version: 2, seen: [], solved: [] }) },
  { name: "deep-link", url: "/#step=warm-pool&terms=aws" },
  { name: "embed", url: "/embed.html#step=desk-limit&controls=min" },
];

const server = await startServer({ dir: site, port: 0 });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: FLAGS });
const keep = new Set();

// A fresh page that keeps a handle on the module's instance: its __write_profile export
// writes the profile. progress: saved progress put into localStorage before the page runs.
async function open(sc, progress) {
  const context = await browser.newContext({ viewport: sc.viewport || { width: 1280, height: 800 },
    deviceScaleFactor: sc.dpr || 1, hasTouch: sc.hover === false });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript((saved) => {
    if (saved !== null) localStorage.setItem("cni-campus:progress", saved);
    // instantiate(bytes) gives { module, instance }; instantiate(module) the instance itself.
    const keepInstance = (r) => {
      const instance = r instanceof WebAssembly.Instance ? r : r && r.instance;
      if (instance) window.__campusInstance = instance;
      return r;
    };
    const streaming = WebAssembly.instantiateStreaming;
    const plain = WebAssembly.instantiate;
    WebAssembly.instantiateStreaming = (...a) => streaming(...a).then(keepInstance);
    WebAssembly.instantiate = (...a) => plain(...a).then(keepInstance);
  }, progress === undefined ? null : progress);
  return { context, page, errors };
}

// Writes the page's profile, asks wasm-split which functions it ran, adds them to keep.
async function collect(name, page, errors) {
  if (errors.length) throw new Error(`${name}: page errors: ${errors.join("; ")}`);
  const bytes = await page.evaluate(() => {
    const ex = window.__campusInstance.exports;
    const memory = Object.values(ex).find((v) => v instanceof WebAssembly.Memory);
    const at = memory.buffer.byteLength;  // fresh pages past everything the app uses
    memory.grow(16);
    const n = ex.__write_profile(at, 16 * 65536);
    return Array.from(new Uint8Array(memory.buffer, at, n));
  });
  const profile = path.join(work, `${name}.profile`);
  fs.writeFileSync(profile, Buffer.from(bytes));
  const out = execFileSync("wasm-split", [
    "--enable-mutable-globals", "--export-prefix=%", ORIG, `--profile=${profile}`, "-v",
    "-o1", path.join(work, "p.wasm"), "-o2", path.join(work, "d.wasm"),
  ], { encoding: "utf8", maxBuffer: 64 << 20 });
  const line = out.split("\n").find((l) => l.startsWith("Keeping functions: "));
  const names = line ? line.slice("Keeping functions: ".length).split(", ").filter(Boolean) : [];
  names.forEach((n) => keep.add(n));
  console.log(`  ${name.padEnd(18)} ${names.length} functions run`);
}

const firstFrame = (page) =>
  page.waitForFunction(() => window.cniCampus && window.cniCampus.firstFrameMs > 0, null, { timeout: 60000 });
// The fetched catalog and exercises have been handed to the module (the loader's state).
const dataIn = (page) =>
  page.waitForFunction(() => window.cniCampus.state().rest.data === "ready", null, { timeout: 60000 });

try {
  for (const sc of SCENARIOS) {
    const { context, page, errors } = await open(sc);
    await page.goto(base + "/");
    await firstFrame(page);
    await page.evaluate(() => window.cniCampus.state());
    const { width, height } = sc.viewport;
    if (sc.hover) {
      // The pointer over every part of the page (tooltips, hovered buttons), as before the
      // rest has arrived; a press and release on the step's heading (no widget there).
      for (let y = 0; y < 8; ++y) {
        for (let x = 0; x < 10; ++x) {
          await page.mouse.move((width * (x + 0.5)) / 10, (height * (y + 0.5)) / 8);
          await page.waitForTimeout(15);
        }
      }
      await page.mouse.click(Math.min(420, width / 2), 72);
    }
    // A key that does nothing, and goTo the step already shown: the key and API paths,
    // without drawing another step.
    await page.keyboard.press("Shift");
    await page.evaluate(() => window.cniCampus.goTo(window.cniCampus.state().step.id));
    // The interaction fetched the catalog and the exercises: the progress is read then.
    await dataIn(page);
    // Every step as it draws before the rest has arrived, reached by Next, by the API and by
    // the arrow keys, then back to the first.
    const next = await page.evaluate(() => window.cniCampus.locate("Next  \u25B6"));
    if (next) await page.mouse.click(next.x + next.w / 2, next.y + next.h / 2);
    await page.waitForTimeout(100);
    const steps = await page.evaluate(() => window.cniCampus.state().steps.map((s) => s.id));
    for (const id of steps) {
      await page.evaluate((s) => window.cniCampus.goTo(s), id);
      await page.waitForTimeout(60);
    }
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowLeft");
    await page.waitForTimeout(100);
    // Focus, the wheel over the lesson text, a tap on a touch screen, the page hidden and
    // shown again: the browser's other ways in.
    await page.focus("#canvas");
    if (sc.hover) {
      await page.mouse.move(Math.min(420, width / 2), height / 2);
      await page.mouse.wheel(0, 200);
      await page.waitForTimeout(60);
      await page.mouse.wheel(0, -200);
    } else {
      await page.touchscreen.tap(width / 2, 90);
    }
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await page.waitForTimeout(100);
    // The page API as tests and tools use it: locate (its first call switches recording on,
    // a later one finds the widget) and state.
    await page.waitForFunction(() => window.cniCampus.locate("Next  \u25B6"), null, { timeout: 10000, polling: 50 });
    await page.evaluate(() => window.cniCampus.state());
    await page.waitForTimeout(300);
    await collect(sc.name, page, errors);
    await context.close();
  }
  // Arriving with saved progress, by a deep link, in an embed: the data comes after the
  // first frame without an interaction, and must not need the rest of the code.
  for (const sc of ARRIVALS) {
    const { context, page, errors } = await open(sc, sc.progress);
    await page.goto(base + sc.url);
    await firstFrame(page);
    await dataIn(page);
    await page.evaluate(() => window.cniCampus.state());
    await page.waitForTimeout(300);
    await collect(sc.name, page, errors);
    await context.close();
  }
} finally {
  await browser.close();
  server.closeAllConnections?.();
  server.close();
}
// Without the numbers link-time optimisation gives local functions ("strtox.3724"): they
// move with unrelated changes. tools/split_keep.py matches them again at build time.
const normalise = (n) => n.replace(/(\\20\\28\.\d+\\29|\.\d+)$/, "");
// What runs only when the rest arrives or cannot be downloaded, which never happens in this
// run (the module is whole), and must not itself wait for the rest: the loader's call on
// arrival, closing a frame that code of the rest interrupted (campus_recover), and the
// tests' full repaint.
const ALWAYS = ["campus_rest_arrived", "campus_recover", "campus_repaint", "ImGui::ErrorCheckEndFrameRecover",
  "ImGui::ErrorCheckEndWindowRecover", "ImGui::ClosePopupToLevel", "ImGui::ClearActiveID"];
const everyFunction = (() => {
  const none = path.join(work, "none.txt");
  fs.writeFileSync(none, "");
  const out = execFileSync("wasm-split", ["--enable-mutable-globals", "--export-prefix=%", ORIG,
    `--keep-funcs=@${none}`, "-v", "-o1", path.join(work, "p.wasm"), "-o2", path.join(work, "d.wasm")],
  { encoding: "utf8", maxBuffer: 64 << 20 });
  const line = out.split("\n").find((l) => l.startsWith("Splitting out functions: ")) || "";
  return line.slice("Splitting out functions: ".length).split(", ").filter(Boolean);
})();
const always = everyFunction.filter((n) => ALWAYS.some((a) => n === a || n.startsWith(a + "\\28")));
// (The ImGui functions may have been inlined into campus_recover; the exports never are.)
for (const name of ALWAYS.filter((a) => a.startsWith("campus_"))) {
  if (!always.includes(name)) throw new Error(`split_profile: ${name} is not in the module`);
}
const sorted = [...new Set([...keep, ...always].map(normalise))].sort();
fs.writeFileSync(OUT, sorted.join("\n") + "\n");
fs.rmSync(work, { recursive: true, force: true });
console.log(`split_profile: ${sorted.length} functions kept in campus.wasm -> ${path.relative(ROOT, OUT)}`);
