// steps_prefix_delegation.test.mjs: step "prefix-delegation" in the page: the switch meets the
// first beat's goal, kubelet refuses desks on a self-managed room until its max-pods is raised
// (in the text, by typing), a managed node group counts the blocks, and a Xen room keeps single
// extensions. Every click goes to a widget found by its label (cniCampus.locate).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, settle, clickLabel, typeNumber, openAtGoal, closeClean, state } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

async function goTo(page, beat) {
  assert.equal(await page.evaluate((b) => window.cniCampus.goTo("prefix-delegation", b), beat), true);
  await settle(page);
}

test("prefix-delegation: the switch meets the goal; kubelet stays at 11 on a self-managed room", async () => {
  const { page, problems, context } = await openAtGoal(env, "/#step=prefix-delegation", "pd-on");
  let s = await state(page);
  assert.match(s.live, /^t3\.small, prefix delegation off, self-managed: 9 pod addresses \(9 without prefixes, 144 with\), max-pods 11 by formula, kubelet max-pods 11; 9 pods wanted: 9 running/);
  await clickLabel(page, "on##pd");
  s = await state(page);
  assert.equal(s.beat.goalMet, true, "prefix delegation on meets the first beat's goal");
  assert.match(s.live, /prefix delegation on, self-managed: 144 pod addresses .* max-pods 146 by formula, kubelet max-pods 11;/);
  assert.match(s.live, /they hold 16 addresses in 1 prefixes$/);
  await clickLabel(page, "Add a desk");
  assert.match((await state(page)).live, /10 pods wanted: 9 running, 0 waiting, 1 refused/);
  // A managed node group without a custom AMI counts the blocks: 110 on a t3.small.
  await clickLabel(page, "Rooms AWS furnishes");
  assert.match((await state(page)).live, /, managed: .* kubelet max-pods 110; 10 pods wanted: 10 running, 0 waiting, 0 refused/);
  await clickLabel(page, "off##pd");
  assert.match((await state(page)).live, /prefix delegation off, managed: 9 pod addresses .* kubelet max-pods 11; 10 pods wanted: 9 running, 0 waiting, 1 refused/);
  await closeClean(problems, context);
});

test("prefix-delegation: make it so by raising max-pods in the text; AWS's suggestion; a Xen room", async () => {
  const { page, problems, context } = await openAtGoal(env, "/#step=prefix-delegation&beat=6", "all-run");
  let s = await state(page);
  assert.match(s.live, /self-managed: .* kubelet max-pods 11; 20 pods wanted: 9 running, 0 waiting, 11 refused/);
  await typeNumber(page, "maxpods", "21");
  s = await state(page);
  assert.match(s.live, /kubelet max-pods 21 set by hand; 20 pods wanted: 19 running, 0 waiting, 1 refused/);
  assert.equal(s.beat.goalMet, false, "one desk is still refused");
  await clickLabel(page, "AWS's suggestion: 110");
  s = await state(page);
  assert.match(s.live, /kubelet max-pods 110 set by hand; 20 pods wanted: 20 running, 0 waiting, 0 refused/);
  assert.equal(s.beat.goalMet, true);
  await clickLabel(page, "Default##pd-maxpods");
  assert.match((await state(page)).live, /kubelet max-pods 11; 20 pods wanted: 9 running/);
  // Beat 7: a Xen room keeps one extension per slot although the switch is on.
  await goTo(page, 7);
  s = await state(page);
  assert.match(s.live, /^m4\.large, prefix delegation on without effect, self-managed: 18 pod addresses/);
  assert.match(s.live, /in 0 prefixes$/);
  await closeClean(problems, context);
});
