// delivery.test.mjs: how the site reaches the browser. Every built file but the pages and
// embed.js is named by a hash of its content; tools/serve.mjs serves with validators (304s),
// a year's caching for hashed names, no-cache for the rest, and compression; the progress
// bar goes from 0 to 100 over the download, compressed with a length or chunked; a browser
// without WebGL 2 downloads no module and gets the plain page at once, in an embed too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { launch, ready, state, DIST } from "./harness.mjs";
import { startServer } from "../../tools/serve.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

function walk(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? walk(full, base) : [path.relative(base, full).split(path.sep).join("/")];
  });
}

test("built files carry a hash of their content; the pages name them", () => {
  const files = walk(DIST);
  const served = files.filter((f) => !/\.(gz|br)$/.test(f));
  const stable = served.filter((f) => f.endsWith(".html") || f === "embed.js");
  assert.ok(stable.includes("index.html") && stable.includes("embed.html") && stable.includes("embed.js"));
  for (const f of served.filter((x) => !stable.includes(x))) {
    const m = /\.([0-9a-f]{16})\.[a-z0-9]+$/.exec(f);
    assert.ok(m, `${f} has no content hash in its name`);
    const hash = crypto.createHash("sha256").update(fs.readFileSync(path.join(DIST, f))).digest("hex").slice(0, 16);
    assert.equal(m[1], hash, `${f}: the name's hash is not the content's`);
  }
  for (const name of ["campus", "campus.deferred", "campus-loader", "catalog", "exercises"]) {
    assert.ok(served.some((f) => f.startsWith(name + ".") && /^[a-z-.]+\.[0-9a-f]{16}\.[a-z]+$/.test(f)), name);
  }
  // Precompressed siblings hold the same bytes.
  for (const f of files.filter((x) => /\.(gz|br)$/.test(x))) {
    const packed = fs.readFileSync(path.join(DIST, f));
    const plain = f.endsWith(".gz") ? zlib.gunzipSync(packed) : zlib.brotliDecompressSync(packed);
    assert.ok(plain.equals(fs.readFileSync(path.join(DIST, f.slice(0, -3)))), f);
  }
  // Every local src= and href= of every page, and every file the loader is told to load,
  // exists: nothing still points at a plain name.
  for (const page of stable.filter((f) => f.endsWith(".html"))) {
    const html = fs.readFileSync(path.join(DIST, page), "utf8");
    const refs = [...html.matchAll(/\b(?:src|href|data-(?:js|wasm|deferred|catalog|exercises))="([^"#?:]+)"/g)].map((m) => m[1]);
    for (const ref of refs) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(page), ref));
      assert.ok(fs.existsSync(path.join(DIST, target)), `${page} names ${ref}, which dist/ lacks`);
    }
  }
  const embedJs = fs.readFileSync(path.join(DIST, "embed.js"), "utf8");
  const still = /"(campus-still\.[0-9a-f]{16}\.svg)"/.exec(embedJs);
  assert.ok(still && fs.existsSync(path.join(DIST, still[1])), "embed.js names the hashed placeholder picture");
});

