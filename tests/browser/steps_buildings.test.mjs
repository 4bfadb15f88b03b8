// steps_buildings.test.mjs: step "building-runs-out" in the page: its puzzle is met in the
// picture, the editable size in the text moves the building, tagging building B serves the
// waiting desks, and the blocks beats show InsufficientCidrBlocks and its cures. Every click
// goes to a widget by its label (cniCampus.locate); beats are reached with goTo(step, beat).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, ready, settle, locate, clickLabel, clickInView, typeNumber, openReady, closeClean, state, unmetGoal } from "./harness.mjs";

const STEP = "building-runs-out";
let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

async function goTo(page, beat) {
  assert.equal(await page.evaluate(([s, b]) => window.cniCampus.goTo(s, b), [STEP, beat]), true);
  await settle(page);
}

test("building-runs-out: the puzzle is met when a desk waits for an extension", async () => {
  const { page, problems, context } = await openReady(env, `/#step=${STEP}`);
  let s = await state(page);
  assert.equal(s.beat.index, 0);
  assert.equal(s.beat.goal, "desk-waits");
  assert.equal(s.beat.goalMet, false);
  assert.match(s.live, /^subnet-a 10\.0\.1\.0\/28: 16 addresses, 11 usable, 8 used, 3 free; 2 nodes in subnet-a, 0 pods running, 0 waiting/);
  await clickLabel(page, "Add 5 desks");
  s = await state(page);
  assert.equal(s.beat.goalMet, false, "five desks fit on the rooms' first panels");
  assert.match(s.live, /5 pods running, 0 waiting in ContainerCreating \(InsufficientFreeAddressesInSubnet\)/,
    "ipamd's spare panel was refused already");
  await clickLabel(page, "Add a desk", { times: 2 });
  s = await state(page);
  assert.equal(s.beat.goalMet, true);
  assert.match(s.live, /6 pods running, 1 waiting in ContainerCreating \(InsufficientFreeAddressesInSubnet\)/);
  await locate(page, "##goal-met");
  await clickLabel(page, "Remove a desk");
  assert.equal((await state(page)).beat.goalMet, false, "the waiting desk leaves first");
  await closeClean(problems, context);
});

test("building-runs-out: the size in the text is typed, and the building follows", async () => {
  const { page, problems, context } = await openReady(env, `/#step=${STEP}&beat=1`);
  assert.equal((await state(page)).beat.focus, "reserved");
  await typeNumber(page, "size", "24");
  assert.match((await state(page)).live, /^subnet-a 10\.0\.1\.0\/24: 256 addresses, 251 usable/);
  // The view's own stepper moves the same knob.
  await clickInView(page, "+");
  assert.match((await state(page)).live, /^subnet-a 10\.0\.1\.0\/25: 128 addresses, 123 usable/);
  await closeClean(problems, context);
});

test("building-runs-out: a tagged building B catches new panels (subnet discovery)", async () => {
  const { page, problems, context } = await openReady(env, `/#step=${STEP}`);
  await goTo(page, 4);
  assert.match((await state(page)).live, /6 pods running, 2 waiting/);
  await goTo(page, 5);
  let s = await unmetGoal(page, "desks-served");
  assert.match(s.live, /2 waiting in ContainerCreating; subnet-b untagged, 0 ENIs in it/);
  await clickInView(page, "Give building B the \u201cdesks welcome\u201d sign");
  s = await state(page);
  assert.equal(s.beat.goalMet, true);
  assert.match(s.live, /8 pods running, 0 waiting in ContainerCreating; subnet-b tagged, 4 ENIs in it\.$/);
  await closeClean(problems, context);
  // In AWS words the same button names the tag.
  const aws = await openPage(env, `/#step=${STEP}&beat=5&terms=aws`);
  await ready(aws.page);
  await clickInView(aws.page, "Give subnet B the kubernetes.io/role/cni=1 tag");
  assert.equal((await state(aws.page)).beat.goalMet, true);
  assert.deepEqual(aws.problems, []);
  await aws.context.close();
});

test("building-runs-out: scattered singles refuse blocks; a reservation or an own building cures it", async () => {
  const { page, problems, context } = await openReady(env, `/#step=${STEP}&beat=7`);
  let s = await state(page);
  assert.equal(s.beat.focus, "blocks");
  assert.match(s.live, /^subnet-a 10\.0\.1\.0\/25: 128 addresses, 123 usable, 14 used, 109 free/);
  assert.match(s.live, /; 0 free aligned \/28 blocks \(InsufficientCidrBlocks\)\.$/);
  await goTo(page, 8);
  s = await state(page);
  assert.doesNotMatch(s.live, /InsufficientCidrBlocks/, "the upper half kept for blocks serves both rooms");
  await clickInView(page, "Cure: keep the upper half for blocks of 16 extensions");
  assert.match((await state(page)).live, /InsufficientCidrBlocks/, "without the reservation the blocks fail again");
  await clickInView(page, "Cure: a building of the rooms' own");
  s = await state(page);
  assert.match(s.live, /2 nodes in subnet-c/);
  assert.doesNotMatch(s.live, /InsufficientCidrBlocks/);
  await closeClean(problems, context);
});
