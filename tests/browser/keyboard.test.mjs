// keyboard.test.mjs: the canvas used from the keyboard alone (web/keyboard.h). Tab from the
// page reaches the first widget and draws the focus ring; Shift-Tab from it and Escape give
// the focus back to the page; Page Down, End and Home scroll the lesson text of a 560 px
// embed; and every exercise of every step (assets/exercises.json) is answered from the
// keyboard: Tab to the choice or the number field, Space or typed digits, Tab to Check, Enter.
// The right answer comes from the page (state().exercises.current.key, core's reveal_answer),
// never from this file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, openPage, openPractice, ready, settle, locate, clickLabel, shot, ROOT, openReady, closeClean, state } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const current = async (page) => (await state(page)).exercises.current;
const focus = (page) => page.evaluate(() => window.cniCampus.state().focus);
const active = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);
const key = async (page, k) => { await page.keyboard.press(k); await settle(page); };

// The exercises of each step, in the order the step shows them (ids only: the answers are
// the page's).
const book = JSON.parse(fs.readFileSync(path.join(ROOT, "assets", "exercises.json"), "utf8"));
const lessons = JSON.parse(fs.readFileSync(path.join(ROOT, "assets", "lessons.json"), "utf8"));
// The practice beat's folded takeaways (web/app.cpp draw_practice).
const remember = (step) =>
  `Remember: this step in ${lessons.steps.find((s) => s.id === step).takeaways.length} points`;
const byStep = new Map();
for (const e of book.exercises) {
  if (!byStep.has(e.step)) byStep.set(e.step, []);
  byStep.get(e.step).push(e.id);
}

// True if the middle of rectangle r lies in the focus ring's rectangle f.
function ringOn(f, r) {
  if (!f || !r) return false;
  const x = r.x + r.w / 2, y = r.y + r.h / 2;
  return x >= f.x - 1 && x <= f.x + f.w + 1 && y >= f.y - 1 && y <= f.y + f.h + 1;
}

// Presses Tab until the ring is on the nth widget labelled `label`; fails when the focus leaves
// the canvas first.
async function tabTo(page, label, nth = 0, max = 80) {
  for (let i = 0; i < max; ++i) {
    const f = await focus(page);
    const r = await page.evaluate(([l, n]) => window.cniCampus.locate(l, n), [label, nth]);
    if (f && f.ring && ringOn(f, r)) return;
    assert.equal(await active(page), "canvas", `the focus left the canvas before reaching ${label}`);
    await key(page, "Tab");
  }
  throw new Error(`${max} presses of Tab did not reach ${label}`);
}

// The accent colour of the ring (web/ui.h color::kAccent) at a point of the canvas.
const accentAt = (page, x, y) => page.evaluate(([x, y]) => {
  const c = document.getElementById("canvas");
  const off = document.createElement("canvas");
  off.width = c.width; off.height = c.height;
  const g = off.getContext("2d");
  g.drawImage(c, 0, 0);
  const s = c.width / c.getBoundingClientRect().width;
  // Any pixel of the 3x3 around the point (the ring's edges are anti-aliased).
  const d = g.getImageData(Math.round(x * s) - 1, Math.round(y * s) - 1, 3, 3).data;
  for (let i = 0; i < d.length; i += 4) {
    if (Math.abs(d[i] - 37) < 40 && Math.abs(d[i + 1] - 99) < 40 && Math.abs(d[i + 2] - 235) < 40) return true;
  }
  return false;
}, [x, y]);

const practice = (step, options) => openPractice(env, step, options);

// Tab from the page (the page's own links come first) until the canvas has the focus.
async function tabIntoCanvas(page) {
  await page.evaluate(() => { document.activeElement && document.activeElement.blur(); });
  for (let i = 0; i < 10 && (await active(page)) !== "canvas"; ++i) await key(page, "Tab");
  assert.equal(await active(page), "canvas", "Tab from the page reaches the canvas");
}

