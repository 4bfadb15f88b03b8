// harness.mjs: shared setup for the browser tests: serve dist/ on a free loopback
// port with tools/serve.mjs (compressed, with validators, as a static host serves it),
// launch Debian's Chromium headless through playwright-core (no browser download), open
// pages and collect console errors and page errors. Every page of a launched browser keeps
// its WebGL drawing buffer (window.cniCampusOptions, read by the loader), so that tests can
// read the canvas back; the shipped page does not keep it.
import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import path from "node:path";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { startServer } from "../../tools/serve.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = process.env.CAMPUS_DIST ? path.resolve(process.env.CAMPUS_DIST) : path.join(ROOT, "dist");
export const SHOTS = process.env.CAMPUS_SHOTS ? path.resolve(process.env.CAMPUS_SHOTS) : path.join(ROOT, "build", "screenshots");

const FLAGS = [
  "--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist", "--disable-dev-shm-usage",
];

export async function launch({ csp = false, extraArgs = [], compress = true, chunked = false } = {}) {
  const server = await startServer({ dir: DIST, port: 0, csp, compress, chunked });
  // playwright gives every launch a fresh, empty profile of its own.
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium", headless: true, args: [...FLAGS, ...extraArgs],
    });
  } catch (e) {
    server.close();
    throw e;
  }
  const base = `http://127.0.0.1:${server.address().port}`;
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(() => { window.cniCampusOptions = { preserveDrawingBuffer: true, answers: true }; });
    return context;
  };
  return {
    base, browser, server,
    async close() {
      await browser.close();
      server.closeAllConnections?.();
      await new Promise((r) => server.close(r));
    },
  };
}

// Opens a page and records console errors, page errors and requests to other origins.
// touch: a phone (touch events, a mobile viewport). colorScheme: "light" or "dark", the
// system setting the page sees (prefers-color-scheme); playwright's default is light.
export async function openPage(env, urlPath = "/", { viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1, touch = false, colorScheme = "light" } = {}) {
  const context = await env.browser.newContext({ viewport, deviceScaleFactor, hasTouch: touch, isMobile: touch, colorScheme });
  const page = await context.newPage();
  const problems = [];
  const foreign = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => { if (!r.url().startsWith(env.base) && !r.url().startsWith("data:")) foreign.push(r.url()); });
  await page.goto(env.base + urlPath);
  return { page, context, problems, foreign };
}

// The app's state (cniCampus.state()) as the page (or an embedding frame) reports it.
export const state = (target) => target.evaluate(() => window.cniCampus.state());

// Opens a page (openPage) and waits for the app to be ready (ready).
export async function openReady(env, urlPath, options) {
  const opened = await openPage(env, urlPath, options);
  await ready(opened.page);
  return opened;
}

// Checks that the beat's goal is the one named and that it is not met yet; the state.
export async function unmetGoal(page, goal) {
  const s = await state(page);
  assert.equal(s.beat.goal, goal);
  assert.equal(s.beat.goalMet, false);
  return s;
}

// Opens a step's link (openReady) at a beat with a goal, not met yet (unmetGoal).
export async function openAtGoal(env, urlPath, goal, options) {
  const opened = await openReady(env, urlPath, options);
  await unmetGoal(opened.page, goal);
  return opened;
}

// Checks that the page raised no console or page errors, then closes its context.
export async function closeClean(problems, context) {
  assert.deepEqual(problems, []);
  await context.close();
}

// Opens a step at its practice beat (its takeaways and exercises); `extra` adds to the link
// ("&terms=aws").
export async function openPractice(env, step, options = {}, extra = "") {
  const opened = await openReady(env, `/#step=${step}${extra}`, options);
  const count = (await state(opened.page)).beat.count;
  const went = await opened.page.evaluate(([s, b]) => window.cniCampus.goTo(s, b), [step, count - 1]);
  if (!went) throw new Error(`goTo(${step}, ${count - 1}) refused`);
  await settle(opened.page);
  if (!(await state(opened.page)).beat.practice) throw new Error(`${step}: not at its practice beat`);
  return opened;
}

// Waits for cniCampus.ready, for the rest of the tutorial when the page fetches it after
// the first frame (a deep link, an embed: state().deferred "loading"), then for the app to
// settle (no animation, no frames for a moment).
export async function ready(page) {
  await page.waitForFunction(() => window.cniCampus && window.cniCampus.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.cniCampus.ready);
  await page.waitForFunction(() => window.cniCampus.state().deferred !== "loading", null, { timeout: 30000 });
  // The first beat eases its figure in (paced frames, not every animation frame).
  await page.waitForFunction(() => !window.cniCampus.state().animating, null, { timeout: 30000 });
  await settle(page);
}

// Resolves once no frame has been drawn across three animation-frame-free intervals.
export async function settle(page) {
  await page.waitForFunction(() => new Promise((resolve) => {
    const a = window.cniCampus.state().frames;
    requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => {
      resolve(window.cniCampus.state().frames === a);
    })));
  }), null, { timeout: 20000, polling: 50 });
}

