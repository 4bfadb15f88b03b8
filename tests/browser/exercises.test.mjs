// exercises.test.mjs: the "Try it" panel through real mouse input: a choice answered wrong
// then right, a stepper click, progress surviving a reload, and a corrupt saved value that
// is replaced with a notice instead of breaking the page; Reset progress.
//
// The widgets are drawn on the canvas, so the test finds them by colour: the panel paints
// choice cards, stepper buttons and the Check button in colours used nowhere else
// (web/exercise_panel.cpp: kOption, kStepper, kCheckButton). Each click is then verified
// through cniCampus.state().exercises.current (which choice or value the panel now holds).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, ready, settle, shot, canvasColours } from "./harness.mjs";

const OPTION = [252, 250, 244];
const STEPPER = [226, 233, 246];
const CHECK = [29, 94, 216];
const BUTTON = [230, 237, 250];  // ImGui's button colour in the theme (web/style.cpp)

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

// Horizontal bands of the canvas holding a colour (at least `min` pixels a row), in CSS
// pixels, top to bottom; `runs` are the colour's stretches along a row near the band's top
// (where no label text is), so a row of buttons gives one run per button.
async function bands(page, rgb, min = 6) {
  return page.evaluate(([[r, g, b], minCount]) => {
    const c = document.getElementById("canvas");
    const w = c.width;
    const h = c.height;
    const off = document.createElement("canvas");
    off.width = w;
    off.height = h;
    const ctx = off.getContext("2d");
    ctx.drawImage(c, 0, 0);
    const d = ctx.getImageData(0, 0, w, h).data;
    const hit = (x, y) => {
      const i = (y * w + x) * 4;
      return d[i] === r && d[i + 1] === g && d[i + 2] === b;
    };
    const out = [];
    let cur = null;
    for (let y = 0; y < h; y++) {
      let x0 = -1;
      let x1 = -1;
      let n = 0;
      for (let x = 0; x < w; x++) {
        if (hit(x, y)) {
          if (x0 < 0) x0 = x;
          x1 = x;
          n++;
        }
      }
      if (n >= minCount) {
        if (cur && y === cur.y1 + 1) {
          cur.y1 = y;
          cur.x0 = Math.min(cur.x0, x0);
          cur.x1 = Math.max(cur.x1, x1);
        } else {
          cur = { y0: y, y1: y, x0, x1 };
          out.push(cur);
        }
      }
    }
    const k = w / c.clientWidth;
    return out.filter((band) => band.y1 - band.y0 >= 8).map((band) => {
      const row = Math.min(band.y1, band.y0 + 3);
      const runs = [];
      let start = -1;
      for (let x = 0; x <= w; x++) {
        const on = x < w && hit(x, row);
        if (on && start < 0) start = x;
        if (!on && start >= 0) {
          if (x - start >= 12) runs.push({ x: (start + x - 1) / 2 / k, w: (x - start) / k });
          start = -1;
        }
      }
      return {
        x: (band.x0 + band.x1) / 2 / k, y: (band.y0 + band.y1) / 2 / k,
        top: band.y0 / k, bottom: band.y1 / k, runs,
      };
    });
  }, [rgb, min]);
}

const state = (page) => page.evaluate(() => window.cniCampus.state());

// Scrolls the column holding the panel until its Check button is on screen, then parks the
// mouse where it hovers nothing (hover changes a widget's colour).
async function revealCheck(page, at, viewport) {
  for (let i = 0; i < 40; i++) {
    await page.mouse.move(2, viewport.height / 2);
    await settle(page);
    const found = await bands(page, CHECK);
    const b = found.find((x) => x.top > 90 && x.bottom < viewport.height - 70);
    if (b) return b;
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, 160);
    await settle(page);
  }
  throw new Error("the exercise panel's Check button never came into view");
}

async function click(page, x, y) {
  await page.mouse.click(x, y);
  await settle(page);
  await page.mouse.move(2, 400);
  await settle(page);
}

