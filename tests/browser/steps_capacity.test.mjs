// steps_capacity.test.mjs: the steps about how many desks fit in a room: the-rules (step 4)
// and desk-limit (step 5). Every click goes to a widget by its label (cniCampus.locate);
// beats are entered with cniCampus.goTo(step, beat); what the model shows is read from
// state().live and state().beat.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, ready, settle, locate, clickLabel } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const state = (page) => page.evaluate(() => window.cniCampus.state());
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
  const { page, problems, context } = await openPage(env, "/#step=the-rules");
  await ready(page);
  let s = await state(page);
  assert.equal(s.beat.goal, "full-room");
  assert.equal(s.beat.goalMet, false);
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
  assert.deepEqual(problems, []);
  await context.close();
});

test("the-rules: pointing at a number of the text lights its part of the room", async () => {
  const { page, problems, context } = await openPage(env, "/#step=the-rules&beat=5");
  await ready(page);
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
  assert.deepEqual(problems, []);
  await context.close();
});