// Types a number into the field the ring is on (it takes the typing when focused).
async function typeInto(page, label, value) {
  await tabTo(page, label);
  await page.keyboard.type(String(value));
  await settle(page);
}

// Answers the exercise (or the final check's question) shown, from the keyboard, with the
// answer the page's model accepts; then Tab to Check and Enter.
async function answer(page) {
  const c = await current(page);
  assert.ok(c.key, `the page offers an answer for ${c.id}`);
  const kind = c.partKind || c.kind;
  if (kind === "number") {
    await typeInto(page, "##answer", c.key.value);
    assert.equal((await current(page)).value, c.key.value, `${c.id}: the typed number`);
  } else if (kind === "choice" || kind === "fix") {
    // The cards are one Tab stop, as a page's radio buttons: Tab reaches the first, the
    // arrows go down the cards and choose each one they reach; Enter sends the answer.
    await tabTo(page, "##option", 0);
    assert.equal((await current(page)).choice, -1, `${c.id}: reaching the cards chooses none`);
    for (let i = 0; i < c.key.choice; ++i) await key(page, "ArrowDown");
    if (c.key.choice === 0) await key(page, "Space");
    assert.equal((await current(page)).choice, c.key.choice, `${c.id}: the card chosen`);
    assert.ok(ringOn(await focus(page), await locate(page, "##option", c.key.choice)), `${c.id}: the ring on it`);
    await key(page, "Enter");
  } else if (kind === "setup") {
    await tabTo(page, "##type", 0);
    for (let i = 0; i < c.key.type; ++i) await key(page, "ArrowRight");
    await key(page, "Enter");
    assert.equal((await current(page)).type, c.key.type, `${c.id}: the instance type`);
    assert.equal((await current(page)).answered, false, `${c.id}: Enter on a type only chooses it`);
    await key(page, "Tab");  // the types are one Tab stop: next, the prefix delegation checkbox
    if ((await current(page)).prefixDelegation !== c.key.prefixDelegation) await key(page, "Space");
    assert.equal((await current(page)).prefixDelegation, c.key.prefixDelegation, `${c.id}: prefix delegation`);
    await typeInto(page, "##answer", c.key.maxPods);
    assert.equal((await current(page)).maxPods, c.key.maxPods, `${c.id}: max-pods`);
  } else {
    throw new Error(`unknown exercise kind ${kind}`);
  }
  if (kind !== "choice" && kind !== "fix") {
    await tabTo(page, "Check");
    await key(page, "Enter");
  }
  const after = await current(page);
  assert.equal(after.answered, true, `${c.id}: Check was pressed`);
  assert.equal(after.correct, true, `${c.id}: the feedback says it is right`);
  assert.equal(after.revealed, false);
  assert.ok(await locate(page, "##feedback"), `${c.id}: the feedback is drawn`);
}

for (const [step, ids] of byStep) {
  test(`keyboard alone: every exercise of ${step} (${ids.join(", ")})`, async () => {
    const { page, problems, context } = await practice(step);
    for (let k = 0; k < ids.length; ++k) {
      if (k > 0) {
        await clickLabel(page, "##next");  // opens the next exercise; the canvas has the focus
      } else if (ids.length > 1) {
        // A click on the disabled "previous" arrow presses nothing: Tab goes on from there.
        await clickLabel(page, "##prev");
      } else {
        await tabIntoCanvas(page);
      }
      let c = await current(page);
      assert.equal(c.id, ids[k], `exercise ${k + 1} of ${step}`);
      assert.equal(await active(page), "canvas");
      if (c.kind === "quiz") {
        for (let part = 0; part < c.parts; ++part) {
          assert.equal((await current(page)).part, part);
          await answer(page);
          if (part + 1 < c.parts) {
            await tabTo(page, "Next question");
            await key(page, "Enter");
          }
        }
        c = await current(page);
        assert.equal(c.solved, true, "all the questions answered right");
      } else {
        await answer(page);
        assert.equal((await current(page)).solved, true, `${ids[k]} is solved`);
      }
    }
    assert.equal((await state(page)).exercises.solved, ids.length);
    await closeClean(problems, context);
  });
}

