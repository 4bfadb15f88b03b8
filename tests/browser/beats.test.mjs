// beats.test.mjs: every beat of every step, at 1280x800 and on a 390x844 touch phone: the
// beat's paragraph and the figure it talks about are both inside the viewport; a step opens
// with its words and its view scrolled to the top; Next, Back, the dots, the arrow keys,
// goTo(step, beat), #step=ID&beat=N and the stepchange event agree on where the learner is.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, ready, settle, locate, clickLabel, openReady, closeClean, state, typeNumber } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const SIZES = [
  { name: "1280x800", viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, touch: false },
  { name: "390x844 touch", viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, touch: true },
];

function inside(r, vp, what) {
  assert.ok(r, `${what} was drawn`);
  assert.ok(r.w > 0 && r.h > 0, `${what} has a size`);
  assert.ok(r.x >= -1 && r.y >= -1 && r.x + r.w <= vp.width + 1 && r.y + r.h <= vp.height + 1,
    `${what} inside the ${vp.width}x${vp.height} viewport: ${JSON.stringify(r)}`);
}

for (const size of SIZES) {
  test(`every beat of every step at ${size.name}: paragraph and figure on screen together`, async () => {
    const { page, problems, context } = await openPage(env, "/", size);
    await ready(page);
    const steps = (await state(page)).steps;
    assert.ok(steps.length >= 14);
    await locate(page, "##beat-text");  // switches locate's recording on
    for (const step of steps) {
      for (let beat = 0; beat < step.beats; ++beat) {
        assert.equal(await page.evaluate(([s, b]) => window.cniCampus.goTo(s, b), [step.id, beat]), true);
        // The second part of a split module may still be on its way.
        await page.waitForFunction(() => {
          const s = window.cniCampus.state();
          return s.deferred === undefined || s.deferred === "ready" || s.deferred === "none";
        }, null, { timeout: 20000 });
        await settle(page);
        const s = await state(page);
        assert.equal(s.step.id, step.id);
        assert.equal(s.beat.index, beat);
        assert.equal(s.beat.count, step.beats);
        const where = `${step.id} beat ${beat}`;
        if (s.beat.practice) continue;  // the takeaways and exercises: checked elsewhere
        inside(await page.evaluate(() => window.cniCampus.locate("##beat-text")), size.viewport,
          `${where}: the paragraph`);
        if (step.model) {
          inside(await page.evaluate(() => window.cniCampus.locate("##figure")), size.viewport,
            `${where}: the figure`);
        }
      }
    }
    await closeClean(problems, context);
  });
}

// Next sits in the words' column, drawn before the view in the same frame: the view's
// scroll to its top, asked for there, must not undo bringing the figure into sight.
test("Next brings the beat's figure into sight as goTo does (the playground's log, low in its view)", async () => {
  const { page, problems, context } = await openReady(env, "/#step=takeaways&beat=3");
  await page.waitForFunction(() => ["ready", "none", undefined].includes(window.cniCampus.state().deferred), null, { timeout: 20000 });
  await settle(page);
  await locate(page, "##figure");
  await clickLabel(page, "Next  \u25B6");
  await settle(page);
  const s = await state(page);
  assert.equal(s.beat.index, 4);
  inside(await page.evaluate(() => window.cniCampus.locate("##figure")), { width: 1280, height: 800 },
    "takeaways beat 4 after Next: the log");
  await closeClean(problems, context);
});

test("a step opens at the top of its words and its view; Next, Back, dots and keys move beats", async () => {
  const { page, problems, context } = await openReady(env, "/#step=phone-panel", SIZES[1]);
  let s = await state(page);
  assert.equal(s.beat.index, 0);
  assert.equal(s.beat.goal, "second-panel");
  await clickLabel(page, "Next  \u25B6");
  s = await state(page);
  assert.equal(s.beat.index, 1);
  assert.equal(s.beat.focus, "slots");
  assert.match(await page.evaluate(() => location.hash), /step=phone-panel&beat=1/);
  await clickLabel(page, "\u25C0  Back");
  assert.equal((await state(page)).beat.index, 0);
  await clickLabel(page, "##beat-4");
  assert.equal((await state(page)).beat.index, 4);
  // Scroll the words and the view away, then change step: both start at the top.
  await page.mouse.move(200, 700);
  await page.mouse.wheel(0, 600);
  await page.mouse.move(200, 200);
  await page.mouse.wheel(0, 600);
  await settle(page);
  await page.evaluate(() => window.cniCampus.goTo("the-rules"));
  await settle(page);
  s = await state(page);
  assert.equal(s.step.id, "the-rules");
  assert.deepEqual(s.scroll, { text: 0, view: 0 });
  // The arrow keys step through beats and on into the next step.
  await page.evaluate(() => window.cniCampus.goTo("phone-panel", 0));
  await settle(page);
  const count = (await state(page)).beat.count;
  // Focus the canvas without pressing anything: a click on the paragraph's far corner.
  const words = await locate(page, "##beat-text");
  await page.mouse.click(words.x + words.w - 2, words.y + words.h - 2);
  await settle(page);
  for (let i = 0; i < count; ++i) await page.keyboard.press("ArrowRight");
  await settle(page);
  s = await state(page);
  assert.equal(s.step.id, "the-rules");
  assert.equal(s.beat.index, 0);
  await page.keyboard.press("ArrowLeft");
  await settle(page);
  s = await state(page);
  assert.equal(s.step.id, "phone-panel");
  assert.equal(s.beat.index, count - 1);
  await closeClean(problems, context);
});

