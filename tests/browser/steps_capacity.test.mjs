// steps_capacity.test.mjs: the steps about how many desks fit in a room: the-rules (step 4)
// and desk-limit (step 5). Every click goes to a widget by its label (cniCampus.locate);
// beats are entered with cniCampus.goTo(step, beat); what the model shows is read from
// state().live and state().beat.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, settle, locate, clickLabel, typeNumber, openReady, openAtGoal, closeClean, state } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const goTo = async (page, step, beat) => {
  assert.equal(await page.evaluate(([s, b]) => window.cniCampus.goTo(s, b), [step, beat]), true);
  await settle(page);
};

// Opens the room-size picker of a view, types into its search field and picks the match.
async function pickType(page, picker, name) {
  await clickLabel(page, `##picker-${picker}`);
  await page.keyboard.type(name);
  await settle(page);
  await clickLabel(page, name);
}

test("the-rules: fill the room to 9 of 12 slots, the tenth desk refused; a bigger room size", async () => {
  const { page, problems, context } = await openAtGoal(env, "/#step=the-rules", "full-room");
  let s = await state(page);
  assert.match(s.live, /^t3\.small: 3 ENIs x 4 IPs = 12 slots, one per ENI its own: 0 pods of 9$/);
  await clickLabel(page, "Add a desk", { times: 9 });
  s = await state(page);
  assert.equal(s.beat.goalMet, true, "nine desks fill the room");
  assert.match(s.live, /9 pods of 9$/);
  await clickLabel(page, "Add a desk");
  s = await state(page);
  assert.match(s.live, /9 pods of 9\. max-pods is 11/, "kubelet refuses the tenth");
  await clickLabel(page, "Remove a desk");
  assert.match((await state(page)).live, /8 pods of 9$/);

  // Rule three asks for a room size with more panels: pick one from the list.
  await goTo(page, "the-rules", 3);
  s = await state(page);
  assert.equal(s.beat.goal, "more-panels");
  assert.equal(s.beat.goalMet, false);
  await pickType(page, "the-rules", "m5.xlarge");
  s = await state(page);
  assert.equal(s.beat.goalMet, true);
  assert.match(s.live, /^m5\.xlarge: 4 ENIs x 15 IPs = 60 slots, one per ENI its own: 0 pods of 56$/);
  // Next keeps the learner's size and fills it: 60 - 4 = 56.
  await clickLabel(page, "Next  \u25B6");
  assert.match((await state(page)).live, /^m5\.xlarge: .* 56 pods of 56$/);
  await closeClean(problems, context);
});

test("the-rules: pointing at a number of the text lights its part of the room", async () => {
  const { page, problems, context } = await openReady(env, "/#step=the-rules&beat=5");
  const s = await state(page);
  assert.equal(s.beat.focus, "panelmain");
  assert.equal(s.hot, "");
  const text = await locate(page, "##beat-text");
  // Walk the paragraph until the pointer is over a live token: state().hot names it.
  let hot = "";
  const line = 23;  // live_text's line height at the page's 16 px font
  for (let y = text.y + line / 2; y < text.y + text.h && !hot; y += line) {
    for (let x = text.x + 4; x < text.x + text.w && !hot; x += 12) {
      await page.mouse.move(x, y);
      hot = await page.evaluate(() => window.cniCampus.state().hot);
    }
  }
  assert.ok(["panelmain", "lost", "allslots", "capacity"].includes(hot), `lit: ${hot}`);
  await closeClean(problems, context);
});

test("desk-limit: a room for 50 desks, kubelet's +2, then bigger desks fill the CPU first", async () => {
  const { page, problems, context } = await openAtGoal(env, "/#step=desk-limit", "over-50");
  let s = await state(page);
  assert.match(s.live, /^t3\.small: 3 ENIs x 4 IPs; 9 pod addresses; max-pods 11; 9 of 9 pods fit at 100m and 128 MiB: CPU 45%, memory 56%; first limit IP addresses$/);
  await pickType(page, "desk-limit", "m5.xlarge");
  s = await state(page);
  assert.equal(s.beat.goalMet, true, "56 desks");
  assert.match(s.live, /^m5\.xlarge: 4 ENIs x 15 IPs; 56 pod addresses; max-pods 58;/);

  // The CPU beat puts a t3.small back: 9 desks of 100m use 45% of 2 vCPUs.
  await goTo(page, "desk-limit", 4);
  assert.match((await state(page)).live, /^t3\.small: .* 9 of 9 pods fit at 100m and 128 MiB: CPU 45%/);
  await clickLabel(page, "+");  // the first + is the CPU's: one step up
  assert.match((await state(page)).live, /9 of 9 pods fit at 150m and 128 MiB: CPU 68%/);

  // The puzzle: type a CPU request into the number in the text until the CPU runs out first.
  await goTo(page, "desk-limit", 5);
  s = await state(page);
  assert.equal(s.beat.goal, "cpu-first");
  assert.equal(s.beat.goalMet, false);
  await typeNumber(page, "cpu", 250);
  s = await state(page);
  assert.equal(s.beat.goalMet, true);
  assert.match(s.live, /8 of 9 pods fit at 250m and 128 MiB: CPU 100%, memory 50%; first limit CPU$/);
  await closeClean(problems, context);
});

test("desk-limit on a touch phone: a swipe that starts on the CPU control scrolls, a tap steps it", async () => {
  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, touch: true };
  const { page, problems, context } = await openReady(env, "/#step=desk-limit&beat=4", phone);
  const cpu = async () => Number(/at (\d+)m/.exec((await state(page)).live)[1]);
  assert.equal(await cpu(), 100);
  const cdp = await context.newCDPSession(page);
  const touch = (type, x, y) => cdp.send("Input.dispatchTouchEvent",
    { type, touchPoints: type === "touchEnd" ? [] : [{ x, y }] });
  // Scroll the picture (the top half) down to the CPU control, then swipe starting on its "+".
  await touch("touchStart", 195, 420);
  for (let i = 1; i <= 10; i++) await touch("touchMove", 195, 420 - i * 30);
  await touch("touchEnd");
  await settle(page);
  let plus = await locate(page, "+");
  await page.touchscreen.tap(plus.x + plus.w / 2, plus.y + plus.h / 2);
  await settle(page);
  assert.equal(await cpu(), 150, "a tap on + steps it");
  plus = await locate(page, "+");
  const [x, y] = [plus.x + plus.w / 2, plus.y + plus.h / 2];
  const scrolled = (await state(page)).scroll.view;
  await touch("touchStart", x, y);
  for (let i = 1; i <= 6; i++) await touch("touchMove", x + i, y + i * 12);
  await touch("touchEnd");
  await settle(page);
  assert.equal(await cpu(), 150, "a vertical swipe never changes the CPU request");
  assert.ok((await state(page)).scroll.view < scrolled, "the swipe scrolled the picture back up");
  await closeClean(problems, context);
});