test("Tab from the page reaches the first widget with a ring; Shift-Tab from it and Escape leave", async () => {
  const { page, problems, context } = await openReady(env, "/#step=phone-panel");
  assert.equal(await focus(page), null, "no ring before the keyboard is used");
  await tabIntoCanvas(page);
  const f = await focus(page);
  // The first stop: the skip link, shown only now, over the title at the top left.
  const first = await locate(page, "Skip to the lesson");
  assert.ok(f && f.ring && ringOn(f, first), `the first widget has the ring: ${JSON.stringify(f)}`);
  // The ring is drawn just outside the widget, in the accent colour.
  const ringX = f.x - 3.5, ringY = f.y + f.h / 2;
  assert.equal(await accentAt(page, ringX, ringY), true, "the ring is drawn");
  await shot(page, "keyboard-first-widget");
  await key(page, "Tab");
  const theme = await locate(page, "##theme");
  assert.ok(ringOn(await focus(page), theme), "Tab: the theme button, the top bar's first");
  assert.equal(await accentAt(page, ringX, ringY), false, "the ring moved on, the skip link hid");
  await key(page, "Tab");
  assert.ok(ringOn(await focus(page), await locate(page, "Campus words")), "Tab: the next widget");
  await key(page, "Shift+Tab");
  assert.ok(ringOn(await focus(page), theme), "Shift-Tab: back");
  await key(page, "Shift+Tab");
  assert.ok(ringOn(await focus(page), first), "Shift-Tab: back to the first");
  await key(page, "Shift+Tab");
  assert.notEqual(await active(page), "canvas", "Shift-Tab at the first widget leaves the canvas");
  assert.equal(await focus(page), null, "no ring once the canvas has let go");
  assert.equal(await accentAt(page, ringX, ringY), false, "the ring is gone");
  // Escape leaves too, from anywhere.
  await tabIntoCanvas(page);
  for (let i = 0; i < 5; ++i) await key(page, "Tab");
  assert.ok((await focus(page)).ring);
  await key(page, "Escape");
  assert.notEqual(await active(page), "canvas", "Escape leaves the canvas");
  assert.equal(await focus(page), null);
  await closeClean(problems, context);
});

test("the skip link: Enter takes the ring past the top bar and the step list into the lesson", async () => {
  const { page, problems, context } = await openReady(env, "/#step=phone-panel");
  await tabIntoCanvas(page);
  const skip = await locate(page, "Skip to the lesson");
  assert.ok(ringOn(await focus(page), skip), "the skip link has the ring");
  await key(page, "Enter");
  const f = await focus(page);
  assert.ok(f && f.ring, "a widget has the ring");
  const words = await locate(page, "##beat-text");
  const step = await locate(page, "##step");  // the step list's first entry
  assert.ok(f.x >= words.x - 1 && f.x < words.x + words.w && f.x > step.x + step.w,
            `the ring is in the lesson column, not the step list: ${JSON.stringify(f)}`);
  assert.equal(await accentAt(page, skip.x - 3.5, skip.y + skip.h / 2), false, "the skip link hid");
  assert.equal((await state(page)).step.id, "phone-panel", "no step was changed");
  // A mouse press on it does nothing: the title stays where it is and nothing moves.
  await key(page, "Escape");
  await page.mouse.click(skip.x + skip.w / 2, skip.y + skip.h / 2);
  assert.equal(await focus(page), null, "a click shows no ring");
  assert.equal((await state(page)).step.id, "phone-panel");
  await closeClean(problems, context);
});

