// steps_secondary_cidrs.test.mjs: step "secondary-cidrs": the address bar is dragged and typed
// by label, AWS's rules answer at once, Add grows the campus, a building goes into the new
// block, the quota is raised from the text; both vocabularies in state().live.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, settle, locate, clickLabel, openReady, openAtGoal, closeClean, state } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

// Drags a labelled widget sideways by dx CSS pixels.
async function drag(page, label, dx) {
  const r = await locate(page, label);
  const y = r.y + r.h / 2;
  await page.mouse.move(r.x + r.w / 2, y);
  await page.mouse.down();
  await page.mouse.move(r.x + r.w / 2 + dx, y, { steps: 8 });
  await page.mouse.up();
  await settle(page);
}

// Taps a labelled number, types a value into the box it opens, and closes it.
async function type(page, label, value) {
  await clickLabel(page, label);
  await locate(page, "Done");
  await page.keyboard.press("Control+A");
  await page.keyboard.type(String(value));
  await settle(page);
  await clickLabel(page, "Done");
}

test("secondary-cidrs: drag the prefix to /16, add it, build in it; refusals change nothing", async () => {
  const { page, problems, context } = await openAtGoal(env, "/#step=secondary-cidrs", "grow");
  let s = await state(page);
  assert.match(s.live, /^Campus: 1 of 5 number ranges \(10\.0\.0\.0\/16\), 65,536 numbers; 4 buildings/);
  assert.match(s.live, /Bar: 100\.64\.0\.0\/10, refused: Too large/);
  await locate(page, "##bits");
  await drag(page, "##prefix", 6 * 14);  // six steps of 14 px: /10 to /16
  assert.match((await state(page)).live, /Bar: 100\.64\.0\.0\/16, allowed\./);
  await clickLabel(page, "##add");
  s = await state(page);
  assert.equal(s.beat.goalMet, true, "the campus grew");
  assert.match(s.live, /2 of 5 number ranges \(10\.0\.0\.0\/16, 100\.64\.0\.0\/16\), 131,072 numbers/);
  // 198.19.0.0/16 typed into the octets: refused beside 10.0.0.0/16, the campus unchanged.
  await type(page, "##octet-1", 198);
  await type(page, "##octet-2", 19);
  s = await state(page);
  assert.match(s.live, /Bar: 198\.19\.0\.0\/16, refused: Refused: 198\.19\.0\.0\/16 never shares a campus/);
  await clickLabel(page, "##add");
  assert.match((await state(page)).live, /2 of 5 number ranges/);
  // A building in the new block.
  await clickLabel(page, "##build");
  assert.match((await state(page)).live, /; 5 buildings, 81,895 usable/);
  await closeClean(problems, context);
});

test("secondary-cidrs: a tap on the bit strip moves the prefix; the quota is raised in the text", async () => {
  const { page, problems, context } = await openReady(env, "/#step=secondary-cidrs&beat=7&terms=aws");
  let s = await state(page);
  assert.equal(s.beat.focus, "quota");
  assert.match(s.live, /^VPC: 5 of 5 CIDR blocks \(10\.0\.0\.0\/16, 100\.64\.0\.0\/16, 100\.65\.0\.0\/16, 100\.66\.0\.0\/16, 100\.67\.0\.0\/16\)/);
  assert.match(s.live, /Bar: 100\.68\.0\.0\/16, refused: Quota reached/);
  await type(page, "##edit-quota", 6);
  assert.match((await state(page)).live, /Bar: 100\.68\.0\.0\/16, allowed\./);
  await clickLabel(page, "##add");
  assert.match((await state(page)).live, /^VPC: 6 of 6 CIDR blocks/);
  // A tap at the right end of the bit strip: the handle goes to /30 (too small).
  const bits = await locate(page, "##bits");
  await page.mouse.click(bits.x + bits.w - 2, bits.y + bits.h / 2);
  await settle(page);
  assert.match((await state(page)).live, /Bar: 100\.68\.0\.0\/30, refused: Too small/);
  await closeClean(problems, context);
});
