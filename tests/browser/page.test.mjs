// page.test.mjs: the full page loads, draws, and exposes a well-formed window.cniCampus;
// its DOM for screen readers and the keyboard: one short live region, stable text, the
// plain-page link visible when it has the focus.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, ready, shot, canvasColours, clickLabel, openReady, closeClean, state } from "./harness.mjs";

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
  const { page, problems, context } = await openReady(env, "/");
  const s = await state(page);
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
  const after2 = await state(page);
  assert.equal(after2.step.id, target);
  assert.equal(after2.step.index, 4);
  assert.equal(await page.evaluate(() => location.hash), `#step=${target}`);
  assert.equal(await page.evaluate(() => window.cniCampus.goTo("no-such-step")), false);
  assert.equal((await state(page)).step.id, target);
  await closeClean(problems, context);
});

test("a deep link opens its step; a bad fragment changes nothing and says why", async () => {
  const { page, problems, context } = await openReady(env, "/#step=desk-limit");
  assert.equal((await state(page)).step.id, "desk-limit");
  await shot(page, "desk-limit");
  // Editing the fragment in place (hashchange): a bad step keeps the current one.
  await page.evaluate(() => { location.hash = "#step=<script>alert(1)</script>"; });
  await page.waitForFunction(() => window.cniCampus.state().error !== null);
  let s = await state(page);
  assert.equal(s.step.id, "desk-limit");
  assert.match(s.error, /not a step name/);
  await page.evaluate(() => { location.hash = "#step=prefix-delegation"; });
  await page.waitForFunction(() => window.cniCampus.state().step.id === "prefix-delegation");
  await closeClean(problems, context);

  // A fresh load of a link to a step that does not exist: first step, with a message.
  const fresh = await openPage(env, "/#step=no-such-step");
  await ready(fresh.page);
  s = await fresh.page.evaluate(() => window.cniCampus.state());
  assert.equal(s.step.index, 0);
  assert.match(s.error, /no step called 'no-such-step'/);
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
});

test("a model change mutates only the live region of the DOM mirror", async () => {
  const { page, problems, context } = await openReady(env, "/#step=phone-panel");
  // The live region is the one aria-live element; the rest of the mirror is not live.
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll("[aria-live]")].map((e) => e.id).sort()),
    ["loader", "mirror-live"]);
  assert.equal(await page.getAttribute("#mirror", "aria-live"), null);
  await page.evaluate(() => {
    window.__mutations = [];
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        window.__mutations.push(el.closest("[id]").id);
      }
    }).observe(document.getElementById("mirror"), { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const before = await page.textContent("#mirror-live");
  await clickLabel(page, "Add a desk", { times: 3 });
  const after = await page.textContent("#mirror-live");
  assert.notEqual(after, before, "the live numbers changed");
  const targets = await page.evaluate(() => window.__mutations);
  assert.ok(targets.length > 0 && targets.length <= 3, `${targets.length} mutations for 3 clicks`);
  assert.deepEqual([...new Set(targets)], ["mirror-live"], "only the live region changed");
  // A step change rewrites the heading and the text (not live: the canvas' label points there).
  await page.evaluate(() => { window.__mutations = []; window.cniCampus.goTo("the-rules"); });
  await page.waitForFunction(() => window.__mutations.includes("mirror-heading"));
  await closeClean(problems, context);
});

test("the plain-page link is out of sight until it has the keyboard focus", async () => {
  const { page, context } = await openPage(env, "/");
  await ready(page);
  const inView = (sel) => page.evaluate((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.width > 10 && r.height > 10 && r.bottom <= innerHeight && r.top >= 0 && hit === document.querySelector(s);
  }, sel);
  for (const sel of ["#mirror-link", "#text-version"]) {
    assert.equal(await inView(sel), false, `${sel} shows before it has the focus`);
    await page.focus(sel);
    await page.waitForFunction((s) => {
      const r = document.querySelector(s).getBoundingClientRect();
      return r.bottom <= innerHeight && r.top >= 0;
    }, sel);
    assert.equal(await inView(sel), true, `${sel} is not visible with the focus`);
    await shot(page, `focus-${sel.slice(1)}`);
    await page.evaluate(() => document.activeElement.blur());
  }
  await context.close();
});
