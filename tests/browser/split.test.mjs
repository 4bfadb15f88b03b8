// split.test.mjs: the split module (docs/size.md). The first visit downloads campus.wasm
// alone; what the landing step does not run (campus.deferred.wasm, with the catalog and the
// exercises) comes on the learner's first interaction, after the first frame for a deep
// link, synchronously if code is needed before it has arrived; a failed download leaves the
// page working with "Try again", and a part that cannot be linked says so with Reload.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, ready, settle, locate, DIST, closeClean, state } from "./harness.mjs";

const DEFERRED = "/campus.deferred.";  // campus.deferred.<hash>.wasm
const REST = "**/campus.deferred.*";
const split = fs.readdirSync(DIST).some((f) => f.startsWith("campus.deferred."));
const skip = !split && "dist/ holds an unsplit module (CAMPUS_WEB_SPLIT=OFF)";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

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
    const landing = await state(page);
    assert.equal(landing.deferred, "waiting",
      `${viewport.width}px: the landing step called into the deferred part (./campus split-profile refreshes web/split-keep.txt)`);
    assert.deepEqual(landing.rest, { code: "waiting", data: "waiting" });
    assert.ok(!paths(requests).some((p) => p.startsWith(DEFERRED) || /^\/(catalog|exercises)\./.test(p)),
      "no deferred download before an interaction");
    // The landing view draws from the catalog rows campus.wasm embeds (CMakeLists.txt,
    // CATALOG_KEEP): a missing row would show an error here instead of the calls.
    assert.match(landing.live, /sees/, "the landing view draws without the fetched catalog");
    assert.equal(landing.error, null);
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    await page.waitForFunction(() => window.cniCampus.state().deferred === "ready", null, { timeout: 20000 });
    assert.equal(paths(requests).filter((p) => p.startsWith(DEFERRED)).length, 1, "fetched once");
    // Every step draws with the whole module.
    for (const s of (await state(page)).steps) {
      assert.equal(await page.evaluate((id) => window.cniCampus.goTo(id), s.id), true);
      await settle(page);
      assert.equal((await state(page)).step.id, s.id);
    }
    await closeClean(problems, context);
  }
});

test("a deep link fetches the rest after the first frame, in the background", { skip }, async () => {
  const { context, page, problems, go } = await open("/#step=warm-pool", { viewport: { width: 1280, height: 800 } });
  const requests = [];
  page.on("request", (r) => requests.push({ path: new URL(r.url()).pathname, type: r.resourceType() }));
  await go();
  await ready(page);
  const s = await state(page);
  assert.equal(s.step.id, "warm-pool");
  assert.equal(s.deferred, "ready");
  assert.match(s.live, /t3\.small/, "the view draws once the rest is there");
  const rest = requests.filter((r) => r.path.startsWith(DEFERRED) || /^\/(catalog|exercises)\./.test(r.path));
  assert.equal(rest.length, 3, "the code, the catalog and the exercises, once each");
  assert.ok(rest.every((r) => r.type === "fetch"), "no synchronous request");
  // The page's own word: the first frame had been drawn when the rest was asked for.
  const at = await page.evaluate(() => performance.getEntriesByType("resource")
    .filter((e) => /campus\.deferred\./.test(e.name)).map((e) => e.startTime));
  const first = await page.evaluate(() => window.cniCampus.firstFrameMs);
  assert.equal(at.length, 1);
  assert.ok(at[0] >= first, `requested at ${at[0]} ms, before the first frame at ${first} ms`);
  await closeClean(problems, context);
});

// Holds the background fetch of the rest until release() (later requests go through).
async function holdRest(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  let first = true;
  await page.route(REST, async (route) => {
    if (first) {
      first = false;
      await held;
    }
    await route.continue().catch(() => {});
  });
  return release;
}

test("the pages name the rest by a hash of its bytes", { skip }, () => {
  for (const page of ["index.html", "embed.html"]) {
    const html = fs.readFileSync(path.join(DIST, page), "utf8");
    const name = /<script src="campus-loader\.[0-9a-f]{16}\.js"[^>]* data-deferred="(campus\.deferred\.[0-9a-f]{16}\.wasm)"/.exec(html);
    assert.ok(name, page);
    assert.ok(fs.existsSync(path.join(DIST, name[1])), `${page} names ${name[1]}, which dist/ has`);
  }
});

