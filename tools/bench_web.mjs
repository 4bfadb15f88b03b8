// bench_web.mjs: the web part of `./campus bench`. Everything is served by tools/serve.mjs,
// gzip-compressed as static hosts serve it (Chromium asks plain http for gzip, not brotli).
// It prints, for the tutorial (dist/) beside a bare Dear ImGui "hello" page built with the
// same flags (bench/web, never shipped) and a plain HTML page (the same first step as a
// static lesson page, dist/lessons/big-picture.html):
//   - every file a first visit downloads (recorded from a real page load in Chromium),
//     raw, gzip -9 and brotli -q 11, and the totals; what the learner's first interaction
//     fetches (the rest: campus.deferred.wasm, the catalog, the exercises); what an embed's
//     click downloads (embed.html until its step is drawn), and its ratio to the first visit;
//   - the first drawn frame and the first readable text (the step's title and first
//     paragraph: the tutorial's first frame, the plain page's first contentful paint), median
//     of N cold loads (fresh browser context each: empty HTTP and code caches), under normal
//     conditions and throttled (DevTools' "Slow 4G": 562.5 ms round trip, 1.44 Mbit/s down,
//     675 kbit/s up, and the CPU 4x slower), with the ratios tutorial / hello and tutorial /
//     plain page;
//   - frames per second while the landing step's call animation plays (the renderer's cost:
//     the goal is 60), beside the ceiling of this machine: a WebGL 2 canvas of the same size
//     that only clears itself every frame; and frames drawn during 3 s of idle after the
//     first frame (goal 0).
// Absolute times under the software renderer (SwiftShader) are noisy; compare the ratios.
//
//   node tools/bench_web.mjs [--dist DIR] [--hello DIR] [--runs 15] [--slow-runs 7]
//                            [--fps-runs 3] [--json FILE]
import { chromium } from "playwright-core";
import path from "node:path";
import fs from "node:fs";
import zlib from "node:zlib";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { startServer } from "./serve.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const DIST = path.resolve(opt("--dist", path.join(ROOT, "dist")));
const HELLO = path.resolve(opt("--hello", path.join(ROOT, "build", "web", "bench_web")));
// Under SwiftShader on 2 cores one load varies by +-30%; with 15 rounds the ratio of the
// medians still moves by about +-0.1 between invocations (report several).
const RUNS = Math.max(1, Number(opt("--runs", "15")) || 15);
const SLOW_RUNS = Math.max(1, Number(opt("--slow-runs", "7")) || 7);
const FPS_RUNS = Math.max(1, Number(opt("--fps-runs", "3")) || 3);
const JSON_OUT = opt("--json", "");
const IDLE_MS = 3000;
const FPS_WINDOW_MS = 2000;
const PLAIN_PAGE = "/lessons/big-picture.html";

const FLAGS = [
  "--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist", "--disable-dev-shm-usage",
];
const SLOW = {
  name: "slow 4G, CPU 4x",
  network: { offline: false, latency: 562.5, downloadThroughput: 1440000 / 8, uploadThroughput: 675000 / 8 },
  cpu: 4,
};
const NORMAL = { name: "normal" };

for (const [dir, page, what] of [[DIST, "index.html", "dist/ (./campus build)"],
  [DIST, PLAIN_PAGE.slice(1), "dist/lessons (./campus build)"],
  [HELLO, "hello.html", "the hello page (cmake --build build/web --target campus_hello)"]]) {
  if (!fs.existsSync(path.join(dir, page))) {
    console.error(`bench_web: ${dir} has no ${page}; build ${what} first`);
    process.exit(1);
  }
}

const sizes = (buf) => ({
  raw: buf.length,
  gzip: zlib.gzipSync(buf, { level: 9 }).length,
  brotli: zlib.brotliCompressSync(buf, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length,
});
const sum = (files) => files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
  { raw: 0, gzip: 0, brotli: 0 });

// Frames a page draws in IDLE_MS once it has settled (three animation frames in a row drew
// none): the campus counts them in cniCampus.state().frames, the hello page in _hello_frames.
async function idleFrames(tab, which) {
  await tab.evaluate((w) => {
    window.benchFrames = w === "campus" ? () => window.cniCampus.state().frames : () => window.hello.module._hello_frames();
  }, which);
  await tab.waitForFunction(() => new Promise((resolve) => {
    const a = window.benchFrames();
    requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.benchFrames() === a))));
  }), null, { timeout: 20000, polling: 50 });
  const at = await tab.evaluate(() => window.benchFrames());
  await tab.waitForTimeout(IDLE_MS);
  return (await tab.evaluate(() => window.benchFrames())) - at;
}

