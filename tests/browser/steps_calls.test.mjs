// steps_calls.test.mjs: the steps about calls: big-picture (one call stepped through an
// overlay and the VPC CNI), why-it-matters (who sees whom, and the caller-ID swap) and
// vpc-cni-vs-overlay (the two compared, row by row). Every click goes to a widget found by its
// label (cniCampus.locate); beats are entered with cniCampus.goTo(step, beat); what the view
// shows is read from state().live, the numbers core computed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, ready, settle, locate, clickLabel, openReady, closeClean, state, typeNumber, unmetGoal } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const live = async (page) => (await state(page)).live;

async function open(hash, options) {
  const o = await openPage(env, `/#${hash}`, options);
  await ready(o.page);
  await locate(o.page, "##beat-text");  // switches locate's recording on
  return o;
}

async function goTo(page, step, beat) {
  assert.equal(await page.evaluate(([s, b]) => window.cniCampus.goTo(s, b), [step, beat]), true);
  await settle(page);
}

test("big-picture: Step moves both calls hop by hop; the first beat's goal is met on arrival", async () => {
  const { page, problems, context } = await open("step=big-picture");
  let s = await state(page);
  assert.equal(s.beat.index, 0);
  assert.equal(s.beat.goal, "desk-call-arrived");
  assert.equal(s.beat.goalMet, false);
  assert.match(s.live, /^Hop 1 of 5\. private intercom: api-1 sees 172\.16\.0\.2\. direct-line system: api-1 sees 10\.0\.1\.5\.$/);
  await clickLabel(page, "Step", { times: 3 });
  s = await state(page);
  assert.match(s.live, /^Hop 4 of 5\./);
  assert.equal(s.beat.goalMet, false);
  await clickLabel(page, "Step");
  s = await state(page);
  assert.match(s.live, /Arrived\.$/);
  assert.equal(s.beat.goalMet, true);
  await locate(page, "##goal-met");
  await clickLabel(page, "Start over");
  assert.match(await live(page), /^Hop 1 of 5\./);
  await closeClean(problems, context);
});

test("big-picture on the landing page: the first press (which fetches the data) counts", async () => {
  const { page, problems, context } = await openReady(env, "/");
  assert.match(await live(page), /^Hop 1 of 5\./);
  await clickLabel(page, "Step");
  // The catalog and the exercises arrive after that press; the call must stay where it went.
  await page.waitForFunction(() => window.cniCampus.state().deferred === "ready", null, { timeout: 30000 });
  await settle(page);
  assert.match(await live(page), /^Hop 2 of 5\./);
  await closeClean(problems, context);
});

test("big-picture: Play carries the call to the database hop by hop, then stops", async () => {
  const { page, problems, context } = await open("step=big-picture&beat=4");
  let s = await state(page);
  assert.equal(s.beat.goal, "database-call-arrived");
  assert.match(s.live, /^Hop 1 of 4\. private intercom: RDS sees 10\.0\.1\.4\. direct-line system: RDS sees 10\.0\.1\.5\.$/);
  const f0 = s.frames;
  // Press Play without waiting for the page to settle: it animates until the call arrives.
  const play = await locate(page, "Play");
  await page.mouse.click(play.x + play.w / 2, play.y + play.h / 2);
  // Each hop is shown long enough to read; the hops come one by one.
  await page.waitForFunction(() => window.cniCampus.state().live.startsWith("Hop 2 of 4"), null, { timeout: 20000 });
  await page.waitForFunction(() => window.cniCampus.state().live.startsWith("Hop 3 of 4"), null, { timeout: 20000 });
  await page.waitForFunction(() => window.cniCampus.state().live.endsWith("Arrived."), null, { timeout: 20000 });
  await settle(page);
  s = await state(page);
  assert.equal(s.beat.goalMet, true);
  assert.ok(s.frames - f0 > 6, `the call glided between hops (${s.frames - f0} frames)`);
  // Choosing the other callee starts that call over.
  await clickLabel(page, "Call a desk in room A2");
  assert.match(await live(page), /^Hop 1 of 5\. private intercom: api-1 sees/);
  await closeClean(problems, context);
});

test("big-picture: beats set the call; AWS words name the two sides VPC CNI and overlay CNI", async () => {
  const { page, problems, context } = await open("step=big-picture&terms=aws");
  assert.match(await live(page), /overlay CNI: api-1 sees 172\.16\.0\.2\. VPC CNI: api-1 sees 10\.0\.1\.5\./);
  await goTo(page, "big-picture", 5);
  let s = await state(page);
  assert.equal(s.beat.focus, "overlayseen");
  assert.match(s.live, /^Hop 4 of 4\. overlay CNI: RDS sees 10\.0\.1\.4\. VPC CNI: RDS sees 10\.0\.1\.5\. Arrived\.$/);
  await clickLabel(page, "Call a pod in node A2");
  await goTo(page, "big-picture", 2);  // a jump replays the beats: the call to a desk, hop 2
  s = await state(page);
  assert.match(s.live, /^Hop 2 of 5\. overlay CNI: api-1/);
  await closeClean(problems, context);
});

