// viewsC2.test.mjs: the warm-pool and playground (takeaways) views: each draws without
// console errors, reports its numbers in state().live, and changes them when the learner
// clicks. Positions are those of the 1280x800 layout (the view column starts at x = 657); the
// playground's share link is opened in a fresh page.
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

// Base64url, as core::base64url_encode writes it.
const b64url = (text) => Buffer.from(text, "utf8").toString("base64")
  .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

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

test("playground: add a building and a desk, undo, and the campus numbers follow", async () => {
  const { page, problems, context } = await openPage(env, "/#step=takeaways");
  await ready(page);
  let text = await live(page);
  assert.match(text, /^Playground: VPC 10\.0\.0\.0\/16, 1 subnet, 1 node, 2 pods; undo 0/);
  await shot(page, "viewsC2-playground");

  await click(page, 687, 625);  // "+ desk" on node-a-1
  assert.match(await live(page), /1 subnet, 1 node, 3 pods; undo 1\. Last: pod-3 got 10\.0\.0\.\d+/);

  await click(page, 697, 525);  // "+ building": the next free /24
  text = await live(page);
  assert.match(text, /2 subnets, 1 node, 3 pods; undo 2/);

  await click(page, 684, 113);  // Undo
  assert.match(await live(page), /1 subnet, 1 node, 3 pods; undo 1/);

  // Import a scenario with a typo: refused with the key named, the campus unchanged.
  await click(page, 1204, 113);  // Import...
  await click(page, 900, 240);   // into the box
  await page.keyboard.type('{"version":1,"nmae":"x"}');
  await settle(page);
  await click(page, 681, 341);   // Load
  text = await live(page);
  assert.match(text, /1 subnet, 1 node, 3 pods; undo 1/);
  assert.match(text, /Import refused: scenario: unknown key 'nmae'; did you mean name\?/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("playground: a share link opens the campus; bad links change nothing and say why", async () => {
  const scenario = JSON.stringify({
    version: 1, name: "shared",
    vpc: { cidrs: ["10.0.0.0/16", "100.64.0.0/16"] },
    subnets: [{ id: "subnet-a", cidr: "10.0.1.0/24" }, { id: "subnet-b", cidr: "100.64.0.0/20" }],
    nodeGroups: [{ name: "web", instanceType: "m5.large", subnet: "subnet-a", count: 2 }],
    pods: [{ nodeGroup: "web", count: 5 }],
  });
  const { page, problems, context } = await openPage(env, `/#step=takeaways&campus=${b64url(scenario)}`);
  await ready(page);
  let s = await state(page);
  assert.equal(s.step.id, "takeaways");
  assert.equal(s.error, null);
  assert.match(s.live, /^Playground: VPC 10\.0\.0\.0\/16, 100\.64\.0\.0\/16, 2 subnets, 2 nodes, 5 pods/);

  // The learner's own share link reopens the same campus in a fresh page.
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.base });
  await click(page, 1118, 113);  // Share link
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#step=takeaways&campus=[A-Za-z0-9_-]+$/);
  const again = await openPage(env, link.slice(link.indexOf("#") - 1));
  await ready(again.page);
  assert.match(await live(again.page), /2 subnets, 2 nodes, 5 pods/);
  await again.context.close();

  // A newer version, broken JSON, a bad alphabet: an error banner, the default campus.
  const newer = b64url(scenario.replace('"version":1', '"version":2'));
  for (const [code, why] of [[newer, /newer CNI Campus/], [b64url('{"version":1,'), /not valid JSON/],
                              ["abc*def", /outside base64url/]]) {
    const bad = await openPage(env, `/#step=takeaways&campus=${code}`);
    await ready(bad.page);
    s = await state(bad.page);
    assert.equal(s.step.id, "takeaways");
    assert.match(s.error, why);
    assert.match(s.live, /^Playground: VPC 10\.0\.0\.0\/16, 1 subnet, 1 node, 2 pods/);
    assert.deepEqual(bad.problems, []);
    await bad.context.close();
  }
  assert.deepEqual(problems, []);
  await context.close();
});