// One request to the server, with these headers; the body as received (not decoded).
function get(base, urlPath, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get(base + urlPath, { headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

test("served with validators, long caching for hashed names, no-cache for pages, compressed", async () => {
  const wasm = fs.readdirSync(DIST).find((f) => /^campus\.[0-9a-f]{16}\.wasm$/.test(f));
  const page = await get(env.base, "/index.html", { "Accept-Encoding": "gzip, deflate" });
  assert.equal(page.status, 200);
  assert.equal(page.headers["content-encoding"], "gzip");
  assert.equal(page.headers["cache-control"], "no-cache");
  assert.match(page.headers["vary"], /Accept-Encoding/);
  assert.ok(page.headers["etag"] && page.headers["last-modified"]);
  assert.ok(zlib.gunzipSync(page.body).equals(fs.readFileSync(path.join(DIST, "index.html"))));
  const again = await get(env.base, "/index.html", { "Accept-Encoding": "gzip, deflate", "If-None-Match": page.headers["etag"] });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  const since = await get(env.base, "/index.html", { "If-Modified-Since": page.headers["last-modified"] });
  assert.equal(since.status, 304);
  const changed = await get(env.base, "/index.html", { "If-None-Match": '"something-else"' });
  assert.equal(changed.status, 200);
  assert.equal(+changed.headers["content-length"], fs.statSync(path.join(DIST, "index.html")).size, "no Accept-Encoding: as is");

  const module = await get(env.base, "/" + wasm, { "Accept-Encoding": "gzip, deflate, br" });
  assert.equal(module.status, 200);
  assert.equal(module.headers["content-type"], "application/wasm");
  assert.equal(module.headers["content-encoding"], "br");
  assert.match(module.headers["cache-control"], /max-age=31536000/);
  assert.match(module.headers["cache-control"], /immutable/);
  assert.ok(zlib.brotliDecompressSync(module.body).equals(fs.readFileSync(path.join(DIST, wasm))));
  assert.notEqual(module.headers["etag"], (await get(env.base, "/" + wasm, { "Accept-Encoding": "gzip" })).headers["etag"],
    "each encoding has its own ETag");
  const embedJs = await get(env.base, "/embed.js", {});
  assert.equal(embedJs.headers["cache-control"], "no-cache");

  // In the browser: a second visit asks only for the pages (answered 304); the hashed
  // files come from its cache.
  const context = await env.browser.newContext();
  const first = await context.newPage();
  await first.goto(env.base + "/");
  await ready(first);
  await first.close();
  const tab = await context.newPage();  // a new visit, not a reload
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  const network = [];
  const wire = new Map();  // request id -> the status the server sent (a 304 shows as 200 above it)
  cdp.on("Network.responseReceivedExtraInfo", (e) => wire.set(e.requestId, e.statusCode));
  cdp.on("Network.responseReceived", (e) => network.push({ id: e.requestId, path: new URL(e.response.url).pathname,
    cached: e.response.fromDiskCache || e.response.fromMemoryCache }));
  await tab.goto(env.base + "/");
  await ready(tab);
  const doc = network.find((r) => r.path === "/");
  assert.equal(doc && wire.get(doc.id), 304, "the page is revalidated");
  for (const r of network.filter((x) => /\.[0-9a-f]{16}\./.test(x.path))) {
    assert.ok(r.cached && !wire.has(r.id), `${r.path} was asked of the server again (${wire.get(r.id)})`);
  }
  assert.ok(network.some((x) => x.path === "/" + wasm), "the module was asked for (from the cache)");
  await context.close();
});

// Loads the page over a slow line and records the progress bar's width over time, beside
// when the module's download ended (resource timing), in the page's clock.
async function watchBar(base) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__bar = [];
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.target.id === "loader-fill") window.__bar.push([performance.now(), parseFloat(r.target.style.width) || 0]);
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["style"] });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  // About 160 KB/s: the module takes over a second to arrive.
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20,
    downloadThroughput: 160 * 1024, uploadThroughput: 160 * 1024 });
  await page.goto(base + "/");
  await page.waitForFunction(() => window.cniCampus && window.cniCampus.firstFrameMs > 0, null, { timeout: 60000 });
  const result = await page.evaluate(() => {
    const wasm = performance.getEntriesByType("resource").find((e) => /\/campus\.[0-9a-f]{16}\.wasm$/.test(e.name));
    return { bar: window.__bar, start: wasm.responseStart, end: wasm.responseEnd, encoded: wasm.encodedBodySize,
      decoded: wasm.decodedBodySize };
  });
  await context.close();
  return result;
}