test("Tab from a host page into an embed's iframe puts the ring on its first widget", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  // The host's Tab moves the focus into the frame (its skip link first); the next Tab is the
  // embed's own and brings the canvas with the ring on its first widget.
  await page.setContent(`<button id="before">Before</button>
    <iframe id="embed" src="${env.base}/embed.html#step=desk-limit" style="width:900px;height:600px"></iframe>`);
  const frame = await (await page.$("#embed")).contentFrame();
  await ready(frame);
  await page.focus("#before");
  const inner = () => frame.evaluate(() => document.activeElement && document.activeElement.id);
  for (let i = 0; i < 6 && (await inner()) !== "canvas"; ++i) {
    await page.keyboard.press("Tab");
    await settle(frame);
  }
  assert.equal(await inner(), "canvas", "Tab from the host reaches the embed's canvas");
  const f = await frame.evaluate(() => window.cniCampus.state().focus);
  assert.ok(f && f.ring, `a widget has the ring at once: ${JSON.stringify(f)}`);
  // A press in the embed, by contrast, draws no ring.
  await page.focus("#before");
  await settle(frame);
  const box = await (await page.$("#embed")).boundingBox();
  const words = await locate(frame, "Campus words");  // in the frame's own pixels
  await page.mouse.click(box.x + words.x + words.w / 2, box.y + words.y + words.h / 2);
  await settle(frame);
  assert.equal(await inner(), "canvas", "the click focused the canvas");
  assert.equal(await frame.evaluate(() => window.cniCampus.state().focus), null, "a click shows no ring");
  await closeClean(problems, context);
});

test("Enter in a number answer sends it, as Check does", async () => {
  const { page, problems, context } = await openPractice(env, "desk-limit");
  await tabIntoCanvas(page);
  const c = await current(page);
  assert.equal(c.kind, "number");
  await typeInto(page, "##answer", c.key.value);
  assert.equal((await current(page)).answered, false, "typing alone sends nothing");
  await key(page, "Enter");
  const after = await current(page);
  assert.equal(after.answered, true, "Enter sent the answer");
  assert.equal(after.correct, true);
  await closeClean(problems, context);
});

test("with the ring on a widget arrows are the widgets'; without it they move between beats", async () => {
  const { page, problems, context } = await openReady(env, "/#step=phone-panel");
  await tabIntoCanvas(page);
  await tabTo(page, "Next  \u25B6");
  const beat = (await state(page)).beat.index;
  await key(page, "ArrowRight");
  assert.equal((await state(page)).beat.index, beat, "an arrow moves the ring, not the beat");
  await tabTo(page, "Next  \u25B6");
  await key(page, "Enter");
  assert.equal((await state(page)).beat.index, beat + 1, "Enter presses Next");
  await key(page, "Space");
  assert.equal((await state(page)).beat.index, beat + 2, "Space presses it again");
  // A click (on the paragraph's far corner, where nothing is pressed) hides the ring: arrows
  // turn the beats again.
  const words = await locate(page, "##beat-text");
  await page.mouse.click(words.x + words.w - 2, words.y + words.h - 2);
  await settle(page);
  assert.equal(await focus(page), null);
  await key(page, "ArrowLeft");
  assert.equal((await state(page)).beat.index, beat + 1);
  await closeClean(problems, context);
});

test("Page Down, End and Home scroll the lesson text of a 560 px embed", async () => {
  const { page, problems, context } = await openPage(env, "/embed.html#step=desk-limit",
    { viewport: { width: 700, height: 560 } });
  await ready(page);
  const count = (await state(page)).beat.count;
  await page.evaluate((b) => window.cniCampus.goTo("desk-limit", b), count - 1);  // the practice beat
  await settle(page);
  await clickLabel(page, remember("desk-limit"));  // its takeaways unfolded: long
  await page.evaluate((b) => window.cniCampus.goTo("desk-limit", 0) && window.cniCampus.goTo("desk-limit", b), count - 1);
  await settle(page);
  assert.equal((await state(page)).scroll.text, 0);
  await page.locator("canvas").focus();  // a script gives the focus: no widget has the ring
  await settle(page);
  await key(page, "PageDown");
  const down = (await state(page)).scroll.text;
  assert.ok(down > 40, `Page Down scrolled the text: ${down}`);
  await key(page, "End");
  const end = (await state(page)).scroll.text;
  assert.ok(end >= down, `End: the bottom (${end})`);
  await key(page, "PageUp");
  assert.ok((await state(page)).scroll.text < end, "Page Up scrolls back");
  await key(page, "Home");
  assert.equal((await state(page)).scroll.text, 0, "Home: the top");
  assert.equal(await page.evaluate(() => window.scrollY), 0, "the page itself did not move");
  await closeClean(problems, context);
});

