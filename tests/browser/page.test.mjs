// page.test.mjs: the full page loads, draws, and exposes a well-formed window.cniCampus.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, ready, shot, canvasColours } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

test("first screen draws the campus, with no console or page error", async () => {
  const { page, problems, foreign, context } = await openPage(env, "/");
  await ready(page);
  const colours = await canvasColours(page);
  assert.ok(colours > 10, `canvas shows only ${colours} colours: nothing drawn`);
  await shot(page, "first-screen");
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, [], "no request may leave the origin");
  await context.close();
});

test("state() is well formed and goTo switches steps", async () => {
  const { page, problems, context } = await openPage(env, "/");
  await ready(page);
  const s = await page.evaluate(() => window.cniCampus.state());
  assert.equal(typeof s.step.id, "string");
  assert.equal(s.step.index, 0);
  assert.equal(typeof s.step.title, "string");
  assert.ok(Array.isArray(s.steps) && s.steps.length >= 10, "a list of steps");
  for (const st of s.steps) {
    assert.match(st.id, /^[a-z0-9-]+$/);
    assert.ok(st.title.length > 0);
  }
  assert.ok(Number.isInteger(s.frames) && s.frames > 0);
  assert.equal(s.error, null);
  const target = s.steps[4].id;
  assert.equal(await page.evaluate((id) => window.cniCampus.goTo(id), target), true);
  const after2 = await page.evaluate(() => window.cniCampus.state());
  assert.equal(after2.step.id, target);
  assert.equal(after2.step.index, 4);
  assert.equal(await page.evaluate(() => location.hash), `#step=${target}`);
  assert.equal(await page.evaluate(() => window.cniCampus.goTo("no-such-step")), false);
  assert.equal((await page.evaluate(() => window.cniCampus.state())).step.id, target);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a deep link opens its step; a bad fragment changes nothing and says why", async () => {
  const { page, problems, context } = await openPage(env, "/#step=desk-limit");
  await ready(page);
  assert.equal((await page.evaluate(() => window.cniCampus.state())).step.id, "desk-limit");
  await shot(page, "desk-limit");
  // Editing the fragment in place (hashchange): a bad step keeps the current one.
  await page.evaluate(() => { location.hash = "#step=<script>alert(1)</script>"; });
  await page.waitForFunction(() => window.cniCampus.state().error !== null);
  let s = await page.evaluate(() => window.cniCampus.state());
  assert.equal(s.step.id, "desk-limit");
  assert.match(s.error, /not a step name/);
  await page.evaluate(() => { location.hash = "#step=prefix-delegation"; });
  await page.waitForFunction(() => window.cniCampus.state().step.id === "prefix-delegation");
  assert.deepEqual(problems, []);
  await context.close();

  // A fresh load of a link to a step that does not exist: first step, with a message.
  const fresh = await openPage(env, "/#step=no-such-step");
  await ready(fresh.page);
  s = await fresh.page.evaluate(() => window.cniCampus.state());
  assert.equal(s.step.index, 0);
  assert.match(s.error, /no step called 'no-such-step'/);
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
});