// A fresh context and page under the given conditions.
async function open(browser, condition, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const tab = await context.newPage();
  if (condition.network || condition.cpu) {
    const cdp = await context.newCDPSession(tab);
    if (condition.network) {
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", condition.network);
    }
    if (condition.cpu) await cdp.send("Emulation.setCPUThrottlingRate", { rate: condition.cpu });
  }
  return { context, tab };
}

// Records the bodies of every response from base once asked to (reading one goes through
// the DevTools protocol; doing it during a timed load slowed the page by its bytes).
function recorder(tab, base) {
  const files = new Map();
  const pending = [];
  const responses = [];
  let live = false;
  const keep = (r) => pending.push(r.body().then((b) => files.set(new URL(r.url()).pathname, b)).catch(() => {}));
  tab.on("response", (r) => {
    if (!r.url().startsWith(base) || r.status() !== 200) return;
    if (live) keep(r);
    else responses.push(r);
  });
  return {
    start() { live = true; responses.splice(0).forEach(keep); },
    async done() { await Promise.all(pending); return files; },
  };
}

// When the page first drew (ms from navigation start) and when its step's text was first
// readable; kind: campus | hello | plain.
async function timings(tab, kind) {
  if (kind === "campus") {
    await tab.waitForFunction(() => window.cniCampus && window.cniCampus.firstFrameMs > 0, null, { timeout: 120000 });
    const ms = await tab.evaluate(() => window.cniCampus.firstFrameMs);
    // The step's first paragraph is in the page before the canvas draws (the loader's
    // showFirstText, elementtiming="first-text"): when Chromium times that element, its
    // paint. Chromium may report no entry for it (it then was painted in the page's first
    // contentful paint, or hidden by the first frame before any paint): a first contentful
    // paint that came after the words were put in the page painted them; otherwise the
    // first frame is counted, which draws them.
    const text = await tab.evaluate(() => new Promise((resolve) => {
      const shown = window.cniCampus.firstTextShownMs;
      if (!document.getElementById("first-text") || !(shown > 0)) { resolve(0); return; }
      let fcp = 0;
      new PerformanceObserver((list) => {
        const e = list.getEntries().find((x) => x.name === "first-contentful-paint");
        if (e) fcp = e.startTime;
      }).observe({ type: "paint", buffered: true });
      new PerformanceObserver((list) => {
        const e = list.getEntries().find((x) => x.identifier === "first-text");
        if (e) resolve(e.renderTime || e.loadTime);
      }).observe({ type: "element", buffered: true });
      setTimeout(() => resolve(fcp >= shown ? fcp : 0), 2000);
    }));
    return { firstFrame: ms, firstText: text > 0 ? Math.min(text, ms) : ms };
  }
  if (kind === "hello") {
    await tab.waitForFunction(() => window.hello && window.hello.firstFrameMs > 0 && window.hello.module, null, { timeout: 120000 });
    const ms = await tab.evaluate(() => window.hello.firstFrameMs);
    return { firstFrame: ms, firstText: ms };
  }
  const fcp = await tab.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const e = list.getEntries().find((x) => x.name === "first-contentful-paint");
      if (e) resolve(e.startTime);
    }).observe({ type: "paint", buffered: true });
  }));
  return { firstFrame: fcp, firstText: fcp };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const ratio = (a, b) => +(a / b).toFixed(2);

// The frame-rate ceiling: a canvas that clears itself to a new colour every frame.
const CEILING_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "campus-bench-"));
fs.writeFileSync(path.join(CEILING_DIR, "clear.html"), `<!doctype html><html><body style="margin:0">
<canvas id="c" style="display:block;width:100vw;height:100vh"></canvas><script src="clear.js"></script></body></html>`);
fs.writeFileSync(path.join(CEILING_DIR, "clear.js"), `const c = document.getElementById("c");
c.width = innerWidth * devicePixelRatio; c.height = innerHeight * devicePixelRatio;
const gl = c.getContext("webgl2", { alpha: false, antialias: false, depth: false });
window.frames = 0;
(function tick() { gl.clearColor((window.frames++ % 60) / 60, 0.5, 0.5, 1); gl.clear(gl.COLOR_BUFFER_BIT); requestAnimationFrame(tick); })();`);

