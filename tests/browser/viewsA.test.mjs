// viewsA.test.mjs: the view of step prefix-delegation draws without errors, reports its
// numbers in state().live, and changes
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

  assert.deepEqual(problems, []);
  await context.close();
});

test("prefix-delegation: 9 -> 144, max-pods stays 11 until raised, a block for one desk", async () => {
  const { page, problems, context } = await open("prefix-delegation");
  const first = await live(page);
  assert.match(first, /^t3\.small, prefix delegation on: 144 pod addresses with prefixes \(9 without\)/);
  assert.match(first, /max-pods 146 by formula \(11 without\), recommended 110; kubelet max-pods now 11/);
  assert.match(first, /1 pod holds 16 addresses in 1 prefixes$/);
  await click(page, 701, 221, 9); // Add a desk x 9: the last is refused
  const stuck = await live(page);
  assert.match(stuck, /kubelet max-pods now 11; 9 pods hold/);
  assert.match(stuck, /raise max-pods/);
  await click(page, 671, 185); // raise kubelet max-pods
  assert.match(await live(page), /kubelet max-pods now 110; 9 pods hold/);
  await click(page, 701, 221); // now a tenth desk fits
  assert.match(await live(page), /kubelet max-pods now 110; 10 pods hold/);
  await click(page, 791, 149); // prefix delegation off: the node is replaced, desks kept
  const off = await live(page);
  assert.match(off, /prefix delegation off/);
  // max-pods stays raised, but without blocks only 9 addresses exist: the tenth desk waits.
  assert.match(off, /kubelet max-pods now 110; 9 pods hold 9 addresses; 1 waiting for an address/);
  assert.deepEqual(problems, []);
  await context.close();
});
