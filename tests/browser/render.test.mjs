// render.test.mjs: the renderer (web/render_gl.cpp) repaints only what changed since the last
// frame. After hovering, pressing, changing beats, opening a dialog, switching steps and a running
// animation, the picture built that way must be exactly the picture of a full repaint
// (cniCampus.repaint()), or something was left stale on screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, settle, locate, clickLabel, firstRepaintDifference, openReady, closeClean, state } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

async function sameAsFullRepaint(page, what) {
  await settle(page);
  assert.equal(await firstRepaintDifference(page), -1, `${what}: the picture differs from a full repaint there`);
}

test("repainting what changed gives the picture a full repaint gives", async () => {
  const { page, problems, context } = await openReady(env, "/", { viewport: { width: 1100, height: 760 } });
  await sameAsFullRepaint(page, "first screen");
  // Hover over the step list and the buttons (highlights come and go).
  for (const [x, y] of [[100, 100], [120, 300], [700, 110], [1000, 30], [550, 700]]) await page.mouse.move(x, y);
  await sameAsFullRepaint(page, "hover");
  // The call animation, caught half-way and at its end.
  await page.evaluate(() => window.cniCampus.goTo("big-picture", 4));
  await sameAsFullRepaint(page, "a beat of big-picture");
  await clickLabel(page, "Play");
  await page.waitForFunction(() => window.cniCampus.state().animating);
  for (let i = 0; i < 3; i++) {
    const f0 = (await state(page)).frames;
    await page.waitForFunction((f) => window.cniCampus.state().frames > f + 5, f0);
    assert.equal(await firstRepaintDifference(page), -1, `the call animation, moment ${i}`);
  }
  await page.waitForFunction(() => window.cniCampus.state().live.endsWith("Arrived."), null, { timeout: 30000 });
  await sameAsFullRepaint(page, "after the call animation");
  // Another step: beats forward and back, a dialog opened and closed.
  await page.evaluate(() => window.cniCampus.goTo("desk-limit"));
  await sameAsFullRepaint(page, "step change");
  await clickLabel(page, "Next  \u25B6", { times: 2 });
  await sameAsFullRepaint(page, "next beats");
  await clickLabel(page, "\u25C0  Back");
  await sameAsFullRepaint(page, "a beat back");
  await clickLabel(page, "Embed this step");
  await locate(page, "Close");
  await sameAsFullRepaint(page, "dialog open");
  await clickLabel(page, "Close");
  await sameAsFullRepaint(page, "dialog closed");
  await closeClean(problems, context);
});
