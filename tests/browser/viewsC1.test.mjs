// viewsC1.test.mjs: the view of step building-runs-out draws without console errors,
// reports its numbers in state().live, and changes them when the learner clicks.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, ready, settle, shot, clickLabel } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

async function open(step) {
  const opened = await openPage(env, `/#step=${step}`);
  await ready(opened.page);
  return opened;
}

async function live(page) {
  return (await page.evaluate(() => window.cniCampus.state())).live;
}

async function click(page, x, y, times = 1) {
  for (let i = 0; i < times; ++i) {
    await page.mouse.click(x, y);
    await settle(page);
  }
}

// "... 42 desks running, 3 waiting in ContainerCreating" -> {running: 42, waiting: 3}
function counts(text) {
  const running = Number((text.match(/(\d+) \w+ running/) || [])[1]);
  const waiting = Number((text.match(/(\d+) waiting in ContainerCreating/) || [])[1]);
  return { running, waiting };
}

test("building-runs-out: the /26 building fills until InsufficientFreeAddressesInSubnet", async () => {
  const { page, problems, context } = await open("building-runs-out");
  assert.equal((await page.evaluate(() => window.cniCampus.state())).step.id, "building-runs-out");
  let text = await live(page);
  // 64 addresses, 5 kept by AWS; one t3.small room holds its own address and 3 spares.
  assert.match(text, /10\.0\.1\.0\/26: 64 numbers, 5 reserved by AWS, 55 free, 2 free aligned \/28 blocks; 1 room,/);
  await clickLabel(page, "Add room");
  assert.match(await live(page), /; 2 rooms,/);
  await clickLabel(page, "Add room", { times: 3 });
  await clickLabel(page, "Add 10 desks", { times: 5 });
  text = await live(page);
  await shot(page, "viewsC1-exhaustion-full");
  assert.match(text, /\(InsufficientFreeAddressesInSubnet\)/);
  const c = counts(text);
  assert.ok(c.waiting > 0, `desks wait in ContainerCreating: ${text}`);
  assert.ok(c.running > 30, `most desks run: ${text}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("building-runs-out: scattered singles refuse prefixes (InsufficientCidrBlocks) with addresses free", async () => {
  const { page, problems, context } = await open("building-runs-out");
  await clickLabel(page, "prefix delegation");
  await clickLabel(page, "scatter single numbers (as EC2 does)");
  await clickLabel(page, "Add room", { times: 2 });
  await clickLabel(page, "Add 10 desks", { times: 2 });
  const text = await live(page);
  await shot(page, "viewsC1-exhaustion-scatter");
  assert.match(text, /\(InsufficientCidrBlocks\)/);
  const free = Number(text.match(/(\d+) free, 0 free aligned \/28 blocks/)[1]);
  assert.ok(free > 16, `plenty of single addresses remain: ${text}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("building-runs-out: the upper half kept for prefixes takes the blocks, singles stay below", async () => {
  const { page, problems, context } = await open("building-runs-out");
  await clickLabel(page, "##size");  // building size
  await clickLabel(page, "/24");
  await clickLabel(page, "prefix delegation");
  await clickLabel(page, "scatter single numbers (as EC2 does)");
  await clickLabel(page, "cure: keep the upper half of Building A for blocks of 16 extensions");
  await clickLabel(page, "Other things take 10 numbers", { times: 3 });
  await clickLabel(page, "Add room", { times: 3 });
  const text = await live(page);
  await shot(page, "viewsC1-exhaustion-reservation");
  assert.match(text, /^Building A 10\.0\.1\.0\/24: 256 numbers/);
  assert.match(text, /4 rooms/);
  assert.doesNotMatch(text, /InsufficientCidrBlocks/);
  // The reserved half held 7 blocks (its last one holds .255): 4 rooms took one each.
  assert.match(text, / 3 free aligned \/28 blocks/);
  assert.deepEqual(problems, []);
  await context.close();
});
