// render.test.mjs: the renderer (web/render_gl.cpp) repaints only what changed since the last
// frame. After hovering, pressing, changing beats, opening a dialog, switching steps and a running
// animation, the picture built that way must be exactly the picture of a full repaint
// (cniCampus.repaint()), or something was left stale on screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, settle, locate, clickLabel, openReady, closeClean, state } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

// In one task (no frame can come between): the picture as the frames left it, then the
// same frame repainted whole; the first row of pixels where they differ, or -1.
const firstDifference = (page) => page.evaluate(() => {
  const c = document.getElementById("canvas");
  const off = document.createElement("canvas");
  off.width = c.width;
  off.height = c.height;
  const g = off.getContext("2d", { willReadFrequently: true });
  const rows = () => {
    g.drawImage(c, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const out = [];
    for (let y = 0; y < c.height; y += 1) {
      let h = 0;
      for (let i = y * c.width * 4, end = i + c.width * 4; i < end; i += 4) h = (h * 31 + d[i] + d[i + 1] * 7 + d[i + 2] * 13) | 0;
      out.push(h);
    }
    return out;
  };
  const partial = rows();
  window.cniCampus.repaint();
  const full = rows();
  return partial.findIndex((h, y) => h !== full[y]);
});

async function sameAsFullRepaint(page, what) {
  await settle(page);
  assert.equal(await firstDifference(page), -1, `${what}: the picture differs from a full repaint there`);
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
    assert.equal(await firstDifference(page), -1, `the call animation, moment ${i}`);
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