test("the focus ring on an exercise at 1280x800: visible, not clipped (screenshot)", async () => {
  const { page, problems, context } = await practice("phone-panel");
  await clickLabel(page, "##next");
  await tabTo(page, "##option", 0);
  await key(page, "ArrowDown");  // the cards are one Tab stop: the arrows go on to the second
  const f = await focus(page);
  const r = await locate(page, "##option", 1);
  assert.ok(ringOn(f, r));
  await shot(page, "keyboard-ring-exercise");
  for (const [x, y] of [[f.x - 3.5, f.y + f.h / 2], [f.x + f.w + 3.5, f.y + f.h / 2],
    [f.x + f.w / 2, f.y - 3.5], [f.x + f.w / 2, f.y + f.h + 3.5]]) {
    assert.equal(await accentAt(page, x, y), true, `the ring's edge at ${x},${y}`);
  }
  await closeClean(problems, context);
});

test("Enter on Practice: the ring goes on to the exercise, not to Next step", async () => {
  const { page, problems, context } = await openReady(env, "/#step=desk-limit");
  const count = (await state(page)).beat.count;  // the practice beat is the last
  assert.equal(await page.evaluate((b) => window.cniCampus.goTo("desk-limit", b), count - 2), true);
  await settle(page);
  await tabIntoCanvas(page);
  await tabTo(page, "Practice  \u25B6");
  await key(page, "Enter");
  await settle(page);
  const s = await state(page);
  assert.equal(s.beat.practice, true, "Enter pressed Practice");
  const f = await focus(page);
  assert.ok(f && f.ring, "the ring is still shown");
  assert.ok(!ringOn(f, await locate(page, "Next step  \u25B6")), "not on Next step");
  const check = await locate(page, "Check");
  assert.ok(f.y <= check.y, `in the exercise, at or above its Check: ${JSON.stringify(f)}`);
  // On the answer itself, past the arrows between the step's exercises.
  assert.ok(ringOn(f, await locate(page, "##answer")), `the ring is on the answer: ${JSON.stringify(f)}`);
  const first = (await current(page)).id;
  // One more Enter stays in the step and in the exercise (it sends the answer).
  await key(page, "Enter");
  assert.equal((await state(page)).step.id, "desk-limit");
  assert.equal((await current(page)).id, first, "still the first exercise");
  await closeClean(problems, context);
});

test("Up and Down (Page Up and Down: 10) nudge a number answer, also after Enter checked it; Tab passes the buttons by", async () => {
  const { page, problems, context } = await practice("desk-limit");
  await tabIntoCanvas(page);
  await tabTo(page, "##answer");
  const start = (await current(page)).value;
  for (let i = 0; i < 3; ++i) await key(page, "ArrowUp");
  assert.equal((await current(page)).value, start + 3, "three Ups: three more");
  await key(page, "ArrowDown");
  assert.equal((await current(page)).value, start + 2, "one Down: one less");
  assert.ok(ringOn(await focus(page), await locate(page, "##answer")), "the ring stays on the field");
  await key(page, "PageUp");
  assert.equal((await current(page)).value, start + 12, "Page Up: ten more");
  await key(page, "PageDown");
  assert.equal((await current(page)).value, start + 2, "Page Down: ten less");
  // Enter checks it, and the field keeps the keyboard: the arrows go on correcting it.
  await key(page, "Enter");
  assert.equal((await current(page)).answered, true, "Enter sent the answer");
  await key(page, "ArrowUp");
  assert.equal((await current(page)).value, start + 3, "after Check, Up still nudges the answer");
  assert.ok(ringOn(await focus(page), await locate(page, "##answer")), "the ring stays on the field");
  await key(page, "Tab");
  assert.ok(ringOn(await focus(page), await locate(page, "Check")), "Tab: the field, then Check");
  await closeClean(problems, context);
});

