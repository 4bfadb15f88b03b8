// bench_web.mjs: the web part of `./campus bench`. Prints, for the tutorial (dist/) beside
// a bare Dear ImGui "hello" page built with the same flags (bench/web, never shipped):
//   - every file a first visit downloads (recorded from a real page load in Chromium),
//     raw, gzip -9 and brotli -q 11, and the totals with the ratio tutorial / hello; then
//     what the learner's first interaction fetches (the deferred part of the split module);
//   - the time from navigation start to the first drawn frame, median of N cold loads
//     (fresh browser context each: empty HTTP and code caches), and the ratio;
//   - frames drawn during 3 s of idle after the first frame (the goal is 0).
// Absolute times under the software renderer (SwiftShader) are noisy; compare the ratio.
//
//   node tools/bench_web.mjs [--dist DIR] [--hello DIR] [--runs 15] [--json FILE]
import { chromium } from "playwright-core";
import path from "node:path";
import fs from "node:fs";
import zlib from "node:zlib";
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
// Under SwiftShader on 2 cores one load varies by +-30%; with 15 pairs the ratio of the
// medians still moves by about +-0.1 between invocations (report several).
const RUNS = Math.max(1, Number(opt("--runs", "15")) || 15);
const JSON_OUT = opt("--json", "");
const IDLE_MS = 3000;

const FLAGS = [
  "--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist", "--disable-dev-shm-usage",
];

for (const [dir, what] of [[DIST, "dist/ (./campus build)"], [HELLO, "the hello page (cmake --build build/web --target campus_hello)"]]) {
  if (!fs.existsSync(path.join(dir, dir === DIST ? "index.html" : "hello.html"))) {
    console.error(`bench_web: ${dir} has no page; build ${what} first`);
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

// One cold load: what was downloaded, when the first frame was drawn, idle frames after.
async function load(browser, base, page, kind, measureIdle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  const files = new Map();
  const pending = [];
  // Bodies are read once the first frame has been timed: reading one goes through the
  // DevTools protocol, and doing it during the load slowed the page by its bytes.
  const responses = [];
  let timed = false;
  const keepBody = (r) => pending.push(r.body().then((b) => files.set(new URL(r.url()).pathname, b)).catch(() => {}));
  tab.on("response", (r) => {
    if (!r.url().startsWith(base)) return;
    if (timed) keepBody(r);
    else responses.push(r);
  });
  await tab.goto(base + page);
  let firstFrameMs, framesAt, frames;
  if (kind === "campus") {
    await tab.waitForFunction(() => window.cniCampus && window.cniCampus.firstFrameMs > 0, null, { timeout: 60000 });
    firstFrameMs = await tab.evaluate(() => window.cniCampus.firstFrameMs);
    frames = () => tab.evaluate(() => window.cniCampus.state().frames);
  } else {
    await tab.waitForFunction(() => window.hello && window.hello.firstFrameMs > 0 && window.hello.module, null, { timeout: 60000 });
    firstFrameMs = await tab.evaluate(() => window.hello.firstFrameMs);
    frames = () => tab.evaluate(() => window.hello.module._hello_frames());
  }
  timed = true;
  responses.forEach(keepBody);
  let idleFrames = null;
  if (measureIdle) {
    // Let the start-up frames finish (no frame across a few animation frames), then count.
    await tab.waitForFunction((k) => new Promise((resolve) => {
      const get = () => (k === "campus" ? window.cniCampus.state().frames : window.hello.module._hello_frames());
      const a = get();
      requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve(get() === a))));
    }), kind, { timeout: 20000, polling: 50 });
    framesAt = await frames();
    await tab.waitForTimeout(IDLE_MS);
    idleFrames = (await frames()) - framesAt;
  }
  await Promise.all(pending);
  // The tutorial's module is split (docs/size.md): the rest arrives on the first interaction.
  // Move the pointer over the page and record what that downloads.
  let later = null;
  if (measureIdle && kind === "campus") {
    const before = new Set(files.keys());
    await tab.mouse.move(640, 400);
    await tab.waitForFunction(() => ["ready", "none"].includes(window.cniCampus.state().deferred), null, { timeout: 60000 });
    await Promise.all(pending);
    later = new Map([...files.entries()].filter(([name]) => !before.has(name)));
    for (const name of later.keys()) files.delete(name);
  }
  await context.close();
  return { files, firstFrameMs, idleFrames, later };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (n) => (n / 1024).toFixed(1).padStart(7);

