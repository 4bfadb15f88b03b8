// exercises.test.mjs: the exercises of a step's practice beat through real input, found by
// their labels (cniCampus.locate): a choice answered wrong then right and kept across a
// reload; a number typed in and checked, with the feedback in sight at both sizes; the
// answer shown after two wrong tries (not counted as solved) and another variant; a missed
// question of the final check tried again alone; Reset progress; a corrupt saved value.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPractice, ready, settle, locate, clickLabel, canvasColours, pressInView, openReady, closeClean, state } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, touch: true };
const current = async (page) => (await state(page)).exercises.current;

const practice = (step, options, extra) => { lastPressed = null; return openPractice(env, step, options, extra); };

function inViewport(r, vp, what) {
  assert.ok(r && r.w > 0 && r.h > 0, `${what} was drawn`);
  assert.ok(r.y >= 0 && r.y + r.h <= vp.height + 1 && r.x >= 0 && r.x + r.w <= vp.width + 1,
    `${what} inside the viewport: ${JSON.stringify(r)}`);
}

// Clicks a labelled widget after scrolling it into the column's view with the wheel, then
// takes the pointer off it. A widget below the column's fold is not drawn at all (the final
// check's Check under a long choice): the wheel then turns where the last press was, or over
// the beat's words.
let lastPressed = null;
async function press(page, label, nth = 0) {
  const near = lastPressed || (await page.evaluate(() => window.cniCampus.locate("##beat-text")));
  lastPressed = await pressInView(page, label, { nth, wheel: 150, near });
  await page.mouse.move(1, 1);
  await settle(page);
}

test("a choice answered wrong then right through the mouse; progress survives a reload", async () => {
  const { page, problems, context } = await practice("phone-panel");
  let c = await current(page);
  assert.equal(c.id, "panels-needed");
  await clickLabel(page, "##next");  // the step's second exercise: a choice
  c = await current(page);
  assert.equal(c.id, "main-extension");
  assert.equal(c.kind, "choice");
  const outcomes = [];
  const answer = async (i) => {
    await press(page, "##option", i);
    assert.equal((await current(page)).choice, i, `card ${i} was chosen`);
    await press(page, "Check");
    const now = await current(page);
    assert.equal(now.answered, true);
    outcomes.push(now.correct);
    inViewport(await locate(page, "##feedback"), page.viewportSize(), "the feedback");
    // A screen reader hears it: the page's live region gets the verdict and its words.
    assert.match((await state(page)).live, now.correct ? /Right\./ : /Not yet\. \S/,
      "the live region says what Check said");
    return now.correct;
  };
  let right = -1;
  for (let i = 0; i < 4 && right < 0; ++i) if (await answer(i)) right = i;
  assert.ok(right >= 0, "one card is right");
  if (right === 0) {
    assert.equal(await answer(1), false);
    assert.equal(await answer(0), true);
  }
  assert.ok(outcomes.indexOf(false) >= 0 && outcomes.indexOf(false) < outcomes.lastIndexOf(true),
    `wrong before right: ${outcomes}`);
  let s = await state(page);
  assert.equal(s.exercises.solved, 1);
  assert.equal(s.exercises.current.solved, true);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("cni-campus:progress")));
  assert.equal(stored.version, 1);
  assert.deepEqual(stored.solved, ["main-extension"]);
  assert.ok(stored.seen.includes("phone-panel"));
  await page.reload();
  await ready(page);
  s = await state(page);
  assert.equal(s.exercises.solved, 1, "solved survives the reload");
  assert.equal(s.error, null);
  // The returning learner is told that the exercise drawn anew was solved on the last visit,
  // on the canvas and in the page's form of it.
  if ((await current(page)).id !== "main-extension") await clickLabel(page, "##next");
  assert.equal((await current(page)).id, "main-extension");
  const note = await locate(page, "##solved-before");
  assert.ok(note && note.h > 0, "the canvas says it was solved before");
  await page.waitForFunction(() => /solved before/.test(document.getElementById("mirror-exercises").textContent));
  await clickLabel(page, "##prev");
  assert.ok(!(await page.evaluate(() => window.cniCampus.locate("##solved-before"))),
    "not on the exercise never solved");
  await closeClean(problems, context);
});

