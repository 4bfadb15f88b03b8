// labs.test.mjs: the incident labs through real input, found by their labels
// (cniCampus.locate): one lab solved by clicking its changes and Check (kept across a
// reload), another failed with a tempting change, one solved from the keyboard, one tapped on
// a phone; the Labs entries of the step list; #lab= deep links (a bad one changes nothing);
// the embed page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, ready, settle, locate, clickLabel, pressInView, openReady, closeClean, state } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, touch: true };
const lab = async (page) => (await state(page)).labs.current;

async function openLab(id, options = {}, path = "/") {
  const opened = await openPage(env, `${path}#lab=${id}`, options);
  await ready(opened.page);
  assert.equal((await lab(opened.page)).id, id);
  return opened;
}

function inViewport(r, vp, what) {
  assert.ok(r && r.w > 0 && r.h > 0, `${what} was drawn`);
  assert.ok(r.y >= 0 && r.y + r.h <= vp.height + 1, `${what} inside the viewport: ${JSON.stringify(r)}`);
}

test("idle-but-full solved by clicking its changes and Check; kept across a reload", async () => {
  const { page, problems, context } = await openLab("idle-but-full");
  let l = await lab(page);
  assert.deepEqual(l.pods, { wanted: 45, running: 27, waiting: 0, pending: 18 });
  assert.equal((await state(page)).labs.total >= 6, true);
  for (const fix of ["pd", "max-pods", "replace"]) await pressInView(page, `##lab-fix-${fix}`);
  l = await lab(page);
  assert.deepEqual([...l.picked].sort(), ["max-pods", "pd", "replace"]);
  assert.equal(l.checked, false);
  await pressInView(page, "Check");
  l = await lab(page);
  assert.equal(l.checked, true);
  assert.equal(l.solved, true, l.reason);
  assert.match(l.reason, /^Healthy: all 45 desks run/);
  assert.deepEqual(l.pods, { wanted: 45, running: 45, waiting: 0, pending: 0 });
  inViewport(await locate(page, "##lab-solved"), page.viewportSize(), "the verdict");
  assert.equal((await state(page)).labs.solved, 1);
  assert.equal(await page.evaluate(() => location.hash), "#lab=idle-but-full");
  await page.reload();
  await ready(page);
  assert.equal((await state(page)).labs.solved, 1);
  assert.equal((await lab(page)).checked, false);  // the lab starts again from the pager's campus
  await closeClean(problems, context);
});

test("hoarding-warm-pool: the tempting WARM_ENI_TARGET=0 does not heal it, WARM_IP_TARGET does", async () => {
  const { page, problems, context } = await openLab("hoarding-warm-pool");
  await pressInView(page, "##lab-fix-warm-eni-0");
  await pressInView(page, "Check");
  let l = await lab(page);
  assert.equal(l.checked, true);
  assert.equal(l.solved, false);
  assert.match(l.reason, /wait in ContainerCreating/);
  inViewport(await locate(page, "##lab-not-solved"), page.viewportSize(), "the verdict");
  assert.equal((await state(page)).labs.solved, 0);
  await pressInView(page, "##lab-fix-warm-eni-0");  // unpick: the verdict no longer applies
  assert.equal((await lab(page)).checked, false);
  await pressInView(page, "##lab-fix-warm-ip");
  await pressInView(page, "Check");
  l = await lab(page);
  assert.equal(l.solved, true, l.reason);
  await pressInView(page, "Start over");
  l = await lab(page);
  assert.deepEqual(l.picked, []);
  assert.equal(l.checked, false);
  await closeClean(problems, context);
});

test("plenty-free-no-block from the keyboard: a digit picks a change, Enter checks, H hints", async () => {
  const { page, problems, context } = await openLab("plenty-free-no-block");
  await page.locator("canvas").focus();
  await page.keyboard.press("1");  // the reservation: frees nothing in use
  await settle(page);
  await page.keyboard.press("Enter");
  await settle(page);
  let l = await lab(page);
  assert.deepEqual(l.picked, ["reservation"]);
  assert.equal(l.solved, false);
  assert.match(l.reason, /InsufficientCidrBlocks|no free block/);
  await page.keyboard.press("1");
  await page.keyboard.press("5");  // a fresh subnet tagged for discovery
  await page.keyboard.press("Enter");
  await settle(page);
  l = await lab(page);
  assert.deepEqual(l.picked, ["fresh-subnet"]);
  assert.equal(l.solved, true, l.reason);
  for (let i = 0; i < 4; ++i) await page.keyboard.press("h");
  await settle(page);
  assert.equal((await lab(page)).hints, 4);  // three hints, then the reference fix
  await closeClean(problems, context);
});

test("custom-networking-did-nothing tapped on a phone: replacing the rooms heals it", async () => {
  const { page, problems, context } = await openLab("custom-networking-did-nothing", PHONE);
  await pressInView(page, "##lab-fix-custom-networking", { touch: true });
  await pressInView(page, "Check", { touch: true });
  let l = await lab(page);
  assert.equal(l.solved, false);
  inViewport(await locate(page, "##lab-not-solved"), page.viewportSize(), "the verdict");
  await pressInView(page, "##lab-fix-custom-networking", { touch: true });
  await pressInView(page, "##lab-fix-replace", { touch: true });
  await pressInView(page, "Check", { touch: true });
  l = await lab(page);
  assert.equal(l.solved, true, l.reason);
  inViewport(await locate(page, "##lab-solved"), page.viewportSize(), "the verdict");
  await closeClean(problems, context);
});

test("the step list's Labs, back to the steps, and deep links (a bad one changes nothing)", async () => {
  const { page, problems, context } = await openReady(env, "/#step=desk-limit");
  assert.equal((await state(page)).labs.current, null);
  // The labs follow the fifteen steps in the list: the learner scrolls the list to them.
  await page.mouse.move(120, 400);
  await page.mouse.wheel(0, 600);
  await settle(page);
  await pressInView(page, "##lab-hoarding-warm-pool");
  assert.equal((await lab(page)).id, "hoarding-warm-pool");
  await clickLabel(page, "Next lab  \u25B6");  // the bar under the page: always in view
  assert.equal((await lab(page)).id, "plenty-free-no-block");
  await page.evaluate(() => { location.hash = "#lab=campus-full"; });
  await settle(page);
  assert.equal((await lab(page)).id, "campus-full");
  assert.equal(await page.evaluate(() => location.hash), "#lab=campus-full");
  await clickLabel(page, "Back to the steps");
  let s = await state(page);
  assert.equal(s.labs.current, null);
  assert.equal(s.step.id, "desk-limit");
  await page.evaluate(() => { location.hash = "#lab=no-such-lab"; });
  await settle(page);
  s = await state(page);
  assert.equal(s.labs.current, null);
  assert.equal(s.step.id, "desk-limit");
  assert.match(s.error, /There is no lab called 'no-such-lab' \(the labs: idle-but-full/);
  await page.evaluate(() => { location.hash = "#lab=%3Cscript%3E"; });
  await settle(page);
  assert.equal((await state(page)).labs.current, null);
  await closeClean(problems, context);
});

test("embed.html#lab=ID shows the lab", async () => {
  const { page, problems, context } = await openLab("campus-full", {}, "/embed.html");
  const l = await lab(page);
  assert.deepEqual(l.pods, { wanted: 64, running: 50, waiting: 14, pending: 0 });
  await closeClean(problems, context);
});