test("a later step waits for the rest in the background: its text at once, then its view", { skip }, async () => {
  const { context, page, problems, requests, go } = await open("/", { viewport: { width: 1280, height: 800 } });
  const release = await holdRest(page);
  await go();
  await ready(page);
  assert.equal(await page.evaluate(() => window.cniCampus.goTo("warm-pool")), true);
  await settle(page);
  let s = await state(page);
  assert.equal(s.step.id, "warm-pool");
  assert.equal(s.deferred, "loading", "no synchronous fetch: the view waits");
  assert.equal(s.live, "", "the view is not drawn yet");
  assert.equal(paths(requests).filter((p) => p.startsWith(DEFERRED)).length, 1);
  release();
  await page.waitForFunction(() => window.cniCampus.state().deferred === "ready", null, { timeout: 20000 });
  await settle(page);
  s = await state(page);
  assert.match(s.live, /t3\.small/, "the warm-pool view draws once the rest is there");
  assert.equal(paths(requests).filter((p) => p.startsWith(DEFERRED)).length, 1, "fetched once");
  await closeClean(problems, context);
});

test("code needed before the background download ends is fetched synchronously", { skip }, async () => {
  const { context, page, problems, requests, go } = await open("/", { viewport: { width: 1280, height: 800 } });
  const release = await holdRest(page);
  await go();
  await ready(page);
  assert.equal((await state(page)).deferred, "waiting");
  // A share link pasted into the address bar: decoding it is code of the rest, and it runs
  // inside the hashchange, so it cannot wait for the held background download.
  await page.evaluate(() => { location.hash = "#step=takeaways&campus=not-a-campus"; });
  await page.waitForFunction(() => window.cniCampus.state().step.id === "takeaways", null, { timeout: 20000 });
  await settle(page);
  const s = await state(page);
  assert.equal(s.deferred, "ready", "the placeholder loaded the rest synchronously");
  assert.match(s.error, /campus in the link could not be opened/);
  assert.equal(paths(requests).filter((p) => p.startsWith(DEFERRED)).length, 2, "a background and a synchronous request");
  release();
  await page.waitForTimeout(200);
  assert.equal((await state(page)).deferred, "ready");
  await closeClean(problems, context);
});

test("the rest failing to download: the page goes on and offers Try again", { skip }, async () => {
  const { context, page, go } = await open("/", { viewport: { width: 1280, height: 800 } });
  let fail = true;
  await page.route(REST, (route) =>
    fail ? route.fulfill({ status: 503, body: "down" }) : route.continue());
  await go();
  await ready(page);
  await page.mouse.move(600, 400);
  await page.waitForFunction(() => window.cniCampus.state().deferred === "failed", null, { timeout: 20000 });
  assert.ok(await page.isHidden("#fatal"), "no fatal message: the landing step still works");
  assert.equal(await page.evaluate(() => window.cniCampus.goTo("warm-pool")), true);
  await settle(page);
  const again = await locate(page, "Try again");
  fail = false;
  await page.mouse.click(again.x + again.w / 2, again.y + again.h / 2);
  await page.waitForFunction(() => window.cniCampus.state().deferred === "ready", null, { timeout: 20000 });
  await settle(page);
  assert.match((await state(page)).live, /t3\.small/);
  await context.close();
});

test("a corrupt or foreign rest: Try again, or Reload when it cannot be linked", { skip }, async () => {
  // Bytes that are not WebAssembly: the background download fails like a network error.
  {
    const { context, page, go } = await open("/", { viewport: { width: 1280, height: 800 } });
    await page.route(REST, (route) =>
      route.fulfill({ status: 200, contentType: "application/wasm", body: "not wasm" }));
    await go();
    await ready(page);
    await page.mouse.move(600, 400);
    await page.waitForFunction(() => window.cniCampus.state().deferred === "failed", null, { timeout: 20000 });
    assert.ok(await page.isHidden("#fatal"));
    await context.close();
  }
  // A valid module that does not belong with this one (here: campus.wasm itself): it
  // cannot be linked, and only a reload mends that.
  const foreign = fs.readFileSync(path.join(DIST, fs.readdirSync(DIST).find((f) => /^campus\.[0-9a-f]{16}\.wasm$/.test(f))));
  const { context, page, go } = await open("/", { viewport: { width: 1280, height: 800 } });
  await page.route(REST, (route) =>
    route.fulfill({ status: 200, contentType: "application/wasm", body: foreign }));
  await go();
  await ready(page);
  await page.mouse.move(600, 400);
  await page.waitForSelector("#fatal:not([hidden])", { timeout: 20000 });
  assert.match(await page.textContent("#fatal-text"), /does not fit the rest.*Reload/);
  assert.ok(await page.isVisible("#fatal-reload"));
  await context.close();
});