test("deep links, goTo and stepchange carry the beat; a beat the step lacks changes nothing", async () => {
  const { page, problems, context } = await openReady(env, "/#step=phone-panel&beat=3");
  let s = await state(page);
  assert.equal(s.step.id, "phone-panel");
  assert.equal(s.beat.index, 3);
  assert.match(s.live, /2 pods of 9/, "beat 3 sets two desks");
  const seen = await page.evaluate(() => new Promise((resolve) => {
    const got = [];
    window.cniCampus.on("stepchange", (d) => { got.push(d); if (got.length === 2) resolve(got); });
    window.cniCampus.goTo("phone-panel", 5);
  }));
  assert.equal(seen[1].step, "phone-panel");
  assert.equal(seen[1].beat, 5);
  assert.equal(seen[1].beats, s.beat.count);
  assert.equal(await page.evaluate(() => window.cniCampus.goTo("phone-panel", 99)), false);
  assert.equal(await page.evaluate(() => window.cniCampus.goTo("phone-panel", -2)), false);
  assert.equal((await state(page)).beat.index, 5);
  await page.evaluate(() => { location.hash = "#step=phone-panel&beat=40"; });
  await settle(page);
  s = await state(page);
  assert.match(s.error, /beat '40'/);
  assert.equal(s.beat.index, 5, "a bad beat in the link leaves the beat as it was");
  await closeClean(problems, context);
});

test("phone-panel: the puzzle is met in the picture, and an editable number moves the room", async () => {
  const { page, problems, context } = await openReady(env, "/#step=phone-panel");
  assert.equal((await state(page)).beat.goalMet, false);
  await clickLabel(page, "Add a desk", { times: 3 });
  let s = await state(page);
  assert.equal(s.beat.goalMet, true, "the third desk fills the first panel: a second comes");
  assert.match(s.live, /2 of 3 ENIs attached, 3 pods/);
  await locate(page, "##goal-met");
  // Beat 3 has [[~pods]]: drag it to the right and the room takes more desks.
  await page.evaluate(() => window.cniCampus.goTo("phone-panel", 3));
  await settle(page);
  const pill = await locate(page, "##edit-pods");
  await page.mouse.move(pill.x + pill.w / 2, pill.y + pill.h / 2);
  await page.mouse.down();
  await page.mouse.move(pill.x + pill.w / 2 + 45, pill.y + pill.h / 2, { steps: 6 });
  await page.mouse.up();
  await settle(page);
  s = await state(page);
  assert.match(s.live, /5 pods of 9/, "three steps to the right: 2 + 3 desks");
  // A tap opens the box with a field to type in.
  await typeNumber(page, "pods", 7);
  assert.match((await state(page)).live, /7 pods of 9/);
  await closeClean(problems, context);
});

test("reduced motion: a beat change and a new panel draw their end state, no animation frames", async () => {
  // The same beat change eases its highlight in with motion, and not without.
  const animatesAfterNext = async (reducedMotion) => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion });
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(env.base + "/#step=phone-panel");
    await ready(page);
    // goTo and state() in one task: no frame can run in between, however slow the machine.
    const animating = await page.evaluate(() => {
      window.cniCampus.goTo("phone-panel", 1);
      return window.cniCampus.state().animating;
    });
    await settle(page);
    if (reducedMotion === "reduce") {
      // A new panel: drawn at once, no flash that needs frames.
      await page.evaluate(() => window.cniCampus.goTo("phone-panel", 0));
      await settle(page);
      await clickLabel(page, "Add a desk", { times: 2 });
      const a = await locate(page, "Add a desk");
      await page.mouse.click(a.x + a.w / 2, a.y + a.h / 2);
      await page.waitForFunction(() => /2 of 3 ENIs attached/.test(window.cniCampus.state().live));
      assert.equal((await state(page)).animating, false, "no flash runs");
    }
    await closeClean(problems, context);
    return animating;
  };
  assert.equal(await animatesAfterNext("reduce"), false);
  assert.equal(await animatesAfterNext("no-preference"), true);
});
