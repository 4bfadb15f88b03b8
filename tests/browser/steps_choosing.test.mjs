// steps_choosing.test.mjs: step "choosing" in the page: the choose-the-fix puzzle runs the
// fix the learner picks on the campus and is met only by one that cures it; the guide leads
// by its answers to an outcome whose fix is applied to its own campus. Every click goes to a
// widget by its label; beats are reached with goTo(step, beat).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, settle, locate, clickLabel, clickInView, openReady, openAtGoal, closeClean, state } from "./harness.mjs";

const STEP = "choosing";
let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });


test("choosing: a fix that does not cure the campus leaves the puzzle open; one that does meets it", async () => {
  const { page, problems, context } = await openAtGoal(env, `/#step=${STEP}`, "puzzle-cured");
  let s = await state(page);
  assert.match(s.live, /^Puzzle: 18 of 54 pods wait\. No fix tried yet/);
  await clickLabel(page, "Prefix delegation");
  s = await state(page);
  assert.equal(s.beat.goalMet, false);
  assert.match(s.live, /Prefix delegation: not cured\. 22 desks still wait\./);
  await clickLabel(page, "IPv6");
  s = await state(page);
  assert.equal(s.beat.goalMet, false);
  assert.match(s.live, /IPv6: refused\. .*chosen when a cluster is created/);
  await clickLabel(page, "Tag a second building");
  s = await state(page);
  assert.equal(s.beat.goalMet, true);
  assert.match(s.live, /Tag a second building: cured\. Every desk runs\./);
  await locate(page, "##goal-met");
  await closeClean(problems, context);
});

test("choosing: the guide's answers lead to a fix, applied to its own campus", async () => {
  const { page, problems, context } = await openReady(env, `/#step=${STEP}&terms=aws`);
  await clickLabel(page, "Open the guide");
  assert.match((await state(page)).live, /^Question: What do you see\?/);
  await clickLabel(page, "A subnet has run out of IP addresses");
  assert.match((await state(page)).live, /^Question: Is there unused space in the VPC/);
  await clickLabel(page, "No, the VPC is full as well");
  await clickLabel(page, "No, it runs on IPv4 already");
  await clickLabel(page, "No: such addresses are scarce, or our ranges overlap other networks");
  let s = await state(page);
  assert.match(s.live, /^Fix: A non-routable CIDR block behind a private NAT gateway\. Before the fix:/);
  await clickInView(page, "Apply the fix");
  s = await state(page);
  assert.match(s.live, /Applied: pods running, all nodes 36 -> 72; pods waiting for an IP address, all nodes 36 -> 0; routable addresses in use 40 -> 1;/);
  await clickInView(page, "Back");
  assert.match((await state(page)).live, /^Question: Can the nodes keep addresses/);
  // A beat opens the IPv6 outcome applied: the model refuses to convert the running cluster.
  assert.equal(await page.evaluate((st) => window.cniCampus.goTo(st, 4), STEP), true);
  await settle(page);
  s = await state(page);
  assert.match(s.live, /^Fix: An IPv6 cluster\. Applied: pods running, all nodes 36 -> 72; pods waiting for an IP address, all nodes 36 -> 0;/);
  await closeClean(problems, context);
});