const campusServer = await startServer({ dir: DIST, port: 0 });
const ceilingServer = await startServer({ dir: CEILING_DIR, port: 0 });
const helloServer = await startServer({ dir: HELLO, port: 0 });
const campusBase = `http://127.0.0.1:${campusServer.address().port}`;
const helloBase = `http://127.0.0.1:${helloServer.address().port}`;
const PAGES = {
  campus: { base: campusBase, page: "/" },
  hello: { base: helloBase, page: "/hello.html" },
  plain: { base: campusBase, page: PLAIN_PAGE },
};
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: FLAGS });
const report = { conditions: {} };
try {
  // ---- time to the first frame and to readable text, normal and throttled --------------
  for (const [condition, runs] of [[NORMAL, RUNS], [SLOW, SLOW_RUNS]]) {
    const times = { campus: [], hello: [], plain: [] };
    // Interleaved, the order turning each round (a load is slowed by the one before it
    // still being torn down); the first round warms the browser up and is not counted.
    const kinds = ["campus", "hello", "plain"];
    for (let i = 0; i <= runs; i++) {
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[(i + k) % kinds.length];
        const { context, tab } = await open(browser, condition);
        await tab.goto(PAGES[kind].base + PAGES[kind].page);
        const t = await timings(tab, kind);
        if (i > 0) times[kind].push(t);
        await context.close();
      }
    }
    const med = (kind, key) => Math.round(median(times[kind].map((t) => t[key])));
    const r = {
      campus: { firstFrame: med("campus", "firstFrame"), firstText: med("campus", "firstText"),
        runs: times.campus.map((t) => Math.round(t.firstFrame)) },
      hello: { firstFrame: med("hello", "firstFrame"), runs: times.hello.map((t) => Math.round(t.firstFrame)) },
      plain: { firstText: med("plain", "firstText"), runs: times.plain.map((t) => Math.round(t.firstText)) },
    };
    r.ratio = { firstFrame: ratio(r.campus.firstFrame, r.hello.firstFrame),
      firstText: ratio(r.campus.firstText, r.plain.firstText) };
    report.conditions[condition.name] = r;
  }

  // ---- bytes: a first visit, the first interaction, an embed's click; idle frames ------
  {
    const { context, tab } = await open(browser, NORMAL);
    const rec = recorder(tab, campusBase);
    await tab.goto(campusBase + "/");
    await timings(tab, "campus");
    rec.start();
    report.idleFrames = { campus: await idleFrames(tab, "campus") };
    const first = new Map(await rec.done());
    await tab.mouse.move(640, 400);
    await tab.waitForFunction(() => window.cniCampus.state().deferred === "ready", null, { timeout: 60000 });
    const all = await rec.done();
    const later = [...all.entries()].filter(([name]) => !first.has(name));
    report.firstVisit = [...first.entries()].map(([name, b]) => ({ name, ...sizes(b) })).sort((a, b) => b.gzip - a.gzip);
    report.firstInteraction = later.map(([name, b]) => ({ name, ...sizes(b) })).sort((a, b) => b.gzip - a.gzip);
    await context.close();
  }
  {
    const { context, tab } = await open(browser, NORMAL, { width: 800, height: 560 });
    const rec = recorder(tab, campusBase);
    rec.start();
    await tab.goto(campusBase + "/embed.html#step=desk-limit");
    await tab.waitForFunction(() => window.cniCampus && window.cniCampus.firstFrameMs > 0 &&
      window.cniCampus.state().deferred === "ready", null, { timeout: 60000 });
    report.embedClick = [...(await rec.done()).entries()].map(([name, b]) => ({ name, ...sizes(b) }))
      .sort((a, b) => b.gzip - a.gzip);
    await context.close();
  }
  {
    const { context, tab } = await open(browser, NORMAL);
    const rec = recorder(tab, helloBase);
    await tab.goto(helloBase + "/hello.html");
    await timings(tab, "hello");
    rec.start();
    report.idleFrames.hello = await idleFrames(tab, "hello");
    report.hello = [...(await rec.done()).entries()].map(([name, b]) => ({ name, ...sizes(b) })).sort((a, b) => b.gzip - a.gzip);
    await context.close();
  }

  // ---- frames per second while the call animation plays ---------------------------------
  report.fps = {};
  report.fpsCeiling = {};
  for (const condition of [NORMAL, { name: "CPU 4x", cpu: 4 }]) {
    const rates = [];
    const ceiling = [];
    for (let i = 0; i < FPS_RUNS; i++) {
      {
        const { context, tab } = await open(browser, condition);
        await tab.goto(`http://127.0.0.1:${ceilingServer.address().port}/clear.html`);
        await tab.waitForFunction(() => window.frames > 30, null, { timeout: 60000 });
        ceiling.push(await tab.evaluate(async (ms) => {
          const f0 = window.frames, t0 = performance.now();
          await new Promise((r) => setTimeout(r, ms));
          return (window.frames - f0) * 1000 / (performance.now() - t0);
        }, FPS_WINDOW_MS));
        await context.close();
      }
      const { context, tab } = await open(browser, condition);
      await tab.goto(campusBase + "/");
      await timings(tab, "campus");
      await tab.mouse.move(640, 400);  // the rest arrives first: its download is not measured
      await tab.waitForFunction(() => window.cniCampus.state().deferred === "ready", null, { timeout: 60000 });
      // The beat of the first step where the call to the database plays hop by hop.
      await tab.evaluate(() => window.cniCampus.goTo("big-picture", 4));
      const play = await tab.waitForFunction(() => window.cniCampus.locate("Play"), null,
        { timeout: 20000, polling: 50 }).then((h) => h.jsonValue());
      await tab.mouse.click(play.x + play.w / 2, play.y + play.h / 2);
      await tab.waitForFunction(() => window.cniCampus.state().animating, null, { timeout: 20000 });
      rates.push(await tab.evaluate(async (ms) => {
        const f0 = window.cniCampus.state().frames, t0 = performance.now();
        await new Promise((r) => setTimeout(r, ms));
        return (window.cniCampus.state().frames - f0) * 1000 / (performance.now() - t0);
      }, FPS_WINDOW_MS));
      await context.close();
    }
    report.fps[condition.name] = rates.map((r) => +r.toFixed(1));
    report.fpsCeiling[condition.name] = ceiling.map((r) => +r.toFixed(1));
  }
} finally {
  await browser.close();
  for (const s of [campusServer, helloServer, ceilingServer]) {
    s.closeAllConnections?.();
    s.close();
  }
  fs.rmSync(CEILING_DIR, { recursive: true, force: true });
}