function checkBar({ bar, start, end, encoded, decoded }, what) {
  assert.ok(encoded < decoded, `${what}: the module came compressed (${encoded} of ${decoded} bytes)`);
  const widths = bar.map(([, w]) => w);
  assert.ok(widths.length > 0, `${what}: the bar never moved`);
  for (let i = 1; i < widths.length; i++) assert.ok(widths[i] >= widths[i - 1], `${what}: the bar went back: ${widths}`);
  assert.equal(widths[widths.length - 1], 100, `${what}: the bar ends full`);
  const between = new Set(widths.filter((w) => w > 0 && w < 100));
  assert.ok(between.size >= 3, `${what}: the bar jumped (${widths.join(", ")})`);
  // Full only when the last byte is in (not at 40%, as when decompressed bytes were counted
  // against the compressed length); a third of the way through the download, under half.
  const full = bar.find(([, w]) => w >= 100)[0];
  assert.ok(full >= end - 50, `${what}: full at ${full.toFixed(0)} ms, the download ended at ${end.toFixed(0)} ms`);
  const third = start + (end - start) / 3;
  const atThird = bar.filter(([t]) => t <= third).map(([, w]) => w).pop() || 0;
  assert.ok(atThird < 50, `${what}: ${atThird}% a third of the way through the download`);
}

test("the progress bar goes from 0 to 100 over a compressed download, with a length or chunked", async () => {
  checkBar(await watchBar(env.base), "gzip with Content-Length");
  const chunked = await startServer({ dir: DIST, port: 0, chunked: true });
  try {
    checkBar(await watchBar(`http://127.0.0.1:${chunked.address().port}`), "gzip, chunked");
  } finally {
    chunked.closeAllConnections?.();
    await new Promise((r) => chunked.close(r));
  }
});

