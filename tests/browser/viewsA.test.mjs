// viewsA.test.mjs: the views of steps phone-panel, the-rules and desk-limit draw without
// errors, report their numbers in state().live, and change
// them on real mouse clicks. Click positions are for the 1280x800 two-column layout (the
// view column starts at x = 657); each test checks the live text before and after, so a
// moved widget shows up as a failed expectation, not a silent pass.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, ready, settle, canvasColours } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const live = (page) => page.evaluate(() => window.cniCampus.state().live);

async function click(page, x, y, times = 1) {
  for (let i = 0; i < times; ++i) {
    await page.mouse.click(x, y);
    await settle(page);
  }
}

async function open(step) {
  const opened = await openPage(env, `/#step=${step}`);
  await ready(opened.page);
  const s = await opened.page.evaluate(() => window.cniCampus.state());
  assert.equal(s.step.id, step);
  assert.ok((await canvasColours(opened.page)) > 10, "the view draws something");
  return opened;
}

test("phone-panel: desks take extensions, a second panel comes early, kubelet refuses at max-pods", async () => {
  const { page, problems, context } = await open("phone-panel");
  assert.match(await live(page), /^t3\.small: 1 of 3 ENIs attached, 0 pods, 3 spare secondary IPs; max-pods 11$/);
  await click(page, 701, 149); // Add a desk
  // One pod, and ipamd already attached a second ENI (WARM_ENI_TARGET=1).
  assert.match(await live(page), /2 of 3 ENIs attached, 1 pod, 5 spare secondary IPs/);
  await click(page, 701, 149, 9);
  const full = await live(page);
  assert.match(full, /3 of 3 ENIs attached, 9 pods, 0 spare/);
  assert.match(full, /max-pods is 11/, "the tenth desk is refused by kubelet");
  await click(page, 814, 149); // Remove a desk
  assert.match(await live(page), /3 of 3 ENIs attached, 8 pods, 1 spare/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the-rules: each tab names its rule with the type's numbers", async () => {
  const { page, problems, context } = await open("the-rules");
  const first = await live(page);
  assert.match(first, /^t3\.small: rule 1, the node's primary IP\. 3 ENIs x 4 IPs per ENI/);
  assert.match(first, /9 pod addresses$/);
  await click(page, 1137, 157); // tab 3: how many panels
  assert.match(await live(page), /rule 3, ENI limit/);
  await click(page, 745, 193); // tab 4: slots per panel
  assert.match(await live(page), /rule 4, IPs per ENI/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("desk-limit: numbers and CPU/memory for t3.small, then another type from the picker", async () => {
  const { page, problems, context } = await open("desk-limit");
  const first = await live(page);
  assert.match(first, /^t3\.small: 3 ENIs x 4 IPs; 9 pod addresses; max-pods 11;/);
  assert.match(first, /; 9 of 9 pods fit at 100m and 128 MiB: CPU 45%, memory 56%; first limit IP addresses$/);
  await click(page, 860, 113); // open the picker
  await click(page, 860, 141); // its search box
  await page.keyboard.type("m5.large");
  await settle(page);
  await click(page, 800, 183); // the only match
  const m5 = await live(page);
  assert.match(m5, /^m5\.large: 3 ENIs x 10 IPs; 27 pod addresses; max-pods 29;/);
  // The CPU runs out first: 20 pods fill its 2000m, and 7 of the 27 addresses stay free.
  assert.match(m5, /; 20 of 27 pods fit at 100m and 128 MiB: CPU 100%, memory 31%; first limit CPU$/);
  assert.deepEqual(problems, []);
  await context.close();
});