export async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// The canvas scaled down to width x height: its RGBA bytes, row by row.
export async function canvasSample(page, width, height) {
  return page.evaluate(([w, h]) => {
    const off = document.createElement("canvas");
    off.width = w; off.height = h;
    const g = off.getContext("2d");
    g.drawImage(document.getElementById("canvas"), 0, 0, w, h);
    return Array.from(g.getImageData(0, 0, w, h).data);
  }, [width, height]);
}

// Counts distinct colours in a canvas screenshot sample: a blank canvas has one.
export async function canvasColours(page) {
  const d = await canvasSample(page, 200, 150);
  const set = new Set();
  for (let i = 0; i < d.length; i += 4) set.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
  return set.size;
}

// In one task (no frame can come between): the picture as the frames left it, then the same
// frame repainted whole (cniCampus.repaint()); the first row of pixels where they differ, or -1.
export async function firstRepaintDifference(page) {
  return page.evaluate(() => {
    const c = document.getElementById("canvas");
    const off = document.createElement("canvas");
    off.width = c.width;
    off.height = c.height;
    const g = off.getContext("2d", { willReadFrequently: true });
    const grab = () => { g.drawImage(c, 0, 0); return g.getImageData(0, 0, c.width, c.height).data; };
    const partial = grab();
    window.cniCampus.repaint();
    const full = grab();
    for (let i = 0; i < partial.length; ++i) if (partial[i] !== full[i]) return Math.floor(i / (4 * c.width));
    return -1;
  });
}

// Where a labelled widget was drawn in the last frame (cniCampus.locate), in page CSS
// pixels; waits until the app has drawn it (the first ask switches recording on).
export async function locate(page, label, nth = 0) {
  const handle = await page.waitForFunction(([l, n]) => window.cniCampus.locate(l, n), [label, nth],
    { timeout: 10000, polling: 50 });
  return handle.jsonValue();
}

// Clicks the middle of a labelled widget (a button, checkbox, radio button...), then
// waits for the app to settle. Layout changes cannot make it click the wrong thing.
export async function clickLabel(page, label, { nth = 0, times = 1 } = {}) {
  for (let i = 0; i < times; ++i) {
    const r = await locate(page, label, nth);
    await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
    await settle(page);
  }
}

// Clicks a labelled widget of the step's view, first scrolling the view (the wheel turns
// over the figure's column) until the widget is drawn clear of the page's bars: ImGui does
// not report a widget scrolled out of its window, nor may a click land on the bars.
export async function clickInView(page, label) {
  const vp = page.viewportSize();
  for (let i = 0; i < 15; ++i) {
    const r = await page.evaluate((l) => window.cniCampus.locate(l), label);
    if (r && r.y >= 70 && r.y + r.h <= vp.height - 70) break;
    const f = await locate(page, "##figure");
    await page.mouse.move(f.x + f.w / 2, vp.height / 2);
    await page.mouse.wheel(0, r && r.y < 70 ? -150 : 150);
    await settle(page);
  }
  await clickLabel(page, label);
}

// Types a value into a number of the lesson text ([[~knob]]): a tap opens its box, the
// value replaces what is there, Done closes it; then waits for the app to settle.
export async function typeNumber(page, knob, value) {
  const pill = await locate(page, `##edit-${knob}`);
  await page.mouse.click(pill.x + pill.w / 2, pill.y + pill.h / 2);
  await settle(page);
  await locate(page, "Done");
  await page.keyboard.press("Control+A");
  await page.keyboard.type(String(value));
  await settle(page);
  await clickLabel(page, "Done");
}

// Clicks (or taps, with touch) a labelled widget after scrolling it into view with the wheel
// (`wheel` pixels a turn) over its column: for widgets that may start below the fold. A widget
// scrolled wholly out of its window is not drawn, so ImGui cannot tell where it is: `near`, a
// rectangle in the same column (the widget pressed before), is where the wheel turns then.
// Returns the rectangle pressed.
export async function pressInView(page, label, { nth = 0, touch = false, wheel = 200, near = null } = {}) {
  for (let i = 0; i < 40; ++i) {
    const vp = page.viewportSize();
    let r = await page.evaluate(([l, n]) => window.cniCampus.locate(l, n), [label, nth]);
    if (!r && near) {
      await page.mouse.move(near.x + near.w / 2, Math.min(Math.max(near.y, 80), vp.height - 80));
      await page.mouse.wheel(0, wheel);
      await settle(page);
      continue;
    }
    if (!r) r = await locate(page, label, nth);  // not drawn yet: wait for it
    if (r.y >= 40 && r.y + r.h <= vp.height - 60) {
      if (touch) {
        await page.touchscreen.tap(r.x + r.w / 2, r.y + r.h / 2);
      } else {
        await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
      }
      await settle(page);
      return r;
    }
    await page.mouse.move(r.x + r.w / 2, Math.min(Math.max(r.y, 80), vp.height - 80));
    await page.mouse.wheel(0, r.y < 40 ? -wheel : wheel);
    await settle(page);
  }
  throw new Error(`${label} never came into view`);
}
