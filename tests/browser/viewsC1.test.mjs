// viewsC1.test.mjs: the "custom-networking" and "secondary-cidrs" views draw without
// errors, say their numbers in state().live, and real mouse clicks on their buttons change
// the model as core computes it. They click positions of the 1280x800 layout (the view
// column starts at x = 657; its controls sit at fixed rows). building-runs-out:
// steps_buildings.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, ready, settle, shot } from "./harness.mjs";

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

test("custom-networking: replace the room, desks stuck until max-pods is 20", async () => {
  const { page, problems, context } = await open("custom-networking");
  assert.match(await live(page), /node-1 \(m5\.large\), custom networking off: kubelet max-pods 29, formula 29, 27 /);
  await click(page, 670, 149);  // AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true on the running room
  assert.match(await live(page), /Custom networking cannot change on a running node: replace node-1/);
  await click(page, 720, 289);  // Replace the room
  assert.match(await live(page), /node-2 \(m5\.large\), custom networking on, desks from 100\.64\.0\.0\/24: kubelet max-pods 29, formula 20, 18 /);
  await click(page, 797, 289, 3);  // Add 10 desks, three times
  let text = await live(page);
  assert.match(text, /18 desks running, 9 waiting in ContainerCreating, 3 Pending/);
  await click(page, 1062, 289);  // Set max-pods to 20
  text = await live(page);
  await shot(page, "viewsC1-custom-maxpods");
  assert.match(text, /kubelet max-pods 20, formula 20/);
  assert.match(text, /18 desks running, 0 waiting in ContainerCreating, 12 Pending/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("custom-networking: an ENIConfig subnet in another zone is refused", async () => {
  const { page, problems, context } = await open("custom-networking");
  await click(page, 670, 245);  // 100.64.1.0/24 in us-east-1b
  assert.match(await live(page), /ENIConfig subnet must be in the node's availability zone: subnet-pods-b is in us-east-1b/);
  await click(page, 670, 149);  // switch on
  await click(page, 720, 289);  // Replace the room: refused, the room stays
  const text = await live(page);
  assert.match(text, /^node-1 \(m5\.large\), custom networking off/);
  assert.match(text, /availability zone/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("secondary-cidrs: 100.64.0.0/16 accepted, a building in it, 198.19.0.0/16 refused", async () => {
  const { page, problems, context } = await open("secondary-cidrs");
  assert.match(await live(page), /1 of 5 CIDR blocks \(10\.0\.0\.0\/22\), 1,024 numbers; 4 buildings with 1,004 usable/);
  await click(page, 798, 255);  // Add 100.64.0.0/16
  assert.match(await live(page), /2 of 5 CIDR blocks \(10\.0\.0\.0\/22, 100\.64\.0\.0\/16\), 66,560 numbers; 4 buildings/);
  await click(page, 1172, 627);  // Add a /20 building in 100.64.0.0/16
  assert.match(await live(page), /5 buildings with 5,095 usable\. Building E \(100\.64\.0\.0\/20/);
  await click(page, 798, 301);  // 198.19.0.0/16 beside a 10.x primary
  const text = await live(page);
  await shot(page, "viewsC1-secondary");
  assert.match(text, /2 of 5 CIDR blocks/);
  assert.match(text, /198\.19\.0\.0\/16 is refused/);
  assert.deepEqual(problems, []);
  await context.close();
});