for (const size of [{ name: "1280x800", options: {} }, { name: "390x844 touch", options: PHONE }]) {
  test(`a number answer is typed (${size.name}): the prefix-delegation max-pods, feedback in sight`, async () => {
    const { page, problems, context } = await practice("prefix-delegation", size.options, "&terms=aws");
    const c = await current(page);
    assert.equal(c.id, "pd-max-pods");
    assert.equal(c.kind, "number");
    // The prompt names the type's ENIs and IPs per ENI; the formula gives the answer
    // (a t3.small: 3 x (4 - 1) x 16 + 2 = 146).
    const m = c.prompt.match(/\((\d+) ENIs, (\d+) IP address slots each\)/);
    assert.ok(m, `the prompt gives the ENIs and slots: ${c.prompt}`);
    const answer = Number(m[1]) * (Number(m[2]) - 1) * 16 + 2;
    await press(page, "##answer");
    await page.keyboard.press("Control+A");
    await page.keyboard.type(String(answer));
    await page.keyboard.press("Enter");
    await settle(page);
    const entered = await current(page);
    assert.equal(entered.value, answer, "the typed number is the answer");
    assert.equal(entered.answered, true, "Enter in the field sends the answer, as Check does");
    assert.equal(entered.correct, true);
    await press(page, "Check");
    const after = await current(page);
    assert.equal(after.correct, true);
    inViewport(await locate(page, "##feedback"), page.viewportSize(), "the feedback");
    await closeClean(problems, context);
  });
}

test("after two wrong tries the answer can be shown: with its working, not solved; another variant", async () => {
  const { page, problems, context } = await practice("desk-limit", PHONE);
  const c = await current(page);
  assert.equal(c.kind, "number");
  for (let i = 0; i < 2; ++i) {
    await press(page, "##answer");
    await page.keyboard.press("Control+A");
    await page.keyboard.type(String(1 + i));  // max-pods is never 1 or 2
    if (i === 0) {
      await page.keyboard.press("Enter");  // sends the answer, as Check does
      await settle(page);
    } else {
      await press(page, "Check");
    }
    assert.equal((await current(page)).correct, false);
    assert.equal((await current(page)).wrong, i + 1, "one try each");
  }
  assert.equal((await current(page)).wrong, 2);
  await press(page, "Show the answer");
  let now = await current(page);
  assert.equal(now.revealed, true);
  assert.equal(now.solved, false, "a shown answer is not counted as solved");
  assert.equal((await state(page)).exercises.solved, 0);
  inViewport(await locate(page, "##feedback"), page.viewportSize(), "the answer and its working");
  const before = now.prompt;
  for (let i = 0; i < 5 && now.prompt === before; ++i) {
    await press(page, "Another one");
    now = await current(page);
  }
  assert.notEqual(now.prompt, before, "another variant");
  assert.equal(now.revealed, false);
  assert.equal(now.wrong, 0);
  await closeClean(problems, context);
});

test("the final check: a missed question is tried again alone, with a new version of itself", async () => {
  const { page, problems, context } = await practice("takeaways");
  let c = await current(page);
  assert.equal(c.id, "final-check");
  assert.equal(c.parts, 5);
  assert.equal(c.part, 0);
  // Answer the first question wrongly: the page's own answer (state().exercises.current.key,
  // offered to the browser tests) tells which number or card is not the right one, so the
  // miss does not depend on which questions this load drew.
  assert.ok(c.key, "the page offers the question's answer to the tests");
  if (c.partKind === "number") {
    // The field clamps to its range: the smallest number, or the largest if that is right.
    for (const typed of ["0", "99999"]) {
      await press(page, "##answer");
      await page.keyboard.press("Control+A");
      await page.keyboard.type(typed);  // no Enter: that would send it at once
      await settle(page);
      if ((await current(page)).value !== c.key.value) break;
    }
  } else {
    await press(page, "##option", c.key.choice === 0 ? 1 : 0);
  }
  await press(page, "Check");
  c = await current(page);
  assert.equal(c.correct, false);
  const missed = c.prompt;
  let again = c;
  for (let i = 0; i < 5 && again.prompt === missed; ++i) {
    await press(page, "New version of this question");
    again = await current(page);
  }
  assert.notEqual(again.prompt, missed, "a new version of the question");
  assert.equal(again.part, 0, "still the same question of the five");
  assert.equal(again.answered, false);
  await closeClean(problems, context);
});

