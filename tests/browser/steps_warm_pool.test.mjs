// steps_warm_pool.test.mjs: step warm-pool (step 10): two panels for one desk, the settings
// that size the pool, the pool stopping at max-pods, and spares going back (the event log's words in
// both vocabularies are checked natively, tests/steps/warm_pool_test.cpp). Every click goes to a widget
// by its label; beats are entered with cniCampus.goTo(step, beat); what the model shows is
// read from state().live and state().beat.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, settle, clickLabel, typeNumber, openReady, openAtGoal, closeClean, state } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const goTo = async (page, beat) => {
  assert.equal(await page.evaluate((b) => window.cniCampus.goTo("warm-pool", b), beat), true);
  await settle(page);
};

test("warm-pool: one desk brings a second panel; WARM_IP_TARGET trims the pool", async () => {
  const { page, problems, context } = await openAtGoal(env, "/#step=warm-pool", "two-panels");
  let s = await state(page);
  assert.match(s.live, /^t3\.small, WARM_ENI_TARGET 1, WARM_IP_TARGET 0, MINIMUM_IP_TARGET 0, WARM_PREFIX_TARGET 1: 1 of 3 ENIs, 3 IPs held, 3 free, 0 pods, max-pods 11/);
  await clickLabel(page, "Add a desk");
  s = await state(page);
  assert.equal(s.beat.goalMet, true, "two panels for one desk");
  assert.match(s.live, /2 of 3 ENIs, 6 IPs held, 5 free, 1 pod, max-pods 11\. ipamd: free IPs 5 >= WARM_ENI_TARGET 1 x 3 IPs per ENI = 3/);
  // The WARM_ENI_TARGET stepper in the view: two panels' worth of spares brings the third.
  await clickLabel(page, "+", { nth: 0 });
  assert.match((await state(page)).live, /WARM_ENI_TARGET 2, .*: 3 of 3 ENIs, 9 IPs held, 8 free, 1 pod/);

  // The WARM_IP_TARGET beat: type 2 into the text's number; the pool gives back the rest.
  await goTo(page, 3);
  s = await state(page);
  assert.equal(s.beat.goal, "lean");
  assert.equal(s.beat.goalMet, true, "the beat sets WARM_IP_TARGET 2");
  await typeNumber(page, "warmip", 5);
  s = await state(page);
  assert.match(s.live, /WARM_IP_TARGET 5, .* 1 pod,/);
  assert.match(s.live, / 5 free,/);
  assert.equal(s.beat.goalMet, false, "5 spare is not lean");
  await typeNumber(page, "warmip", 1);
  s = await state(page);
  assert.match(s.live, / 1 free,/);
  assert.equal(s.beat.goalMet, true);
  await closeClean(problems, context);
});

test("warm-pool: prefix delegation stops at max-pods; removing desks gives a panel back", async () => {
  const { page, problems, context } = await openReady(env, "/#step=warm-pool&beat=6");
  let s = await state(page);
  assert.match(s.live, /^t3\.small with prefix delegation, .*WARM_PREFIX_TARGET 3: 1 of 3 ENIs, 16 IPs held, 15 free, 1 pod, max-pods 11\. ipamd: the pool holds 16 addresses >= max-pods 11/);
  await goTo(page, 7);
  s = await state(page);
  assert.equal(s.beat.goal, "panel-back");
  assert.equal(s.beat.goalMet, false);
  assert.match(s.live, /3 of 3 ENIs, 9 IPs held, 5 free, 4 pods/);
  await clickLabel(page, "Remove a desk");
  s = await state(page);
  assert.equal(s.beat.goalMet, true, "a whole panel's worth over the target: panel 3 goes");
  assert.match(s.live, /2 of 3 ENIs, 6 IPs held, 3 free, 3 pods/);
  await closeClean(problems, context);
});
