// viewsC2.test.mjs: the security-groups-for-pods view: it draws without console errors,
// reports its numbers in state().live, and changes them when the learner clicks. Positions
// are those of the 1280x800 layout (the view column starts at x = 657).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, ready, settle, shot, canvasColours } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const live = (page) => page.evaluate(() => window.cniCampus.state().live);
const state = (page) => page.evaluate(() => window.cniCampus.state());

async function click(page, x, y) {
  await page.mouse.click(x, y);
  await settle(page);
}


test("security groups for pods: the trunk costs m5.large 27 -> 18 pod IPs; 9 branch ENIs", async () => {
  const { page, problems, context } = await openPage(env, "/#step=security-groups-for-pods");
  await ready(page);
  let text = await live(page);
  assert.match(text, /^m5\.large, ENABLE_POD_ENI on: pod IPs 27 -> 18 \(the trunk ENI takes 1 of 3 ENIs\); 2 of 9 branch ENIs in use/);
  assert.match(text, /max-pods 29/);
  await shot(page, "viewsC2-security-groups");

  // "+ desk with its own security groups": a third branch ENI.
  await click(page, 780, 252);
  assert.match(await live(page), /3 of 9 branch ENIs in use/);

  // ENABLE_POD_ENI off: no trunk, all 27 pod IPs back.
  await click(page, 671, 149);
  text = await live(page);
  assert.match(text, /^m5\.large, ENABLE_POD_ENI off: pod IPs 27; /);
  assert.deepEqual(problems, []);
  await context.close();
});

test("security groups for pods: a t3 is not supported and gets no trunk", async () => {
  const { page, problems, context } = await openPage(env, "/#step=security-groups-for-pods");
  await ready(page);
  // The type picker: open it, search t3.small, pick it.
  await click(page, 850, 113);  // open the picker
  await click(page, 857, 153);  // into its search box
  await page.keyboard.type("t3.small");
  await settle(page);
  await click(page, 762, 183);
  const text = await live(page);
  assert.match(text, /^t3\.small, ENABLE_POD_ENI off \(not supported on t3\.small\): pod IPs 9; /);
  assert.deepEqual(problems, []);
  await context.close();
});
