// mirror.test.mjs: the DOM mirror's exercises, for a reader who never touches the canvas (a
// screen reader, the keyboard). Every exercise of every step is a real form after the
// canvas; it is answered through the DOM alone, checked by the module (the same exercise the
// canvas shows), and says right or wrong in its own status line. After two wrong tries the
// answer can be shown; a form with the keyboard focus is in sight.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, ready, settle, openReady, closeClean, state } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const feedback = (form) => form.$eval(".mirror-feedback", (p) => p.textContent);

async function submit(form) {
  await form.$eval("button[type=submit]", (b) => b.click());
  return feedback(form);
}

// What a check says in the form: "Right." (then its working) or "Not yet." and a hint; never
// the verdict twice.
const FEEDBACK = /^(Right\.(?! Right\.)|Not yet\. \S)/;

// Tries each choice in turn, through the DOM only, until the module says it is right.
async function solveChoice(form, where) {
  const radios = await form.$$("input[type=radio]");
  assert.ok(radios.length >= 2, `${where}: choices offered`);
  for (const r of radios) {
    await r.focus();  // as the keyboard does: the form comes into sight with the focus
    await r.press("Space");
    const said = await submit(form);
    assert.match(said, FEEDBACK, `${where}: feedback in the form`);
    if (said.startsWith("Right.")) return;
  }
  assert.fail(`${where}: no choice was right`);
}

// Two wrong tries (the range's ends), then the answer shown, then that answer checked.
async function solveNumber(form, where) {
  const input = await form.$("input[type=number]");
  const [min, max] = await input.evaluate((i) => [i.min, i.max]);
  await input.focus();
  for (const v of [min, max]) {
    await input.fill(v);
    const said = await submit(form);
    assert.match(said, FEEDBACK, `${where}: feedback for ${v}`);
    if (said.startsWith("Right.")) return;
  }
  const reveal = await form.$("button:not([type=submit]):has-text('Show the answer')");
  assert.ok(await reveal.isVisible(), `${where}: the answer may be shown after two wrong tries`);
  await reveal.focus();
  await reveal.press("Enter");
  const shown = await feedback(form);
  const m = shown.match(/^The answer: ([0-9,]+)/);
  assert.ok(m, `${where}: the answer shown: ${shown}`);
  await input.focus();
  await input.fill(m[1].replace(/,/g, ""));
  assert.match(await submit(form), /^Right\./, `${where}: the shown answer checks right`);
}

async function trySetup(form, where) {
  const first = await form.$("input[type=radio]");
  await first.focus();
  await first.press("Space");
  const mp = await form.$("input[type=number]");
  await mp.focus();
  await mp.fill(await mp.evaluate((i) => i.min));
  assert.match(await submit(form), FEEDBACK, `${where}: feedback`);
}

test("every exercise of every step is a form in the mirror, answered through the DOM", async () => {
  const { page, problems, context } = await openReady(env, "/");
  const steps = (await state(page)).steps;
  let forms = 0;
  let kinds = new Set();
  for (const step of steps) {
    assert.equal(await page.evaluate((id) => window.cniCampus.goTo(id), step.id), true);
    await page.waitForFunction(() => ["ready", "none", undefined].includes(window.cniCampus.state().deferred), null, { timeout: 20000 });
    await settle(page);
    const s = await state(page);
    if (!s.exercises || !s.exercises.current) continue;  // a step without exercises
    await page.waitForFunction((id) => {
      const f = document.querySelector("#mirror-exercises form");
      return f && document.getElementById("mirror-exercises").textContent.length > 0 &&
        window.cniCampus.state().step.id === id;
    }, step.id, { timeout: 10000 });
    const count = await page.$$eval("#mirror-exercises form", (f) => f.length);
    for (let i = 0; i < count; ++i) {
      const form = (await page.$$("#mirror-exercises form"))[i];
      const where = `${step.id} form ${i + 1}`;
      if (await form.$("input[name$=type]")) { kinds.add("setup"); await trySetup(form, where); }
      else if (await form.$("input[type=radio]")) { kinds.add("choice"); await solveChoice(form, where); }
      else { kinds.add("number"); await solveNumber(form, where); }
      ++forms;
    }
  }
  assert.ok(forms >= 26, `every exercise has a form (${forms})`);
  assert.deepEqual([...kinds].sort(), ["choice", "number", "setup"]);
  await closeClean(problems, context);
});

test("a choice solved in the mirror is solved for the canvas too, and saved", async () => {
  const { page, problems, context } = await openReady(env, "/#step=phone-panel");
  await page.waitForFunction(() => document.querySelector("#mirror-exercises input[type=radio]"), null, { timeout: 20000 });
  const before = (await state(page)).exercises.solved;
  const form = await page.$("#mirror-exercises form:has(input[type=radio])");
  await solveChoice(form, "phone-panel");
  await settle(page);
  assert.equal((await state(page)).exercises.solved, before + 1);
  const saved = await page.evaluate(() => localStorage.getItem("cni-campus:progress"));
  assert.ok(saved && saved.length > 0, "progress saved");
  // An empty answer is refused in the form itself; nothing is sent, nothing changes.
  const number = await page.$("#mirror-exercises form:has(input[type=number])");
  await (await number.$("input[type=number]")).focus();
  assert.equal(await submit(number), "Give an answer first.");
  assert.equal((await state(page)).exercises.solved, before + 1);
  await closeClean(problems, context);
});

test("with the keyboard focus in a form, the exercises are in sight; Tab moves through them", async () => {
  const { page, problems, context } = await openReady(env, "/#step=desk-limit");
  await page.waitForFunction(() => document.querySelector("#mirror-exercises input"), null, { timeout: 20000 });
  const hidden = await page.$eval("#mirror-exercises", (e) => e.getBoundingClientRect().height);
  assert.ok(hidden <= 1, "out of sight while nothing in it has the focus");
  await page.focus("#mirror-exercises input");
  const box = await page.$eval("#mirror-exercises", (e) => { const r = e.getBoundingClientRect(); return { y: r.y, h: r.height }; });
  assert.ok(box.h > 100 && box.y >= 0 && box.y < 800, `in sight with the focus: ${JSON.stringify(box)}`);
  await page.keyboard.press("Tab");
  assert.ok(await page.evaluate(() => document.getElementById("mirror-exercises").contains(document.activeElement)),
    "Tab goes on to the form's next control");
  await closeClean(problems, context);
});
