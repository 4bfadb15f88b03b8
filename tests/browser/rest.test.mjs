// rest.test.mjs: the rest of the tutorial (campus.deferred.<hash>.wasm, the catalog and the
// exercises; docs/size.md) when it is slow, missing or cut off. A returning learner's
// progress is read without it and without a synchronous request; a deep link or an embed
// whose rest fails says so with "Try again" at once; a download cut half-way is a failure
// like any other, never an exception; code of the rest needed at once whose synchronous
// fetch fails leaves the page working; the data failing is survived the same way.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { launch, ready, settle, locate, DIST, closeClean, state } from "./harness.mjs";

const CODE = "**/campus.deferred.*";
const DATA = /\/(catalog|exercises)\.[0-9a-f]{16}\.json$/;
const split = fs.readdirSync(DIST).some((f) => f.startsWith("campus.deferred."));
const skip = !split && "dist/ holds an unsplit module (CAMPUS_WEB_SPLIT=OFF)";
// Saved progress as the page writes it: steps seen, an exercise solved.
const PROGRESS = JSON.stringify({ version: 1, seen: ["big-picture", "why-it-matters", "phone-panel"],
  solved: ["panels-needed"] });

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

async function open(base, { progress = null, viewport = { width: 1280, height: 800 } } = {}) {
  const context = await env.browser.newContext({ viewport });
  if (progress !== null) {
    await context.addInitScript((p) => localStorage.setItem("cni-campus:progress", p), progress);
  }
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("console", (m) => { if (m.type() === "error" && !/Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => requests.push({ path: new URL(r.url()).pathname, type: r.resourceType() }));
  return { context, page, problems, requests };
}
const restRequests = (requests) => requests.filter((r) => r.path.startsWith("/campus.deferred."));

// Waits for the first frame only (harness.ready also waits for the rest to settle).
const firstFrame = (page) =>
  page.waitForFunction(() => window.cniCampus && window.cniCampus.firstFrameMs > 0, null, { timeout: 30000 });

test("a returning learner: progress read without the rest of the code, no synchronous request, a 404 survived", { skip }, async () => {
  const { context, page, problems, requests } = await open(env.base, { progress: PROGRESS });
  await page.route(CODE, (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto(env.base + "/");
  await ready(page);
  // No interaction: the data comes after the first frame because progress was saved.
  await page.waitForFunction(() => window.cniCampus.state().rest.data === "ready", null, { timeout: 30000 });
  await settle(page);
  let s = await state(page);
  assert.equal(s.exercises.solved, 1, "the saved progress was read");
  assert.equal(s.rest.code, "waiting", "reading it needed no code of the rest (./campus split-profile)");
  assert.deepEqual(restRequests(requests), [], "no request for the rest, synchronous or not");
  assert.equal(s.error, null);
  // The learner acts: the rest is fetched, fails, and the page goes on.
  await page.mouse.move(640, 400);
  await page.waitForFunction(() => window.cniCampus.state().deferred === "failed", null, { timeout: 30000 });
  assert.ok(await page.isHidden("#fatal"), "no stop: the landing step still works");
  assert.ok(restRequests(requests).every((r) => r.type === "fetch"), "background requests only");
  assert.equal(await page.evaluate(() => window.cniCampus.goTo("warm-pool")), true);
  await settle(page);
  assert.ok(await locate(page, "Try again"));
  // Nothing overwrote the progress: the solved exercise is still there, the new step added.
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("cni-campus:progress")));
  assert.deepEqual(saved.solved, ["panels-needed"]);
  assert.ok(saved.seen.includes("warm-pool") && saved.seen.includes("phone-panel"));
  await closeClean(problems, context);
});

test("a deep link and an embed whose rest fails show Try again at once", { skip }, async () => {
  for (const url of ["/#step=warm-pool", "/embed.html#step=desk-limit&controls=min"]) {
    const { context, page, problems } = await open(env.base);
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(CODE, async (route) => {
      await held;
      await route.fulfill({ status: 404, body: "gone" });
    });
    await page.goto(env.base + url);
    await firstFrame(page);
    await page.waitForFunction(() => window.cniCampus.state().rest.code === "loading", null, { timeout: 30000 });
    // Widget recording on (its first call draws a frame), then the failure, then no input:
    // only the loader's word that the rest failed can have drawn "Try again".
    await page.evaluate(() => window.cniCampus.locate("Try again"));
    await settle(page);
    assert.equal(await page.evaluate(() => window.cniCampus.locate("Try again")), null, `${url}: still loading`);
    release();
    await page.waitForFunction(() => window.cniCampus.state().deferred === "failed", null, { timeout: 30000 });
    await settle(page);
    assert.ok(await page.evaluate(() => window.cniCampus.locate("Try again")), `${url}: Try again without an interaction`);
    assert.ok(await page.isHidden("#fatal"));
    assert.deepEqual(problems, [], url);
    await context.close();
  }
});

test("a download of the rest cut half-way is a failure with Try again, not an exception", { skip }, async () => {
  // A proxy in front of the tutorial's server that sends the rest's headers and half of it.
  const file = fs.readdirSync(DIST).find((f) => /^campus\.deferred\.[0-9a-f]{16}\.wasm$/.test(f));
  const bytes = fs.readFileSync(path.join(DIST, file));
  const target = new URL(env.base);
  const proxy = http.createServer((req, res) => {
    if (req.url.startsWith("/" + file)) {
      res.writeHead(200, { "Content-Type": "application/wasm", "Content-Length": bytes.length });
      res.write(bytes.subarray(0, bytes.length >> 1), () => setImmediate(() => res.socket.destroy()));
      return;
    }
    const up = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method,
      headers: req.headers }, (r) => { res.writeHead(r.statusCode, r.headers); r.pipe(res); });
    req.pipe(up);
  });
  await new Promise((r) => proxy.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${proxy.address().port}`;
  try {
    const { context, page, problems } = await open(base);
    await page.goto(base + "/#step=warm-pool");
    await ready(page);
    assert.equal((await state(page)).deferred, "failed");
    assert.ok(await locate(page, "Try again"));
    assert.ok(await page.isHidden("#fatal"));
    await closeClean(problems, context);
  } finally {
    proxy.closeAllConnections?.();
    await new Promise((r) => proxy.close(r));
  }
});

test("code of the rest needed at once, its synchronous fetch failing: the page goes on", { skip }, async () => {
  const { context, page, problems, requests } = await open(env.base);
  let fail = true;
  await page.route(CODE, (route) => (fail ? route.fulfill({ status: 404, body: "gone" }) : route.continue()));
  await page.goto(env.base + "/");
  await ready(page);
  await page.mouse.move(640, 400);
  await page.waitForFunction(() => window.cniCampus.state().deferred === "failed", null, { timeout: 30000 });
  // The embed dialog's contents are code of the rest: the click's frame needs them now,
  // inside the frame. The synchronous fetch fails; the frame is closed, the dialog with it.
  await settle(page);
  const xhrBefore = restRequests(requests).filter((r) => r.type === "xhr").length;
  const embed = await locate(page, "Embed this step");
  await page.mouse.click(embed.x + embed.w / 2, embed.y + embed.h / 2);
  await settle(page);
  assert.equal(restRequests(requests).filter((r) => r.type === "xhr").length, xhrBefore + 1,
    "one synchronous request (if none: the dialog's code moved to campus.wasm; pick other code of the rest)");
  assert.ok(await page.isHidden("#fatal"), "no stop");
  assert.equal(await page.evaluate(() => window.cniCampus.locate("Close")), null, "the dialog was let go");
  const frames = (await state(page)).frames;
  await page.mouse.move(200, 300);
  await settle(page);
  assert.ok((await state(page)).frames > frames, "frames are still drawn");
  // A share link pasted into the address bar: decoding it is code of the rest too.
  await page.evaluate(() => { location.hash = "#step=takeaways&campus=not-a-campus"; });
  await page.waitForFunction((n) => window.cniCampus.state().deferred === "failed" &&
    performance.getEntriesByType("resource").filter((e) => /campus\.deferred\./.test(e.name)).length > n,
  restRequests(requests).length, { timeout: 30000 });
  await settle(page);
  assert.ok(await page.isHidden("#fatal"));
  // The next press retries; with the rest back the dialog opens.
  fail = false;
  await page.mouse.click(embed.x + embed.w / 2, embed.y + embed.h / 2);
  await page.waitForFunction(() => window.cniCampus.state().deferred === "ready", null, { timeout: 30000 });
  await settle(page);
  if (!(await page.evaluate(() => window.cniCampus.locate("Close")))) {
    await page.mouse.click(embed.x + embed.w / 2, embed.y + embed.h / 2);
    await settle(page);
  }
  assert.ok(await locate(page, "Close"), "the embed dialog opens once the rest is there");
  await closeClean(problems, context);
});

test("the catalog and exercises failing to download: Try again, and they come on the next press", { skip }, async () => {
  const { context, page, problems } = await open(env.base);
  let fail = true;
  await page.route(DATA, (route) => (fail ? route.fulfill({ status: 503, body: "down" }) : route.continue()));
  await page.goto(env.base + "/#step=desk-limit");
  await ready(page);
  let s = await state(page);
  assert.equal(s.deferred, "failed");
  assert.deepEqual(s.rest, { code: "ready", data: "failed" });
  assert.equal(s.live, "", "the view waits for the catalog");
  const again = await locate(page, "Try again");
  assert.ok(await page.isHidden("#fatal"));
  fail = false;
  await page.mouse.click(again.x + again.w / 2, again.y + again.h / 2);
  await page.waitForFunction(() => window.cniCampus.state().deferred === "ready", null, { timeout: 30000 });
  await settle(page);
  s = await state(page);
  assert.match(s.live, /t3\.small/, "the view draws with the fetched catalog");
  assert.ok(s.catalogSize > 1000);
  assert.ok(s.exercises.total > 0);
  await closeClean(problems, context);
});