test("why-it-matters: callees inside the campus see web-1 itself; the internet sees the exchange", async () => {
  const { page, problems, context } = await open("step=why-it-matters");
  let s = await unmetGoal(page, "swapped");
  assert.equal(s.live, "web-1 calls web-2: web-2 sees 10.0.1.5, the desk's own extension.");
  // The settings are not on screen before the text has named them.
  assert.equal(await page.evaluate(() => window.cniCampus.locate("AWS_VPC_K8S_CNI_EXTERNALSNAT=true")), null);
  await clickLabel(page, "a desk in another building");
  assert.equal(await live(page), "web-1 calls jobs-1: jobs-1 sees 10.0.1.5, the desk's own extension.");
  await clickLabel(page, "RDS");
  assert.match(await live(page), /RDS sees 10\.0\.1\.5, the desk's own extension\.$/);
  assert.equal((await state(page)).beat.goalMet, false);
  await clickLabel(page, "the internet");
  s = await state(page);
  assert.match(s.live, /web server sees 198\.51\.100\.20, the campus exchange's outside number\.$/);
  assert.equal(s.beat.goalMet, true);
  await locate(page, "##goal-met");
  await closeClean(problems, context);
});

test("why-it-matters: EXTERNALSNAT and EXCLUDE_SNAT_CIDRS let the peered VPC see the pod", async () => {
  const { page, problems, context } = await open("step=why-it-matters&beat=6&terms=aws");
  let s = await state(page);
  assert.equal(s.beat.goal, "peer-sees-desk");
  assert.equal(s.live, "web-1 calls server: server sees 10.0.1.4, the node's primary IP (node A1).");
  await clickLabel(page, "AWS_VPC_K8S_CNI_EXTERNALSNAT=true");
  s = await state(page);
  assert.equal(s.live, "web-1 calls server: server sees 10.0.1.5, the pod's own IP address. AWS_VPC_K8S_CNI_EXTERNALSNAT=true.");
  assert.equal(s.beat.goalMet, true);
  await clickLabel(page, "the internet");  // the NAT gateway still swaps internet calls
  assert.match(await live(page), /web server sees 198\.51\.100\.20, the NAT gateway's Elastic IP\./);
  await clickLabel(page, "AWS_VPC_K8S_CNI_EXTERNALSNAT=true");
  await clickLabel(page, "a peered VPC");
  assert.match(await live(page), /server sees 10\.0\.1\.4/);
  await clickLabel(page, "192.168.0.0/16 (the peered VPC)");
  s = await state(page);
  assert.match(s.live, /server sees 10\.0\.1\.5, the pod's own IP address\. AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS=192\.168\.0\.0\/16\.$/);
  assert.equal(s.beat.goalMet, true);
  // The last beat: own security groups (strict mode) and nothing else keep the pod's address
  // (10.0.1.6 there: each node's trunk ENI takes an address first).
  await goTo(page, "why-it-matters", 9);
  assert.equal(await live(page), "web-1 calls server: server sees 10.0.1.6, the pod's own IP address. Every pod has its own security groups.");
  await closeClean(problems, context);
});

test("vpc-cni-vs-overlay: typing the number of rooms meets the goal; rows are picked by label", async () => {
  const { page, problems, context } = await open("step=vpc-cni-vs-overlay");
  let s = await unmetGoal(page, "beyond-a-building");
  assert.equal(s.live, "Building numbers used. Direct-line system: 1500 for 50 full rooms. Private intercom: 50: the rooms' own.");
  // [[~nodes]] in the text: a tap opens a box to type the number in.
  await typeNumber(page, "nodes", 136);
  s = await state(page);
  assert.match(s.live, /4080 for 136 full rooms\. Private intercom: 136:/);
  assert.equal(s.beat.goalMet, false, "4080 numbers still fit a /20 (4091)");
  await clickLabel(page, "##edit-nodes");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("137");
  await settle(page);
  await clickLabel(page, "Done");
  s = await state(page);
  assert.match(s.live, /4110 for 137 full rooms/);
  assert.equal(s.beat.goalMet, true);
  // Every row can be picked in the table; the figure and the live sentence follow.
  await clickLabel(page, "##row-debugging");
  assert.equal(await live(page), "Debugging. Direct-line system: flow logs show the desk itself. Private intercom: flow logs show the room.");
  await clickLabel(page, "##row-services");
  assert.match(await live(page), /^Reaching AWS services\. Direct-line system: direct: RDS sees 10\.0\.1\.5\. Private intercom: through the switchboard: RDS sees 10\.0\.1\.4\.$/);
  await closeClean(problems, context);
});

test("vpc-cni-vs-overlay: beats show their row, in AWS words on a phone", async () => {
  const { page, problems, context } = await open("step=vpc-cni-vs-overlay&beat=5&terms=aws",
    { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, touch: true });
  let s = await state(page);
  assert.equal(s.beat.focus, "debugging");
  assert.equal(s.live, "Debugging. VPC CNI: flow logs show the pod itself. Overlay CNI: flow logs show the node.");
  await goTo(page, "vpc-cni-vs-overlay", 3);
  assert.match(await live(page), /^Reaching AWS services\. VPC CNI: direct: RDS sees 10\.0\.1\.5\. Overlay CNI: through the overlay agent: RDS sees 10\.0\.1\.4\.$/);
  // The rows are under the figure on a phone: scroll the view to them and tap one.
  await page.mouse.move(195, 300);
  await page.mouse.wheel(0, 1500);
  await settle(page);
  const row = await locate(page, "##row-addresses");
  await page.touchscreen.tap(row.x + 20, row.y + row.h / 2);
  await settle(page);
  assert.match(await live(page), /^Subnet addresses used\. VPC CNI: 1500 for 50 full nodes\./);
  await closeClean(problems, context);
});
