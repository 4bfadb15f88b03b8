// web.test.mjs: "made for the web": embedding in a blog on another origin (click to load,
// two independent embeds, postMessage both ways, foreign messages ignored, the wheel
// scrolls the blog), crisp canvas at any devicePixelRatio and size, silence when idle,
// hidden or scrolled away, touch, keyboard focus, the readable text (DOM mirror, static
// lesson pages), the failure messages, a strict CSP and no request leaving the origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { launch, openPage, ready, settle, shot, ROOT, DIST, canvasSample, closeClean, state } from "./harness.mjs";
import { startServer } from "../../tools/serve.mjs";

let env;        // the tutorial's server (dist/) and the browser
let blog;       // a second server on another origin: the test blog page
let blogBase;
let blogDir;

before(async () => {
  env = await launch();
  blogDir = fs.mkdtempSync(path.join(os.tmpdir(), "cni-campus-blog-"));
  const pages = path.join(ROOT, "tests", "browser", "pages");
  for (const f of fs.readdirSync(pages)) {
    const text = fs.readFileSync(path.join(pages, f), "utf8");
    fs.writeFileSync(path.join(blogDir, f), text.replaceAll("__CAMPUS__", env.base + "/"));
  }
  blog = await startServer({ dir: blogDir, port: 0 });
  blogBase = `http://127.0.0.1:${blog.address().port}`;
});

after(async () => {
  await env.close();
  blog.closeAllConnections?.();
  await new Promise((r) => blog.close(r));
  fs.rmSync(blogDir, { recursive: true, force: true });
});

const frames = async (target) => (await state(target)).frames;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The canvas backing store against its CSS size.
const canvasSize = (page) => page.evaluate(() => {
  const c = document.getElementById("canvas");
  const r = c.getBoundingClientRect();
  return { w: c.width, h: c.height, cssW: r.width, cssH: r.height, dpr: window.devicePixelRatio };
});

function assertBacking(s, what) {
  assert.ok(Math.abs(s.w - s.cssW * s.dpr) <= 1 && Math.abs(s.h - s.cssH * s.dpr) <= 1,
    `${what}: backing ${s.w}x${s.h} for CSS ${s.cssW}x${s.cssH} at ratio ${s.dpr}`);
}

// A cheap fingerprint of the canvas picture, to see that something moved.
const canvasHash = async (page) => {
  const d = await canvasSample(page, 160, 320);
  let h = 0;
  for (let i = 0; i < d.length; i += 4) h = (h * 31 + d[i] + d[i + 1] * 7 + d[i + 2] * 13) | 0;
  return h;
};

