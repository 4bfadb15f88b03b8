// steps_security_groups_for_pods.test.mjs: step "security-groups-for-pods" in the page: the
// switch attaches the trunk (27 -> 18 desk extensions on an m5.large) and a desk with its own
// security groups meets the first goal; on a full room 9 desks wait until 9 move to branch
// panels (typed into the text); a t family room gets no trunk. Every click goes to a widget
// found by its label (cniCampus.locate).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, settle, clickLabel, typeNumber, openAtGoal, closeClean, state } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

test("security-groups-for-pods: the trunk costs 9 desk extensions; a desk gets its own groups", async () => {
  const { page, problems, context } = await openAtGoal(env, "/#step=security-groups-for-pods", "own-sg");
  let s = await state(page);
  assert.match(s.live, /^m5\.large, security groups for pods off, self-managed: 27 pod addresses \(27 without the trunk ENI\); 0 of 9 branch ENIs in use; kubelet max-pods 29; 6 ordinary pods running/);
  await clickLabel(page, "Security groups for desks");
  s = await state(page);
  assert.match(s.live, /security groups for pods on, self-managed: 18 pod addresses \(27 without the trunk ENI\)/);
  assert.equal(s.beat.goalMet, false);
  await clickLabel(page, "+ desk with its own security groups");
  s = await state(page);
  assert.match(s.live, /1 of 9 branch ENIs in use; kubelet max-pods 29; 6 ordinary pods running, 0 waiting, 0 refused$/);
  assert.equal(s.beat.goalMet, true);
  await clickLabel(page, "-##own-groups");
  assert.equal((await state(page)).beat.goalMet, false);
  // A managed node group counts no trunk either: max-pods stays 29.
  await clickLabel(page, "Rooms AWS furnishes");
  assert.match((await state(page)).live, /, managed: 18 pod addresses .* kubelet max-pods 29;/);
  await closeClean(problems, context);
});

test("security-groups-for-pods: a full room waits until desks move to branch panels; a t3 gets no trunk", async () => {
  const { page, problems, context } = await openAtGoal(env, "/#step=security-groups-for-pods&beat=5", "full-no-wait");
  let s = await state(page);
  assert.match(s.live, /0 of 9 branch ENIs in use; kubelet max-pods 29; 18 ordinary pods running, 9 waiting, 0 refused$/);
  await typeNumber(page, "sgpods", "9");
  s = await state(page);
  assert.match(s.live, /9 of 9 branch ENIs in use; kubelet max-pods 29; 18 ordinary pods running, 0 waiting, 9 refused$/);
  assert.equal(s.beat.goalMet, true);
  await clickLabel(page, "Add a desk");
  assert.match((await state(page)).live, /18 ordinary pods running, 0 waiting, 10 refused$/);
  assert.equal(await page.evaluate(() => window.cniCampus.goTo("security-groups-for-pods", 7)), true);
  await settle(page);
  assert.match((await state(page)).live, /^t3\.large, security groups for pods off \(not supported on t3\.large\), self-managed: 33 pod addresses/);
  await closeClean(problems, context);
});
