// playground.test.mjs: step "takeaways", the playground: its opening task met by rooms and
// typed desk counts, undo, import refusals, share links (opened, made, refused), all clicked
// by label; both vocabularies in state().live.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, ready, settle, locate, openReady, openAtGoal, closeClean, state } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const live = async (page) => (await state(page)).live;

// Base64url, as core::base64url_encode writes it.
const b64url = (text) => Buffer.from(text, "utf8").toString("base64")
  .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

// Scrolls the view (wheel over it) until the middle of a labelled widget is on the page,
// then clicks its middle: the playground is longer than the screen.
async function press(page, label) {
  await locate(page, "##figure");
  const vh = page.viewportSize().height;
  for (let i = 0; i < 20; ++i) {
    // A move draws a frame: a view that just got shorter clamps its scroll in it.
    await page.mouse.move(5 + i, vh / 2);
    await settle(page);
    const r = await page.evaluate((l) => window.cniCampus.locate(l), label);
    if (r && r.y + r.h / 2 >= 60 && r.y + r.h / 2 <= vh - 70) {
      await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
      await settle(page);
      return;
    }
    const fig = await page.evaluate(() => window.cniCampus.locate("##figure"));
    await page.mouse.move(fig.x + fig.w / 2, vh / 2);
    // Not drawn (clipped) on the first try: start from the top, then go down.
    const dy = r ? (r.y + r.h / 2 < 60 ? -250 : 250) : (i === 0 ? -5000 : 250);
    await page.mouse.wheel(0, dy);
    await settle(page);
  }
  throw new Error(`${label} never came into view: ${JSON.stringify(await page.evaluate((l) => window.cniCampus.locate(l), label))}`);
}

// Types a room's desk count into its field and presses Enter.
async function typeDesks(page, room, n) {
  await press(page, `##desks-${room}`);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(String(n));
  await page.keyboard.press("Enter");
  await settle(page);
}

test("playground: the task of seating 30 desks, met with typed desk counts; max-pods refuses more", async () => {
  const { page, problems, context } = await openAtGoal(env, "/#step=takeaways", "seat");
  let s = await state(page);
  assert.match(s.live, /^Playground: campus 10\.0\.0\.0\/16, 1 building, 1 room, 2 desks seated of 30; undo 0\./);
  await typeDesks(page, "node-a-1", 9);
  assert.match(await live(page), /1 room, 9 desks seated of 30; undo 1\./);
  await press(page, "+ desk");  // the tenth: kubelet's max-pods (11, 2 host-network pods)
  s = await state(page);
  assert.match(s.live, /9 desks seated of 30; undo 1\..*max-pods is 11/);
  for (let i = 0; i < 3; ++i) await press(page, "+ room");
  assert.match(await live(page), /4 rooms, 9 desks seated/);
  for (const room of ["node-b-1", "node-c-1", "node-d-1"]) await typeDesks(page, room, 7);
  s = await state(page);
  assert.match(s.live, /4 rooms, 30 desks seated of 30/);
  assert.equal(s.beat.goalMet, true);
  await locate(page, "##goal-met");
  await press(page, "Undo");
  assert.match(await live(page), /4 rooms, 23 desks seated of 30/);
  await closeClean(problems, context);
});

test("playground: a building, undo, and an import with a typo refused without change", async () => {
  const { page, problems, context } = await openReady(env, "/#step=takeaways&terms=aws");
  assert.match(await live(page), /^Playground: VPC 10\.0\.0\.0\/16, 1 subnet, 1 node, 2 pods seated of 30; undo 0\./);
  await press(page, "+ subnet");
  assert.match(await live(page), /2 subnets, 1 node, 2 pods seated of 30; undo 1\. Last: Added subnet subnet-b/);
  await press(page, "Undo");
  assert.match(await live(page), /1 subnet, 1 node, 2 pods seated of 30; undo 0\./);
  await press(page, "Import...");
  await press(page, "##import");
  await page.keyboard.type('{"version":1,"nmae":"x"}');
  await settle(page);
  await press(page, "Load");
  const text = await live(page);
  assert.match(text, /1 subnet, 1 node, 2 pods seated of 30; undo 0\./);
  assert.match(text, /Import refused: scenario: unknown key 'nmae'; did you mean name\?/);
  await closeClean(problems, context);
});

test("playground: a share link opens the campus; the learner's link reopens it; bad links change nothing", async () => {
  const scenario = JSON.stringify({
    version: 1, name: "shared",
    vpc: { cidrs: ["10.0.0.0/16", "100.64.0.0/16"] },
    subnets: [{ id: "subnet-a", cidr: "10.0.1.0/24" }, { id: "subnet-b", cidr: "100.64.0.0/20" }],
    nodeGroups: [{ name: "web", instanceType: "m5.large", subnet: "subnet-a", count: 2 }],
    pods: [{ nodeGroup: "web", count: 5 }],
  });
  const { page, problems, context } = await openReady(env, `/#step=takeaways&campus=${b64url(scenario)}&terms=aws`);
  let s = await state(page);
  assert.equal(s.step.id, "takeaways");
  assert.equal(s.error, null);
  assert.match(s.live, /^Playground: VPC 10\.0\.0\.0\/16, 100\.64\.0\.0\/16, 2 subnets, 2 nodes, 5 pods seated/);
  // A beat jump replays the step from its opening campus: the link's.
  await page.evaluate(() => window.cniCampus.goTo("takeaways", 3));
  await settle(page);
  await page.evaluate(() => window.cniCampus.goTo("takeaways", 0));
  await settle(page);
  assert.match(await live(page), /2 subnets, 2 nodes, 5 pods seated/);

  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.base });
  await press(page, "Share link");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#step=takeaways&terms=aws&campus=[A-Za-z0-9_-]+$/);
  const again = await openPage(env, link.slice(link.indexOf("#") - 1));
  await ready(again.page);
  assert.match(await live(again.page), /2 subnets, 2 nodes, 5 pods seated/);
  await again.context.close();

  // A newer version, broken JSON, a bad alphabet: an error banner, the opening campus.
  const newer = b64url(scenario.replace('"version":1', '"version":2'));
  for (const [code, why] of [[newer, /newer CNI Campus/], [b64url('{"version":1,'), /not valid JSON/],
                              ["abc*def", /outside base64url/]]) {
    const bad = await openPage(env, `/#step=takeaways&campus=${code}`);
    await ready(bad.page);
    s = await state(bad.page);
    assert.equal(s.step.id, "takeaways");
    assert.match(s.error, why);
    assert.match(s.live, /^Playground: campus 10\.0\.0\.0\/16, 1 building, 1 room, 2 desks seated of 30/);
    assert.deepEqual(bad.problems, []);
    await bad.context.close();
  }
  await closeClean(problems, context);
});
