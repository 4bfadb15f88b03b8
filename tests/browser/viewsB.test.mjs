// viewsB.test.mjs: the steps about calls and choices: big-picture (overlay beside the VPC
// CNI, animated), why-it-matters (traffic paths), vpc-cni-vs-overlay (comparison table);
// choosing is reached by goTo here and clicked in steps_choosing.test.mjs. Each opens by
// link and by goTo, draws without console errors, reports core's numbers in state().live,
// and reacts to real mouse clicks on the canvas.
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

test("big-picture: both systems' calls come from core, and Play animates then stops", async () => {
  const { page, problems, context } = await open("big-picture");
  let text = await live(page);
  assert.match(text, /separate phone system: api-1 sees 172\.16\.0\.2, RDS sees 10\.0\.1\.4/);
  assert.match(text, /building phone system: api-1 sees 10\.0\.1\.5, RDS sees 10\.0\.1\.5/);
  const f0 = await page.evaluate(() => window.cniCampus.state().frames);
  await page.mouse.click(710, 113);  // "Play the call"
  await page.waitForFunction(() => window.cniCampus.state().live.startsWith("Playing the call"));
  // Both calls arrive (about 7 s), then the frame loop goes idle again.
  await page.waitForFunction(() => !window.cniCampus.state().live.startsWith("Playing"), null,
    { timeout: 30000, polling: 200 });
  await settle(page);
  text = await live(page);
  assert.match(text, /RDS sees 10\.0\.1\.4/);
  const f1 = await page.evaluate(() => window.cniCampus.state().frames);
  assert.ok(f1 - f0 > 5, `the call was animated (${f1 - f0} frames)`);
  await shot(page, "viewsB-big-picture");
  assert.deepEqual(problems, []);
  await context.close();
});

test("why-it-matters: callee, SNAT setting and CNI change the traced path", async () => {
  const { page, problems, context } = await open("why-it-matters");
  assert.match(await live(page), /web-1 calls RDS .*Direct: RDS sees 10\.0\.1\.5, the desk's own extension/);
  await click(page, 869, 492);  // AWS_VPC_K8S_CNI_EXTERNALSNAT=true
  await click(page, 1072, 185);  // the internet
  let text = await live(page);
  assert.match(text, /external SNAT on/);
  assert.match(text, /Translated once, by the campus exchange: the internet server sees 198\.51\.100\.20/);
  await click(page, 975, 221);  // the overlay: its switchboard ignores the VPC CNI's settings
  text = await live(page);
  assert.match(text, /separate phone system/);
  assert.match(text, /Translated twice: node-a1 swaps in the room's main extension 10\.0\.1\.4/);
  await shot(page, "viewsB-traffic");
  assert.deepEqual(problems, []);
  await context.close();

  // AWS words come from the same core text.
  const aws = await open("why-it-matters", "&terms=aws");
  assert.match(await live(aws.page), /Direct: RDS sees 10\.0\.1\.5, the pod's own IP address/);
  assert.deepEqual(aws.problems, []);
  await aws.context.close();
});

test("vpc-cni-vs-overlay: selecting rows demonstrates them with core's numbers", async () => {
  const { page, problems, context } = await open("vpc-cni-vs-overlay");
  assert.match(await live(page), /RDS sees 10\.0\.1\.5; separate phone system: RDS sees 10\.0\.1\.4/);
  await click(page, 740, 261);  // Debugging
  assert.match(await live(page), /building phone system: 2 distinct source addresses\. separate phone system: 1 distinct source address\./);
  await click(page, 740, 288);  // Addresses used
  assert.match(await live(page), /50 m5\.large rooms at full desks: building phone system 1500 campus numbers, separate phone system 50\./);
  await shot(page, "viewsB-comparison");
  assert.deepEqual(problems, []);
  await context.close();
});

test("goTo reaches each of these steps and every view draws its numbers", async () => {
  const { page, problems, context } = await open("big-picture");
  for (const [id, pattern] of [["why-it-matters", /Direct: RDS sees/], ["vpc-cni-vs-overlay", /RDS sees 10\.0\.1\.4/],
                               ["choosing", /^Puzzle: 18 of 54 pods wait/], ["big-picture", /RDS sees 10\.0\.1\.4/]]) {
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
