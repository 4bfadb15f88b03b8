// steps_custom_networking.test.mjs: step "custom-networking" in the page: the switch changes
// no running room until it is replaced, then desks take their extensions from Building P (the
// first beat's goal); an ENIConfig building in another zone is refused; whether desks wait in
// ContainerCreating follows kubelet's max-pods, and setting it to the formula meets the second
// goal. Every click goes to a widget found by its label (cniCampus.locate).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, clickLabel, openAtGoal, closeClean, state } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

test("custom-networking: tick the switch, replace the room, and the desks move to Building P", async () => {
  const { page, problems, context } = await openAtGoal(env, "/#step=custom-networking", "desks-elsewhere");
  let s = await state(page);
  assert.match(s.live, /^node-1 \(m5\.large, self-managed\), custom networking off, pods in subnet-a: kubelet max-pods 29, formula 29, 27 pod addresses; 6 pods wanted: 6 running/);
  await clickLabel(page, "Custom networking");
  s = await state(page);
  assert.match(s.live, /^node-1 .*custom networking off \(aws-node: on, replace the node\), pods in subnet-a/);
  assert.equal(s.beat.goalMet, false, "the running room keeps its layout");
  await clickLabel(page, "Replace the room");
  s = await state(page);
  assert.match(s.live, /^node-2 \(m5\.large, self-managed\), custom networking on, pods in subnet-pods: kubelet max-pods 29, formula 20, 18 pod addresses; 6 pods wanted: 6 running, 0 waiting/);
  assert.equal(s.beat.goalMet, true);
  // Building Q stands in another zone: refused, the ENIConfig keeps Building P.
  await clickLabel(page, "Building Q (100.64.1.0/24, us-east-1b)");
  s = await state(page);
  assert.match(s.live, /pods in subnet-pods: .*\. .*availability zone/);
  await clickLabel(page, "Building B (10.0.2.0/24, us-east-1a)");
  await clickLabel(page, "Replace the room");
  assert.match((await state(page)).live, /^node-3 .*custom networking on, pods in subnet-b:/);
  await closeClean(problems, context);
});

test("custom-networking: 9 desks wait until kubelet's max-pods is the formula's 20; a managed room", async () => {
  const { page, problems, context } = await openAtGoal(env, "/#step=custom-networking&beat=6", "none-waiting");
  let s = await state(page);
  assert.match(s.live, /kubelet max-pods 29, formula 20, 18 pod addresses; 30 pods wanted: 18 running, 9 waiting in ContainerCreating, 3 refused/);
  await clickLabel(page, "kubelet's desk limit = formula, 20");
  s = await state(page);
  assert.match(s.live, /kubelet max-pods 20, formula 20, 18 pod addresses; 30 pods wanted: 18 running, 0 waiting in ContainerCreating, 12 refused/);
  assert.equal(s.beat.goalMet, true);
  await clickLabel(page, "Default##cn-maxpods");
  assert.match((await state(page)).live, /9 waiting in ContainerCreating/);
  // A managed node group without a custom AMI counts the lost panel: nothing waits.
  await clickLabel(page, "Rooms AWS furnishes");
  s = await state(page);
  assert.match(s.live, /\(m5\.large, managed\), custom networking on, .*kubelet max-pods 20, .*0 waiting/);
  await clickLabel(page, "Add 10 desks");
  assert.match((await state(page)).live, /40 pods wanted: 18 running, 0 waiting in ContainerCreating, 22 refused/);
  await closeClean(problems, context);
});