const firstTotal = sum(report.firstVisit);
const laterTotal = sum(report.firstInteraction);
const embedTotal = sum(report.embedClick);
const helloTotal = sum(report.hello);
report.totals = { firstVisit: firstTotal, firstInteraction: laterTotal, embedClick: embedTotal, hello: helloTotal };
report.ratio = {
  gzip: ratio(firstTotal.gzip, helloTotal.gzip),
  embedClickToFirstVisit: ratio(embedTotal.gzip, firstTotal.gzip),
};

const list = (files) => files.forEach((f) => console.log(`    ${f.name.padEnd(48)} ${kb(f.raw)}  ${kb(f.gzip)}  ${kb(f.brotli)}`));
const total = (label, t) => console.log(`    ${label.padEnd(48)} ${kb(t.raw)}  ${kb(t.gzip)}  ${kb(t.brotli)}`);
console.log("web: bytes (KB)                                          raw     gzip   brotli");
console.log("  tutorial, first visit (dist/)");
list(report.firstVisit);
total("total", firstTotal);
console.log("  tutorial, fetched on the learner's first interaction (the rest)");
list(report.firstInteraction);
total("total with the first visit", sum([firstTotal, laterTotal]));
console.log("  tutorial, an embed's click (embed.html#step=desk-limit until its view is drawn)");
list(report.embedClick);
total("total", embedTotal);
console.log("  bare ImGui hello");
list(report.hello);
total("total", helloTotal);
console.log(`  first visit ${kb(firstTotal.gzip).trim()} KB gzip (goal at most 200: ${firstTotal.gzip <= 200 * 1024 ? "met" : "NOT met"}),` +
  ` ${report.ratio.gzip}x the bare page; an embed's click ${report.ratio.embedClickToFirstVisit}x the first visit` +
  ` (goal at most 1.6x: ${report.ratio.embedClickToFirstVisit <= 1.6 ? "met" : "NOT met"})`);
for (const [name, r] of Object.entries(report.conditions)) {
  console.log(`web: ${name}: medians of ${r.campus.runs.length} cold loads (ms from navigation start)`);
  console.log(`  tutorial first frame ${String(r.campus.firstFrame).padStart(6)}   runs ${r.campus.runs.join(", ")}`);
  console.log(`  hello    first frame ${String(r.hello.firstFrame).padStart(6)}   runs ${r.hello.runs.join(", ")}`);
  console.log(`  plain page first text ${String(r.plain.firstText).padStart(5)}   runs ${r.plain.runs.join(", ")}`);
  console.log(`  ratios: first frame tutorial / hello ${r.ratio.firstFrame}x; first text tutorial / plain page ${r.ratio.firstText}x`);
}
for (const [name, rates] of Object.entries(report.fps)) {
  console.log(`web: frames per second during the call animation (${name}): ${rates.join(", ")} (goal 60;` +
    ` a canvas that only clears itself: ${report.fpsCeiling[name].join(", ")})`);
}
console.log(`web: frames drawn in ${IDLE_MS / 1000} s of idle: tutorial ${report.idleFrames.campus}, hello ${report.idleFrames.hello} (goal 0)`);
if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify(report, null, 2) + "\n");