const campusServer = await startServer({ dir: DIST, port: 0 });
const helloServer = await startServer({ dir: HELLO, port: 0 });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: FLAGS });
try {
  const sites = {
    campus: { base: `http://127.0.0.1:${campusServer.address().port}`, page: "/", runs: [] },
    hello: { base: `http://127.0.0.1:${helloServer.address().port}`, page: "/hello.html", runs: [] },
  };
  // Interleave the runs so both pages see the same machine load, and swap which goes first
  // in every other pair (a load is slowed by the one before it still being torn down);
  // the first pair warms up the browser process and is not counted.
  for (let i = 0; i <= RUNS; i++) {
    for (const kind of i % 2 ? ["campus", "hello"] : ["hello", "campus"]) {
      const s = sites[kind];
      const r = await load(browser, s.base, s.page, kind, i === RUNS);
      if (i > 0) s.runs.push(r);
    }
  }
  const report = {};
  for (const kind of ["campus", "hello"]) {
    const s = sites[kind];
    const last = s.runs[s.runs.length - 1];
    const files = [...last.files.entries()].sort((a, b) => b[1].length - a[1].length)
      .map(([name, buf]) => ({ name, ...sizes(buf) }));
    const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
      { raw: 0, gzip: 0, brotli: 0 });
    const later = last.later ? [...last.later.entries()].map(([name, buf]) => ({ name, ...sizes(buf) })) : [];
    report[kind] = {
      files, total, later,
      firstFrameMs: s.runs.map((r) => Math.round(r.firstFrameMs)),
      medianFirstFrameMs: Math.round(median(s.runs.map((r) => r.firstFrameMs))),
      idleFrames: last.idleFrames,
    };
  }
  const c = report.campus, h = report.hello;
  report.ratio = {
    gzip: +(c.total.gzip / h.total.gzip).toFixed(2),
    brotli: +(c.total.brotli / h.total.brotli).toFixed(2),
    firstFrame: +(c.medianFirstFrameMs / h.medianFirstFrameMs).toFixed(2),
  };

  console.log("web: what a first visit downloads (KB)              raw     gzip   brotli");
  for (const kind of ["campus", "hello"]) {
    const r = report[kind];
    console.log(`  ${kind === "campus" ? "tutorial (dist/)" : "bare ImGui hello"}`);
    for (const f of r.files) console.log(`    ${f.name.padEnd(44)} ${kb(f.raw)}  ${kb(f.gzip)}  ${kb(f.brotli)}`);
    console.log(`    ${"total".padEnd(44)} ${kb(r.total.raw)}  ${kb(r.total.gzip)}  ${kb(r.total.brotli)}`);
  }
  if (c.later.length) {
    console.log("  tutorial, fetched on the learner's first interaction (the rest of the module)");
    for (const f of c.later) console.log(`    ${f.name.padEnd(44)} ${kb(f.raw)}  ${kb(f.gzip)}  ${kb(f.brotli)}`);
    const all = c.later.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), c.total);
    console.log(`    ${"total with the first visit".padEnd(44)} ${kb(all.raw)}  ${kb(all.gzip)}  ${kb(all.brotli)}`);
    report.campus.totalWithLater = all;
  }
  console.log(`  ratio tutorial / hello: gzip ${report.ratio.gzip}x, brotli ${report.ratio.brotli}x` +
    `  (goal: tutorial under 250 KB gzip: ${c.total.gzip < 250 * 1024 ? "met" : "NOT met"})`);
  console.log(`web: navigation to first drawn frame, median of ${RUNS} cold loads (SwiftShader)`);
  console.log(`  tutorial ${String(c.medianFirstFrameMs).padStart(6)} ms   runs ${c.firstFrameMs.join(", ")}`);
  console.log(`  hello    ${String(h.medianFirstFrameMs).padStart(6)} ms   runs ${h.firstFrameMs.join(", ")}`);
  console.log(`  ratio tutorial / hello: ${report.ratio.firstFrame}x`);
  console.log(`web: frames drawn in ${IDLE_MS / 1000} s of idle: tutorial ${c.idleFrames}, hello ${h.idleFrames} (goal 0)`);
  if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify(report, null, 2) + "\n");
} finally {
  await browser.close();
  campusServer.closeAllConnections?.();
  helloServer.closeAllConnections?.();
  campusServer.close();
  helloServer.close();
}