test("blog embeds: click to load, two independent embeds, messages both ways", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(blogBase + "/blog.html");
  await page.waitForSelector("#first button");
  await page.waitForSelector("#second button");

  // Before a click: placeholders only (a still picture and a button), no tutorial download.
  assert.equal(await page.locator("iframe").count(), 0);
  await page.waitForLoadState("networkidle");
  const early = requests.filter((u) => u.startsWith(env.base)).map((u) => new URL(u).pathname).sort();
  const still = "/" + fs.readdirSync(DIST).find((f) => /^campus-still(\.[0-9a-f]{16})?\.svg$/.test(f));
  assert.deepEqual([...new Set(early)], [still, "/embed.js"]);
  const placeholderBytes = ["/embed.js", still]
    .reduce((n, f) => n + fs.statSync(path.join(DIST, f)).size, 0);
  assert.ok(placeholderBytes < 12 * 1024, `placeholder costs ${placeholderBytes} bytes`);
  const box = await page.locator("#second").boundingBox();
  assert.equal(Math.round(box.height), 480, "data-height sizes the embed");
  await shot(page, "web-blog-placeholders");

  // The wheel over a placeholder scrolls the blog.
  await page.mouse.move(500, 300);
  await page.mouse.wheel(0, 120);
  await page.waitForFunction(() => window.scrollY > 0);

  // Click to load the first: it starts at its data-step and reports to the blog.
  await page.locator("#first button").click();
  await page.waitForFunction(() => window.received.length >= 1, null, { timeout: 30000 });
  const first = await (await page.$("#first iframe")).contentFrame();
  await ready(first);
  let r = await page.evaluate(() => window.received.slice());
  assert.deepEqual(r.map((m) => [m.origin, m.frame, m.step]), [[env.base, 0, "prefix-delegation"]]);
  assert.equal(typeof r[0].title, "string");
  assert.equal(r[0].index, (await state(first)).step.index);
  assert.equal(await page.locator("#second iframe").count(), 0, "the second still waits for its click");

  // The second, with AWS words and minimal controls.
  await page.locator("#second button").click();
  await page.waitForFunction(() => window.received.some((m) => m.step === "desk-limit"), null, { timeout: 30000 });
  const second = await (await page.$("#second iframe")).contentFrame();
  await ready(second);
  let s2 = await state(second);
  assert.equal(s2.step.id, "desk-limit");
  assert.equal(s2.terms, "aws");
  assert.equal(s2.controls, "min");
  assert.equal(s2.embed, true);
  assert.equal((await state(first)).controls, "full");
  assert.ok(/step=desk-limit/.test(await second.evaluate(() => location.hash)));

  // Host -> embed, through embed.js and through a raw postMessage: each embed alone moves.
  await page.evaluate(() => window.cniCampusEmbed.goTo(document.getElementById("first"), "warm-pool"));
  await page.waitForFunction(() => window.events.some((e) => e.id === "first" && e.step === "warm-pool"));
  assert.equal((await state(first)).step.id, "warm-pool");
  assert.equal((await state(second)).step.id, "desk-limit");
  await page.evaluate(() => document.querySelector("#second iframe").contentWindow
    .postMessage({ type: "cni-campus:goTo", step: "choosing" }, "*"));
  await page.waitForFunction(() => window.received.some((m) => m.frame === 1 && m.step === "choosing"));
  assert.equal((await state(first)).step.id, "warm-pool");
  assert.equal(await page.locator("#second").getAttribute("data-current-step"), "choosing");

  // Foreign and malformed messages change nothing and insert nothing.
  const before = await page.evaluate(() => window.received.length);
  await page.evaluate(() => {
    const target = document.querySelector("#first iframe").contentWindow;
    for (const m of [
      "cni-campus:goTo", { type: "cni-campus:goTo", step: "<img src=x onerror=alert(1)>" },
      { type: "cni-campus:goTo", step: "no-such-step" }, { type: "cni-campus:goTo", step: ["big-picture"] },
      { type: "cni-campus:goTo", step: "big-picture", extra: 1 }, { type: "cni-campus:goto", step: "big-picture" },
      { type: "other-lib", step: "big-picture" }, { type: "cni-campus:goTo", step: "x".repeat(5000) },
    ]) target.postMessage(m, "*");
    // A frame that is not the embed's parent (a sibling ad frame) sends a valid message.
    const evil = document.createElement("iframe");
    evil.id = "evil";
    document.body.appendChild(evil);
    evil.contentWindow.eval(
      "parent.document.querySelector('#first iframe').contentWindow.postMessage({type: 'cni-campus:goTo', step: 'big-picture'}, '*')");
  });
  await sleep(600);
  assert.equal((await state(first)).step.id, "warm-pool");
  assert.equal(await page.evaluate(() => window.received.length), before);
  assert.equal(await first.evaluate(() => document.querySelectorAll("img").length), 0);

  // The wheel: over the embed's top bar (nothing there scrolls) the blog scrolls; over the
  // lesson text (which scrolls) the embed keeps it.
  await page.evaluate(() => document.getElementById("first").scrollIntoView({ block: "start" }));
  await sleep(100);
  const fb = await page.locator("#first iframe").boundingBox();
  let y0 = await page.evaluate(() => window.scrollY);
  await page.mouse.move(fb.x + fb.width / 2, fb.y + 15);
  await page.mouse.wheel(0, 150);
  await page.waitForFunction((y) => window.scrollY > y, y0);
  await page.evaluate(() => document.getElementById("first").scrollIntoView({ block: "start" }));
  await sleep(100);
  await settle(first);
  y0 = await page.evaluate(() => window.scrollY);
  await page.mouse.move(fb.x + 120, fb.y + 200);
  const f0 = await frames(first);
  await page.mouse.wheel(0, 100);
  await first.waitForFunction((f) => window.cniCampus.state().frames > f, f0);
  await sleep(200);
  assert.equal(await page.evaluate(() => window.scrollY), y0, "the embed's text scrolled, not the blog");
  await shot(page, "web-blog-loaded");

  // Scrolled out of view: no frames, even when the host changes the step; back in view, it draws.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await sleep(300);
  const hidden0 = await frames(first);
  await page.evaluate(() => window.cniCampusEmbed.goTo(document.getElementById("first"), "custom-networking"));
  await page.waitForFunction(() => window.events.some((e) => e.id === "first" && e.step === "custom-networking"));
  await sleep(500);
  assert.equal(await frames(first), hidden0, "no frames while the embed is out of view");
  await page.evaluate(() => document.getElementById("first").scrollIntoView());
  await first.waitForFunction((f) => window.cniCampus.state().frames > f, hidden0);

  // Only the two origins were ever asked for anything.
  const foreign = requests.filter((u) => !u.startsWith(env.base) && !u.startsWith(blogBase) && !u.startsWith("about:") && !u.startsWith("data:"));
  assert.deepEqual(foreign, []);
  await closeClean(problems, context);
});

