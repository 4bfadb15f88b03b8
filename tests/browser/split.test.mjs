// split.test.mjs: the split module (docs/size.md). The first visit downloads campus.wasm
// alone; what the landing step does not run (campus.deferred.wasm) comes on the learner's
// first interaction, at once for a deep link, synchronously if it is needed before it has
// arrived, and a failed download says so instead of leaving a dead page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, ready, settle, DIST } from "./harness.mjs";

const DEFERRED = "/campus.deferred.wasm";
const split = fs.existsSync(path.join(DIST, "campus.deferred.wasm"));
const skip = !split && "dist/ holds an unsplit module (CAMPUS_WEB_SPLIT=OFF)";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const state = (page) => page.evaluate(() => window.cniCampus.state());
const paths = (requests) => requests.map((u) => new URL(u).pathname);

async function open(url, options) {
  const requests = [];
  const context = await env.browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => requests.push(r.url()));
  return { context, page, problems, requests, go: () => page.goto(env.base + url) };
}

test("landing step needs no deferred code; the first pointer move fetches it", { skip }, async () => {
  for (const [viewport, deviceScaleFactor] of [[{ width: 1280, height: 800 }, 1], [{ width: 390, height: 844 }, 3]]) {
    const { context, page, problems, requests, go } = await open("/", { viewport, deviceScaleFactor });
    await go();
    await ready(page);
    await page.waitForTimeout(300);
    await settle(page);
    assert.equal((await state(page)).deferred, "waiting",
      `${viewport.width}px: the landing step called into the deferred part (./campus split-profile refreshes web/split-keep.txt)`);
    assert.ok(!paths(requests).includes(DEFERRED), "no deferred download before an interaction");
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    await page.waitForFunction(() => window.cniCampus.state().deferred === "ready", null, { timeout: 20000 });
    assert.equal(paths(requests).filter((p) => p === DEFERRED).length, 1, "fetched once");
    // Every step draws with the whole module.
    for (const s of (await state(page)).steps) {
      assert.equal(await page.evaluate((id) => window.cniCampus.goTo(id), s.id), true);
      await settle(page);
      assert.equal((await state(page)).step.id, s.id);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("a deep link fetches the rest at once, beside the first download", { skip }, async () => {
  const { context, page, problems, requests, go } = await open("/#step=warm-pool", { viewport: { width: 1280, height: 800 } });
  await go();
  await ready(page);
  const s = await state(page);
  assert.equal(s.step.id, "warm-pool");
  assert.equal(s.deferred, "ready");
  // Requested at start, beside campus.wasm (when the first frame needs it before the
  // background download is done, the placeholder fetches it a second time, synchronously).
  const order = paths(requests);
  assert.ok(order.includes(DEFERRED), "the rest was fetched");
  assert.ok(order.indexOf(DEFERRED) < order.indexOf("/campus.js"), "at start, before campus.js");
  assert.deepEqual(problems, []);
  await context.close();
});

test("code needed before the background download ends is fetched synchronously", { skip }, async () => {
  const { context, page, problems, requests, go } = await open("/", { viewport: { width: 1280, height: 800 } });
  // Hold the background fetch of the deferred part; the synchronous request that the
  // module's placeholder makes then has to bring it.
  let release;
  const held = new Promise((r) => { release = r; });
  let first = true;
  await page.route("**/campus.deferred.wasm", async (route) => {
    if (first) {
      first = false;
      await held;
    }
    await route.continue().catch(() => {});
  });
  await go();
  await ready(page);
  assert.equal((await state(page)).deferred, "waiting");
  assert.equal(await page.evaluate(() => window.cniCampus.goTo("warm-pool")), true);
  await settle(page);
  const s = await state(page);
  assert.equal(s.step.id, "warm-pool");
  assert.equal(s.deferred, "ready", "the placeholder loaded the rest synchronously");
  assert.equal(paths(requests).filter((p) => p === DEFERRED).length, 2, "a background and a synchronous request");
  release();
  await page.waitForTimeout(200);
  assert.equal((await state(page)).deferred, "ready");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the rest failing to download: a clear message and Reload, not a dead page", { skip }, async () => {
  const { context, page, go } = await open("/", { viewport: { width: 1280, height: 800 } });
  await page.route("**/campus.deferred.wasm", (route) => route.fulfill({ status: 503, body: "down" }));
  await go();
  await ready(page);
  await page.mouse.move(600, 400);
  await page.waitForSelector("#fatal:not([hidden])", { timeout: 20000 });
  const text = await page.textContent("#fatal-text");
  assert.match(text, /campus\.deferred\.wasm/);
  assert.match(text, /could not be downloaded/);
  assert.ok(await page.isVisible("#fatal-reload"));
  await context.close();
});