test("the ring stays near when its widget greys out: the last exercise's arrow", async () => {
  const { page, problems, context } = await practice("phone-panel");
  await tabIntoCanvas(page);
  await tabTo(page, "##next");
  await key(page, "Enter");
  assert.equal((await current(page)).id, "main-extension", "the arrow opened the second exercise");
  const f = await focus(page);
  assert.ok(f && f.ring, `the ring is still shown: ${JSON.stringify(f)}`);
  const title = await locate(page, "##prev");  // the header of the exercise card
  assert.ok(f.y >= title.y - 40, `near the exercise, not back at the top: ${JSON.stringify(f)}`);
  await key(page, "Tab");
  const g = await focus(page);
  assert.ok(g && g.ring && g.y >= title.y - 40, `Tab goes on from there: ${JSON.stringify(g)}`);
  await closeClean(problems, context);
});

test("an exercise's cards are one Tab stop: the arrows choose and go round, Shift-Tab and Tab come back to the chosen card", async () => {
  const { page, problems, context } = await practice("phone-panel");
  await clickLabel(page, "##next");  // the second exercise: Where is the main extension? (cards)
  const c = await current(page);
  assert.equal(c.kind, "choice");
  await tabTo(page, "##option", 0);
  await key(page, "ArrowDown");
  await key(page, "ArrowDown");
  assert.equal((await current(page)).choice, 2, "Down twice: the third card chosen");
  assert.equal((await current(page)).answered, false, "choosing sends nothing");
  await key(page, "Tab");
  assert.ok(ringOn(await focus(page), await locate(page, "Check")), "Tab leaves the cards for Check");
  await key(page, "Shift+Tab");
  assert.ok(ringOn(await focus(page), await locate(page, "##option", 2)), "Shift-Tab: back on the chosen card");
  await key(page, "ArrowUp");
  assert.equal((await current(page)).choice, 1, "Up: the card above chosen");
  const cards = await page.evaluate(() => {
    let n = 0;
    while (window.cniCampus.locate("##option", n)) ++n;
    return n;
  });
  await key(page, "ArrowUp");
  await key(page, "ArrowUp");
  assert.equal((await current(page)).choice, cards - 1, "Up on the first card: round to the last");
  assert.ok(ringOn(await focus(page), await locate(page, "##option", cards - 1)), "the ring on the last card");
  await key(page, "ArrowDown");
  assert.equal((await current(page)).choice, 0, "Down on the last card: round to the first");
  await key(page, "ArrowDown");
  await key(page, "Enter");
  const after = await current(page);
  assert.equal(after.answered, true, "Enter on a card sends the answer");
  assert.equal(after.choice, 1);
  assert.ok(ringOn(await focus(page), await locate(page, "##option", 1)), "the ring stays on the card");
  await closeClean(problems, context);
});

test("the beat dots are one Tab stop: the arrows go from beat to beat", async () => {
  const { page, problems, context } = await openReady(env, "/#step=desk-limit");
  await tabIntoCanvas(page);
  await key(page, "Enter");  // the skip link: the ring on the current beat's dot
  assert.ok(ringOn(await focus(page), await locate(page, "##beat-0")), "the ring on the first dot");
  await key(page, "ArrowRight");
  assert.equal((await state(page)).beat.index, 1, "Right: the next beat");
  assert.ok(ringOn(await focus(page), await locate(page, "##beat-1")), "the ring on its dot");
  await key(page, "ArrowRight");
  assert.equal((await state(page)).beat.index, 2);
  await key(page, "ArrowLeft");
  assert.equal((await state(page)).beat.index, 1, "Left: back");
  await key(page, "Tab");
  const f = await focus(page);
  for (let i = 0; i < (await state(page)).beat.count; ++i)
    assert.ok(!ringOn(f, await locate(page, `##beat-${i}`)), `Tab leaves the dots (not on dot ${i})`);
  await closeClean(problems, context);
});