test("Reset progress, confirmed, forgets solved exercises and seen steps", async () => {
  const { page, problems, context } = await practice("desk-limit", { viewport: { width: 1280, height: 1000 } });
  const saved = { version: 1, seen: ["big-picture", "desk-limit", "takeaways"], solved: ["max-pods", "slots-lost"] };
  await page.evaluate((v) => localStorage.setItem("cni-campus:progress", JSON.stringify(v)), saved);
  await page.reload();
  await ready(page);
  assert.equal((await state(page)).exercises.solved, 2);
  await press(page, "Reset progress");
  await clickLabel(page, "Reset");
  const s = await state(page);
  assert.equal(s.exercises.solved, 0);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("cni-campus:progress")));
  assert.deepEqual(stored, { version: 1, seen: ["desk-limit"], solved: [] });
  await closeClean(problems, context);
});

test("a corrupt saved value does not break the page: a notice, then fresh progress", async () => {
  const { page, problems, context } = await openReady(env, "/#step=phone-panel");
  await page.evaluate(() => localStorage.setItem("cni-campus:progress", "{{{garbage"));
  await page.reload();
  await ready(page);
  const s = await state(page);
  assert.match(s.error, /^Saved progress could not be read and was reset: it is not valid JSON/);
  assert.equal(s.exercises.solved, 0);
  assert.ok(s.exercises.total > 0);
  assert.ok((await canvasColours(page)) > 10, "the page still draws");
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("cni-campus:progress")));
  assert.equal(stored.version, 1, "the bad value was replaced");
  for (const [value, why] of [['{"theme":"dark"}', /no version/], ['{"version":0,"seen":[]}', /format version 0/]]) {
    await page.evaluate((v) => localStorage.setItem("cni-campus:progress", v), value);
    await page.reload();
    await ready(page);
    const t = await state(page);
    assert.match(t.error, /^Saved progress could not be read and was reset/);
    assert.match(t.error, why);
  }
  await closeClean(problems, context);
});

test("on a touch phone a number field brings up a numeric keyboard; its text reaches the answer", async () => {
  const { page, problems, context } = await practice("prefix-delegation", PHONE);
  const r = await locate(page, "##answer");
  // Scroll the field into view, then tap it with a finger.
  for (let i = 0; i < 20; ++i) {
    const now = await locate(page, "##answer");
    if (now.y > 60 && now.y + now.h < 780) break;
    await page.mouse.move(200, 600);
    await page.mouse.wheel(0, now.y < 60 ? -150 : 150);
    await settle(page);
  }
  const at = await locate(page, "##answer");
  await page.touchscreen.tap(at.x + at.w / 2, at.y + at.h / 2);
  await settle(page);
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el && el.tagName, mode: el && el.inputMode, hidden: el && el.getAttribute("aria-hidden") };
  });
  assert.deepEqual(focused, { tag: "INPUT", mode: "decimal", hidden: "true" }, "a numeric keyboard's field has the focus");
  await page.keyboard.insertText("3");  // what a soft keyboard sends (no key codes)
  await settle(page);
  assert.match(String((await current(page)).value), /3$/, "the keyboard's digit reached the answer");
  assert.equal(await page.evaluate(() => document.activeElement.value), "", "the hidden field stays empty");
  assert.ok(r);
  await closeClean(problems, context);
});