test("no WebGL 2: the message and the plain page at once, no module downloaded; the embed offers no Start", async () => {
  const noWebGL2 = () => { delete window.WebGL2RenderingContext; };
  for (const [url, lesson] of [["/", "lessons/index.html"], ["/#step=warm-pool", "lessons/warm-pool.html"],
    ["/embed.html#step=desk-limit", "lessons/desk-limit.html"]]) {
    const context = await env.browser.newContext();
    await context.addInitScript(noWebGL2);
    const page = await context.newPage();
    const requests = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(env.base + url);
    await page.waitForSelector("#fatal:not([hidden])");
    assert.match(await page.textContent("#fatal-text"), /WebGL 2/);
    assert.match(await page.textContent("#fatal-title"), /cannot run here/);
    assert.ok(await page.isHidden("#fatal-reload"), "reloading would not help");
    assert.ok(await page.isHidden("#loader"));
    assert.equal(await page.getAttribute("#fatal-lessons", "href"), lesson);
    await page.waitForLoadState("networkidle");
    const module = requests.filter((p) => /^\/(campus|campus\.deferred|catalog|exercises)\.[0-9a-f]{16}\.(js|wasm|json)$/.test(p));
    assert.deepEqual(module, [], `${url}: downloaded ${module.join(", ")}`);
    await context.close();
  }

  // A blog page with the embed script, on another origin.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cni-campus-host-"));
  fs.writeFileSync(path.join(dir, "host.html"), `<!doctype html><html><body><h1>A blog</h1>
<script src="${env.base}/embed.js"></script><div class="cni-campus" data-step="desk-limit"></div></body></html>`);
  const host = await startServer({ dir, port: 0 });
  try {
    const hostBase = `http://127.0.0.1:${host.address().port}`;
    for (const [init, canStart] of [[noWebGL2, false], [() => {}, true]]) {
      const context = await env.browser.newContext();
      await context.addInitScript(init);
      const page = await context.newPage();
      await page.goto(hostBase + "/host.html");
      await page.waitForSelector(".cni-campus[data-cni-campus-ready] > *");
      assert.equal(await page.locator(".cni-campus button").count(), canStart ? 1 : 0);
      if (!canStart) {
        const link = page.locator(".cni-campus a");
        assert.equal(await link.getAttribute("href"), `${env.base}/lessons/desk-limit.html`);
        assert.match(await page.textContent(".cni-campus"), /WebGL 2/);
        await page.evaluate(() => window.cniCampusEmbed.load(document.querySelector(".cni-campus")));
        assert.equal(await page.locator("iframe").count(), 0, "load() starts nothing");
      }
      await context.close();
    }
  } finally {
    host.closeAllConnections?.();
    await new Promise((r) => host.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a blog with a Content-Security-Policy: the directives docs/embedding.md names are enough", async () => {
  // The blog's own policy, plus what the guide says to add for the tutorial's origin.
  const policy = `default-src 'self'; script-src 'self' ${env.base}; img-src 'self' ${env.base}; frame-src ${env.base}`;
  const page = `<!doctype html><html><body><h1>A blog</h1>
<script src="${env.base}/embed.js"></script><div class="cni-campus" data-step="desk-limit"></div></body></html>`;
  const host = http.createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": policy }).end(page);
  });
  await new Promise((r) => host.listen(0, "127.0.0.1", r));
  const context = await env.browser.newContext();
  try {
    await context.addInitScript(() => {
      window.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const tab = await context.newPage();
    await tab.goto(`http://127.0.0.1:${host.address().port}/`);
    await tab.waitForSelector(".cni-campus button");
    await tab.waitForFunction(() => { const img = document.querySelector(".cni-campus img"); return img && img.complete && img.naturalWidth > 0; });
    await tab.click(".cni-campus button");
    const frame = await (await tab.waitForSelector(".cni-campus iframe")).contentFrame();
    await frame.waitForFunction(() => window.cniCampus && window.cniCampus.firstFrameMs > 0, null, { timeout: 30000 });
    await tab.waitForFunction(() => document.querySelector(".cni-campus").getAttribute("data-current-step") === "desk-limit");
    assert.deepEqual(await tab.evaluate(() => window.__csp), []);
  } finally {
    await context.close();
    host.closeAllConnections?.();
    await new Promise((r) => host.close(r));
  }
});

// The step's words before the first frame: the pages carry each step's title and first
// paragraph as data (tools/publish_site.mjs), the loader shows the linked step's in the
// link's vocabulary where the canvas will draw them, and hides them at the first frame.
const indexPage = fs.readFileSync(path.join(DIST, "index.html"), "utf8");
const firstData = /<script type="application\/json" id="first-text">([^<]*)<\/script>/.exec(indexPage);
const carriesFirstText = firstData !== null;
test("the step's title and first paragraph are readable before the module runs", { skip: !carriesFirstText && "dist/ has no first-text data (a site publish_site did not write)" }, async () => {
  const lessons = JSON.parse(firstData[1]).steps;
  for (const [hash, id, terms] of [["", lessons[0].id, "analogy"], ["#step=desk-limit&terms=aws", "desk-limit", "aws"]]) {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(/\/campus\.[0-9a-f]{16}\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(env.base + "/" + hash);
    await page.waitForSelector("#first:not([hidden])", { timeout: 10000 });
    const step = lessons.find((s) => s.id === id);
    assert.equal(await page.textContent("#first-title"), step.title[terms]);
    assert.equal(await page.textContent("#first-body"), step.text[terms]);
    assert.ok(step.text[terms].length > 80, "a whole paragraph");
    const box = await page.$eval("#first-body", (e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y }; });
    assert.ok(box.x > 200 && box.y < 200, `beside the step list, near the top: ${JSON.stringify(box)}`);
    assert.equal(await page.evaluate(() => window.cniCampus.firstFrameMs), 0, "the module has not drawn yet");
    release();
    await ready(page);
    assert.equal(await page.$eval("#first", (e) => e.hidden), true, "hidden at the first frame");
    const s = await state(page);
    assert.equal(s.step.id, id);
    await context.close();
  }
  // A lab link shows no step's words.
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.base + "/#lab=idle-but-full");
  assert.equal(await page.$eval("#first", (e) => e.hidden), true);
  await context.close();
});