test("ratio 1, 1.5, 2, 3 and zoom: backing store = CSS size x ratio; 360 px to 4K", async () => {
  const { page, context, problems, foreign } = await openPage(env, "/#step=desk-limit",
    { viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 });
  await ready(page);
  let s = await canvasSize(page);
  assert.equal(s.dpr, 2);
  assert.equal(s.w, 1600);
  assertBacking(s, "ratio 2");
  // Browser zoom changes the ratio and the CSS size together (an 800 px window at 150 %
  // is 533 CSS px at ratio 1.5); a move to another screen changes only the ratio.
  const cdp = await context.newCDPSession(page);
  const waitBacking = (d) => page.waitForFunction((dd) => {
    const c = document.getElementById("canvas");
    const r = c.getBoundingClientRect();
    return window.devicePixelRatio === dd && Math.abs(c.width - r.width * dd) <= 1 && Math.abs(c.height - r.height * dd) <= 1;
  }, d, { timeout: 10000 });
  for (const zoom of [1.5, 3, 1.25, 1]) {
    const w = Math.round(800 / zoom), h = Math.round(600 / zoom);
    await cdp.send("Emulation.setDeviceMetricsOverride", { width: w, height: h, deviceScaleFactor: zoom, mobile: false });
    await waitBacking(zoom);
    if (zoom === 1.5) await settle(page);
    assertBacking(await canvasSize(page), `zoom ${zoom}`);
  }
  await cdp.send("Emulation.setDeviceMetricsOverride", { width: 800, height: 600, deviceScaleFactor: 2, mobile: false });
  await page.mouse.move(-10, -10);
  await page.mouse.move(600, 400);
  await waitBacking(2);
  assertBacking(await canvasSize(page), "another screen, ratio 2");
  await cdp.send("Emulation.clearDeviceMetricsOverride");
  const setHidden = (hidden) => page.evaluate((hh) => {
    Object.defineProperty(document, "hidden", { configurable: true, get: () => hh });
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
  for (const [w, h] of [[360, 740], [3840, 2160], [800, 600]]) {
    // Drawing 4K frames in the software renderer takes seconds each; only the size matters
    // here, so the page is marked hidden (no frames) while it is that big.
    await setHidden(w > 2000);
    await page.setViewportSize({ width: w, height: h });
    await page.waitForFunction((ww) => document.getElementById("canvas").width === ww * window.devicePixelRatio, w);
    if (w === 360) await settle(page);
    s = await canvasSize(page);
    assert.equal(s.cssW, w);
    assertBacking(s, `${w}x${h}`);
    if (w === 360) await shot(page, "web-360");
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test("silent when idle and while the page is hidden", async () => {
  const { page, context, problems } = await openPage(env, "/#step=warm-pool");
  await ready(page);
  const f0 = await frames(page);
  await sleep(3000);
  assert.equal(await frames(page), f0, "frames were drawn while nothing changed");
  await page.evaluate(() => {
    Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  const f1 = await frames(page);
  assert.equal(await page.evaluate(() => window.cniCampus.goTo("prefix-delegation")), true);
  await sleep(800);
  assert.equal(await frames(page), f1, "frames were drawn while the page was hidden");
  assert.equal((await state(page)).step.id, "prefix-delegation", "the step still changed");
  await page.evaluate(() => {
    delete document.hidden;
    delete document.visibilityState;
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await page.waitForFunction((f) => window.cniCampus.state().frames > f, f1);
  await closeClean(problems, context);
});

test("keyboard focus only after a click, Tab moves a ring through the widgets, Escape leaves; only cni-campus:* storage keys", async () => {
  const { page, context, problems } = await openPage(env, "/");
  await ready(page);
  assert.notEqual(await page.evaluate(() => document.activeElement && document.activeElement.id), "canvas");
  await page.mouse.click(640, 400);
  assert.equal(await page.evaluate(() => document.activeElement.id), "canvas");
  await settle(page);
  assert.equal((await state(page)).focus, null, "a click shows no ring");
  const beat = (await state(page)).beat.index;
  await page.keyboard.press("ArrowRight");  // no ring: the arrows turn the beats
  await page.waitForFunction((i) => window.cniCampus.state().beat.index === i + 1, beat);
  await settle(page);
  // Tab stays in the canvas: the next widget gets the ring (web/keyboard.h).
  await page.keyboard.press("Tab");
  await settle(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), "canvas");
  const ring = (await state(page)).focus;
  assert.ok(ring && ring.ring && ring.w > 0, `a widget has the ring: ${JSON.stringify(ring)}`);
  await page.keyboard.press("ArrowRight");  // with the ring the arrows are the widgets'
  await settle(page);
  assert.equal((await state(page)).beat.index, beat + 1);
  await page.keyboard.press("Escape");
  await settle(page);
  assert.notEqual(await page.evaluate(() => document.activeElement && document.activeElement.id), "canvas");
  assert.equal((await state(page)).focus, null);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  for (const k of keys) assert.match(k, /^cni-campus:/);
  await closeClean(problems, context);
});

test("touch: drag scrolls the lesson text, a tap presses a button, no zoom lock", async () => {
  const context = await env.browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true,
  });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(env.base + "/#step=prefix-delegation");
  await ready(page);
  const viewport = await page.evaluate(() => document.querySelector("meta[name=viewport]").content);
  assert.doesNotMatch(viewport, /user-scalable\s*=\s*no|maximum-scale/);
  assert.match(await page.evaluate(() => getComputedStyle(document.getElementById("canvas")).touchAction), /pinch-zoom/);
  const cdp = await context.newCDPSession(page);
  const touch = (type, x, y) => cdp.send("Input.dispatchTouchEvent",
    { type, touchPoints: type === "touchEnd" ? [] : [{ x, y }] });
  const h0 = await canvasHash(page);
  const step0 = (await state(page)).step.id;
  // The view, in the top half on a phone, is taller than its place: a drag scrolls it.
  await touch("touchStart", 200, 400);
  for (let i = 1; i <= 10; i++) await touch("touchMove", 200, 400 - i * 25);
  await touch("touchEnd");
  await settle(page);
  assert.notEqual(await canvasHash(page), h0, "the view did not move");
  assert.ok((await state(page)).scroll.view > 0, "the view scrolled");
  assert.equal((await state(page)).step.id, step0, "a drag is not a click");
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  await shot(page, "web-touch-scrolled");
  // A tap on "Next" (bottom right) moves one step on.
  const idx = (await state(page)).step.index;
  await page.touchscreen.tap(390 - 30, 844 - 22);
  await page.waitForFunction((i) => window.cniCampus.state().step.index === i + 1, idx);
  await closeClean(problems, context);
});

test("readable without the canvas: DOM mirror and static lesson pages match the steps", async () => {
  const { page, context, problems } = await openPage(env, "/");
  await ready(page);
  const steps = (await state(page)).steps;
  // The static contents page lists every step title, in order, and links its page.
  const index = await page.evaluate(async () => {
    const html = await (await fetch("lessons/index.html")).text();
    const doc = new DOMParser().parseFromString(html, "text/html");
    return [...doc.querySelectorAll("ol.steps li a")].map((a) => [a.textContent, a.getAttribute("href")]);
  });
  assert.deepEqual(index, steps.map((s) => [s.title, `${s.id}.html`]));
  for (const [i, s] of steps.entries()) {
    const st = await page.evaluate(async (id) => {
      const resp = await fetch(`lessons/${id}.html`);
      const doc = new DOMParser().parseFromString(await resp.text(), "text/html");
      return {
        status: resp.status, h1: doc.querySelector("h1").textContent,
        paragraphs: [...doc.querySelectorAll("main > p")].filter((p) => !p.querySelector("a.interactive")).map((p) => p.textContent),
        scripts: doc.querySelectorAll("script").length,
      };
    }, s.id);
    assert.equal(st.status, 200);
    assert.equal(st.h1, `${i + 1}. ${s.title}`);
    assert.equal(st.scripts, 0);
    // The DOM mirror for this step shows the same heading and paragraphs.
    if (i % 4 === 0) {
      assert.equal(await page.evaluate((id) => window.cniCampus.goTo(id), s.id), true);
      const mirror = await page.evaluate(() => ({
        heading: document.getElementById("mirror-heading").textContent,
        paragraphs: [...document.querySelectorAll("#mirror-body p")].map((p) => p.textContent),
      }));
      assert.equal(mirror.heading, (await state(page)).step.title);
      // Each beat a paragraph, as on the static page; then the takeaways.
      assert.deepEqual(mirror.paragraphs.slice(0, st.paragraphs.length), st.paragraphs);
      assert.match(mirror.paragraphs[st.paragraphs.length], /^Remember:/);
      assert.equal(await page.getAttribute("#mirror-link", "href"), `lessons/${s.id}.html`);
      assert.equal(await page.getAttribute("#text-version", "href"), `lessons/${s.id}.html`);
    }
  }
  assert.equal(await page.evaluate(() => document.querySelector("noscript").textContent.includes("lessons/index.html")), true);
  assert.match(await page.evaluate(() => document.getElementById("canvas").getAttribute("aria-label")), /CNI Campus/);
  await closeClean(problems, context);
});

test("a bad lessons file stops gen_static_lessons, naming the field", { skip: !fs.existsSync(path.join(ROOT, "build/native/gen_static_lessons")) && "build/native/gen_static_lessons not built" }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cni-campus-lessons-"));
  const bad = JSON.parse(fs.readFileSync(path.join(ROOT, "assets/lessons.json"), "utf8"));
  bad.steps[2].beats[1].text = "An {unknownterm} here.";
  fs.writeFileSync(path.join(dir, "bad.json"), JSON.stringify(bad));
  const run = spawnSync(path.join(ROOT, "build/native/gen_static_lessons"), [path.join(dir, "out"), path.join(dir, "bad.json")], { encoding: "utf8" });
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /steps\[2\]\.beats\[1\]\.text: unknown term \{unknownterm\}/);
  assert.equal(fs.existsSync(path.join(dir, "out", "index.html")), false);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("no WebGL 2 or no WebAssembly: a clear message and the plain-text link", async () => {
  for (const [init, words] of [
    [() => {
      const orig = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === "webgl2" ? null : orig.call(this, type, ...rest);
      };
    }, /WebGL 2/],
    [() => { delete window.WebAssembly; }, /WebAssembly/],
  ]) {
    const context = await env.browser.newContext();
    await context.addInitScript(init);
    const page = await context.newPage();
    await page.goto(env.base + "/#step=warm-pool");
    await page.waitForSelector("#fatal:not([hidden])");
    assert.match(await page.textContent("#fatal-text"), words);
    assert.equal(await page.isVisible("#loader"), false);
    const href = await page.getAttribute("#fatal-lessons", "href");
    assert.equal(href, "lessons/warm-pool.html");
    const resp = await page.goto(new URL(href, env.base + "/").href);
    assert.equal(resp.status(), 200);
    await context.close();
  }
});

test("a browser without streaming compilation starts from the downloaded bytes", async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => { delete WebAssembly.compileStreaming; delete WebAssembly.instantiateStreaming; });
  const page = await context.newPage();
  await page.goto(env.base + "/#step=warm-pool");
  await ready(page);
  await page.waitForFunction(() => window.cniCampus.state().deferred === "ready", null, { timeout: 30000 });
  const s = await state(page);
  assert.equal(s.step.id, "warm-pool");
  assert.equal(s.error, null);
  assert.equal(await page.isVisible("#fatal"), false);
  await context.close();
});

test("module failure: a message with Reload; progress is kept", async () => {
  const { page, context } = await openPage(env, "/#step=secondary-cidrs");
  await ready(page);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("cni-campus:")));
  // A trap inside the module surfaces as an uncaught WebAssembly.RuntimeError.
  await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError("unreachable executed"); }));
  await page.waitForSelector("#fatal:not([hidden])");
  assert.match(await page.textContent("#fatal-text"), /progress is saved/);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("cni-campus:"))), keys);
  await Promise.all([page.waitForNavigation(), page.click("#fatal-reload")]);
  await ready(page);
  assert.equal((await state(page)).step.id, "secondary-cidrs");
  // A lost graphics context (GPU reset) says so too.
  await page.evaluate(() => document.getElementById("canvas").getContext("webgl2").getExtension("WEBGL_lose_context").loseContext());
  await page.waitForSelector("#fatal:not([hidden])");
  assert.match(await page.textContent("#fatal-text"), /graphics context was lost/);
  await context.close();
});

test("strict Content-Security-Policy: full page, embed and lessons without a violation", async () => {
  const server = await startServer({ dir: DIST, port: 0, csp: true });
  const base = `http://127.0.0.1:${server.address().port}`;
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const problems = [];
  const foreign = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("request", (r) => { if (!r.url().startsWith(base)) foreign.push(r.url()); });
  try {
    for (const url of ["/#step=playground", "/embed.html#step=desk-limit&controls=min"]) {
      const resp = await page.goto(base + url);
      assert.match(resp.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'/);
      await ready(page);
      await page.mouse.click(700, 300);
      await page.evaluate(() => window.cniCampus.goTo("prefix-delegation"));
      await settle(page);
      assert.deepEqual(await page.evaluate(() => window.__csp), [], url);
    }
    await page.goto(base + "/lessons/index.html");
    await page.goto(base + "/lessons/desk-limit.html");
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, []);
  } finally {
    await context.close();
    server.closeAllConnections?.();
    await new Promise((r) => server.close(r));
  }
});
