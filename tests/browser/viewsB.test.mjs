// viewsB.test.mjs: the steps about calls and choices: vpc-cni-vs-overlay (comparison table)
// and choosing (decision guide); big-picture and why-it-matters are in steps_calls.test.mjs. Each opens by link and by goTo, draws without console errors,
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

test("vpc-cni-vs-overlay: selecting rows demonstrates them with core's numbers", async () => {
  const { page, problems, context } = await open("vpc-cni-vs-overlay");
  assert.match(await live(page), /RDS sees 10\.0\.1\.5; private intercom: RDS sees 10\.0\.1\.4/);
  await click(page, 740, 261);  // Debugging
  assert.match(await live(page), /direct-line system: 2 distinct source addresses\. private intercom: 1 distinct source address\./);
  await click(page, 740, 288);  // Addresses used
  assert.match(await live(page), /50 m5\.large rooms at full desks: direct-line system 1500 campus numbers, private intercom 50\./);
  await shot(page, "viewsB-comparison");
  assert.deepEqual(problems, []);
  await context.close();
});

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

test("goTo reaches each of these steps and every view draws its numbers", async () => {
  const { page, problems, context } = await open("choosing");
  for (const [id, pattern] of [["why-it-matters", /web-2 sees 10\.0\.1\.5/], ["choosing", /What do you see/],
                               ["vpc-cni-vs-overlay", /RDS sees 10\.0\.1\.4/]]) {
    assert.equal(await page.evaluate((s) => window.cniCampus.goTo(s), id), true);
    await settle(page);
    assert.equal((await page.evaluate(() => window.cniCampus.state())).step.id, id);
    assert.match(await live(page), pattern);
  }
  for (const size of [{ width: 800, height: 600 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(size);
    await settle(page);
    assert.match(await live(page), /RDS sees 10\.0\.1\.4/);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
