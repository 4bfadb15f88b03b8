// viewsB.test.mjs: the decision guide (step "choosing"). The steps about calls (big-picture,
// why-it-matters, vpc-cni-vs-overlay) are in steps_calls.test.mjs. Each opens by link and by goTo, draws without console errors,
// reports core's numbers in state().live, and reacts to real mouse clicks on the canvas.
// Click positions are for a 1280x800 page (step list on the left, view on the right).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, ready, settle, shot } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const live = (page) => page.evaluate(() => window.cniCampus.state().live);

async function click(page, x, y) {
  await page.mouse.click(x, y);
  await settle(page);
  await page.mouse.move(5, 795);  // away from tooltips
  await settle(page);
}

async function open(step, terms = "") {
  const o = await openPage(env, `/#step=${step}${terms}`);
  await ready(o.page);
  return o;
}

test("choosing: answers lead to a fix, and applying it changes the numbers", async () => {
  const { page, problems, context } = await open("choosing");
  assert.match(await live(page), /^Question: What do you see\?/);
  await click(page, 900, 154);  // a room turns desks away
  assert.match(await live(page), /^Question: Is prefix delegation already on/);
  await click(page, 900, 210);  // no, not yet
  let text = await live(page);
  assert.match(text, /^Fix: Prefix delegation/);
  assert.match(text, /desks running 9; desks turned away at desk limit 21; desk limit 11;/);
  await click(page, 706, 447);  // Apply the fix
  text = await live(page);
  assert.match(text, /Applied: desks running 9 -> 30; desks turned away at desk limit 21 -> 0; desk limit 11 -> 110;/);
  await shot(page, "viewsB-decision");
  assert.deepEqual(problems, []);
  await context.close();
});

test("goTo reaches the step and its view draws its numbers at every size", async () => {
  const { page, problems, context } = await open("phone-panel");
  assert.equal(await page.evaluate(() => window.cniCampus.goTo("choosing")), true);
  await settle(page);
  assert.equal((await page.evaluate(() => window.cniCampus.state())).step.id, "choosing");
  assert.match(await live(page), /What do you see/);
  for (const size of [{ width: 800, height: 600 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(size);
    await settle(page);
    assert.match(await live(page), /What do you see/);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
