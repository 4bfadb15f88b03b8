// viewsC2.test.mjs: the warm-pool and security-groups-for-pods views: each draws without
// console errors, reports its numbers in state().live, and changes them when the learner
// clicks. Positions are those of the 1280x800 layout (the view column starts at x = 657).
// The playground (takeaways) is tested in playground.test.mjs.
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

test("warm-pool: one desk on a t3.small holds two ENIs; the knobs change the pool", async () => {
  const { page, problems, context } = await openPage(env, "/#step=warm-pool");
  await ready(page);
  assert.ok(await canvasColours(page) > 10);
  let text = await live(page);
  assert.match(text, /^t3\.small, WARM_ENI_TARGET 1, WARM_IP_TARGET 0/);
  assert.match(text, /2 of 3 ENIs, 6 IPs held, 5 free, 1 pod, max-pods 11/);
  assert.match(text, /free IPs 5 >= WARM_ENI_TARGET 1 x 3 IPs per ENI = 3/);

  // WARM_ENI_TARGET "+": two ENIs' worth of free IPs means the third ENI.
  await click(page, 746, 217);
  text = await live(page);
  assert.match(text, /WARM_ENI_TARGET 2,/);
  assert.match(text, /3 of 3 ENIs, 9 IPs held, 8 free, 1 pod/);

  // WARM_IP_TARGET "+" twice: it overrides WARM_ENI_TARGET and extra IPs are released.
  await click(page, 1043, 217);
  await click(page, 1043, 217);
  text = await live(page);
  assert.match(text, /WARM_IP_TARGET 2,/);
  assert.match(text, /over = min\(free \d+ - WARM_IP_TARGET 2|free IPs? ?\d|short = max/);
  assert.match(text, /, 1 pod, max-pods 11/);
  assert.ok(!/9 IPs held/.test(text), `the pool shrank: ${text}`);

  // "Show me: 1 desk on a t3.small" puts the classic case back.
  await click(page, 760, 149);
  text = await live(page);
  assert.match(text, /WARM_ENI_TARGET 1, WARM_IP_TARGET 0, MINIMUM_IP_TARGET 0, WARM_PREFIX_TARGET 1: 2 of 3 ENIs, 6 IPs held, 5 free, 1 pod/);
  await shot(page, "viewsC2-warm-pool");

  // Prefix delegation rebuilds the room with the same desk: prefixes, max-pods still 11.
  await click(page, 1011, 113);
  text = await live(page);
  assert.match(text, /^t3\.small with prefix delegation/);
  assert.match(text, /1 pod, max-pods 11/);
  assert.deepEqual(problems, []);
  await context.close();
});

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