test("a choice answered wrong then right through the mouse; progress survives a reload", async () => {
  const viewport = { width: 1280, height: 800 };
  const { page, problems, context } = await openPage(env, "/#step=choosing", { viewport });
  await ready(page);
  let s = await state(page);
  assert.equal(s.exercises.solved, 0);
  assert.ok(s.exercises.total >= 13, `at least one exercise per step from phone-panel on (${s.exercises.total})`);
  assert.equal(s.exercises.current.id, "symptom-fix");
  assert.equal(s.exercises.current.kind, "choice");
  assert.equal(s.exercises.current.answered, false);

  const check = await revealCheck(page, { x: 400, y: 450 }, viewport);
  const options = (await bands(page, OPTION)).filter((b) => b.bottom < check.top);
  assert.equal(options.length, 4, "four choice cards above the Check button");
  await shot(page, "exercise-choice-before");

  // Answers each card in turn until both a wrong and a right answer were seen, the wrong one
  // first (if the first card is right, answer a wrong one, then the right one again).
  const outcomes = [];
  const answer = async (i) => {
    await click(page, options[i].x, options[i].y);
    assert.equal((await state(page)).exercises.current.choice, i, `card ${i} was chosen`);
    assert.equal((await state(page)).exercises.current.answered, false);
    await click(page, check.x, check.y);
    const c = (await state(page)).exercises.current;
    assert.equal(c.answered, true);
    outcomes.push(c.correct);
    return c.correct;
  };
  let right = -1;
  for (let i = 0; i < options.length; i++) {
    if (await answer(i)) { right = i; break; }
  }
  assert.ok(right >= 0, "one card is right");
  if (right === 0) {
    assert.equal(await answer(1), false);
    assert.equal(await answer(0), true);
  }
  assert.ok(outcomes.indexOf(false) >= 0 && outcomes.indexOf(false) < outcomes.lastIndexOf(true),
    `wrong before right: ${outcomes}`);
  s = await state(page);
  assert.equal(s.exercises.solved, 1);
  assert.equal(s.exercises.current.solved, true);
  assert.ok(s.exercises.current.attempts >= 2);
  await shot(page, "exercise-choice-right");

  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("cni-campus:progress")));
  assert.equal(stored.version, 1);
  assert.deepEqual(stored.solved, ["symptom-fix"]);
  assert.ok(stored.seen.includes("choosing"));

  await page.reload();
  await ready(page);
  s = await state(page);
  assert.equal(s.exercises.solved, 1, "solved survives the reload");
  assert.equal(s.exercises.current.solved, true);
  assert.equal(s.error, null);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a stepper click on a phone changes the number; a wrong number is answered", async () => {
  const viewport = { width: 390, height: 844 };
  const { page, problems, context } = await openPage(env, "/#step=desk-limit", { viewport });
  await ready(page);
  let c = (await state(page)).exercises.current;
  assert.equal(c.id, "max-pods");
  assert.equal(c.kind, "number");
  const start = c.value;
  const check = await revealCheck(page, { x: 200, y: 500 }, viewport);
  const rows = (await bands(page, STEPPER)).filter((b) => b.bottom < check.top && b.runs.length > 0);
  assert.ok(rows.length >= 1, "a row of stepper buttons");
  const plus = rows[rows.length - 1].runs[0];  // at the lowest value only the + buttons are enabled
  await click(page, plus.x, rows[rows.length - 1].y);
  c = (await state(page)).exercises.current;
  assert.equal(c.value, start + 1, "+1 moved the value by one");
  await click(page, check.x, check.y);
  c = (await state(page)).exercises.current;
  assert.equal(c.answered, true);
  assert.equal(c.correct, false, "max-pods is never 1");
  await shot(page, "exercise-stepper-phone");
  assert.deepEqual(problems, []);
  await context.close();
});

test("Reset progress, confirmed, forgets solved exercises and seen steps", async () => {
  const viewport = { width: 1280, height: 1400 };
  const { page, problems, context } = await openPage(env, "/#step=desk-limit", { viewport });
  await ready(page);
  const saved = { version: 1, seen: ["big-picture", "desk-limit", "takeaways"], solved: ["max-pods", "slots-lost"] };
  await page.evaluate((v) => localStorage.setItem("cni-campus:progress", JSON.stringify(v)), saved);
  await page.reload();
  await ready(page);
  assert.equal((await state(page)).exercises.solved, 2);
  const check = await revealCheck(page, { x: 400, y: 600 }, viewport);
  // The footer's small button sits below Check and "Another one", in the default button colour.
  const below = (await bands(page, BUTTON)).filter((b) => b.top > check.bottom + 10);
  assert.ok(below.length >= 1, "the Reset progress button");
  await click(page, below[0].runs[0].x, below[0].y);
  // The confirmation: "Reset" then "Keep", side by side.
  const popup = (await bands(page, BUTTON)).filter((b) => b.top > below[0].bottom);
  assert.ok(popup.length >= 1 && popup[0].runs.length === 2, "Reset and Keep");
  await click(page, popup[0].runs[0].x, popup[0].y);
  const s = await state(page);
  assert.equal(s.exercises.solved, 0);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("cni-campus:progress")));
  assert.deepEqual(stored, { version: 1, seen: ["desk-limit"], solved: [] });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a corrupt saved value does not break the page: a notice, then fresh progress", async () => {
  const { page, problems, context } = await openPage(env, "/#step=phone-panel");
  await ready(page);
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
  await shot(page, "exercise-corrupt-progress");

  // A foreign value (valid JSON, not ours) and an old version are refused the same way.
  for (const [value, why] of [['{"theme":"dark"}', /no version/], ['{"version":0,"seen":[]}', /format version 0/]]) {
    await page.evaluate((v) => localStorage.setItem("cni-campus:progress", v), value);
    await page.reload();
    await ready(page);
    const t = await state(page);
    assert.match(t.error, /^Saved progress could not be read and was reset/);
    assert.match(t.error, why);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
