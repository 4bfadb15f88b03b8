// steps_ipv6.test.mjs: step "ipv6" in the page, by label only: the puzzle (no IPv4 setting
// fits the desks, an IPv6 campus does), max-pods set by hand in the text on a self-managed
// node, deep links and goTo by beat, the embed page; "Further reading" on the last step's
// practice beat opens its links in a new tab, and the static lesson pages list them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, ready, settle, locate, clickLabel, openReady, closeClean, state, typeNumber } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, touch: true };

// Scrolls the pane under `x` (the wheel, over the pane) until the labelled widget lies
// between y 60 and `bottom` (where that pane's visible part ends), and returns its place.
async function reveal(page, label, bottom) {
  let r = await locate(page, label);
  for (let i = 0; i < 30 && (r.y < 60 || r.y + r.h > bottom); ++i) {
    await page.mouse.move(r.x + 5, Math.min(Math.max(r.y, 120), bottom - 20));
    await page.mouse.wheel(0, r.y + r.h / 2 - (60 + bottom) / 2);
    await settle(page);
    r = await locate(page, label);
  }
  assert.ok(r.y >= 60 && r.y + r.h <= bottom, `${label} came into view: ${JSON.stringify(r)}`);
  return r;
}

test("ipv6: prefix delegation does not fit the desks, the new phone system does", async () => {
  const { page, problems, context } = await openReady(env, "/#step=ipv6", PHONE);
  let s = await state(page);
  assert.equal(s.step.id, "ipv6");
  assert.equal(s.beat.goal, "fit");
  assert.equal(s.beat.goalMet, false);
  assert.match(s.live, /IPv4 cluster, t3\.medium: 15 of 40 pods running, 0 waiting, 25 refused/);
  await locate(page, "##goal-open");
  // On a phone the switches sit under the picture: scroll the view down to them (the
  // paragraph starts under the view).
  const text = await locate(page, "##beat-text");
  await reveal(page, "Prefix delegation: blocks of 16 extensions", text.y - 60);
  await clickLabel(page, "Prefix delegation: blocks of 16 extensions");
  s = await state(page);
  assert.match(s.live, /32 of 40 pods running, 8 waiting, 0 refused/, "the /26 holds two blocks");
  assert.equal(s.beat.goalMet, false);
  await reveal(page, "new phone system", text.y - 60);
  await clickLabel(page, "new phone system");
  s = await state(page);
  assert.match(s.live, /IPv6 cluster, t3\.medium: 40 of 40 pods running/);
  assert.equal(s.beat.goalMet, true);
  await locate(page, "##goal-met");
  // The text's [[~want]] asks for more desks than kubelet's 110 admits: some are turned away.
  await typeNumber(page, "want", 120);
  s = await state(page);
  assert.match(s.live, /108 of 120 pods running, 0 waiting, 12 refused; kubelet max-pods 110/);
  await closeClean(problems, context);
});

test("ipv6: a self-managed node keeps nodeadm's 17 until max-pods is set by hand", async () => {
  const { page, problems, context } = await openReady(env, "/#step=ipv6&beat=5&terms=aws");
  let s = await state(page);
  assert.equal(s.beat.index, 5);
  assert.equal(s.beat.goal, "fit");
  assert.equal(s.beat.goalMet, false);
  assert.match(s.live, /IPv6 cluster, t3\.medium: 15 of 40 pods running.*max-pods 17/);
  await typeNumber(page, "maxpods", 42);
  s = await state(page);
  assert.match(s.live, /40 of 40 pods running.*max-pods 42/);
  assert.equal(s.beat.goalMet, true);
  // Back to the node group's own value with the view's button.
  await clickLabel(page, "Unset");
  assert.match((await state(page)).live, /max-pods 17/);
  await closeClean(problems, context);
});

test("ipv6: goTo and deep links reach each beat; the embed page opens on a beat", async () => {
  const { page, problems, context } = await openReady(env, "/");
  assert.equal(await page.evaluate(() => window.cniCampus.goTo("ipv6", 6)), true);
  await settle(page);
  let s = await state(page);
  assert.equal(s.step.id, "ipv6");
  assert.equal(s.beat.focus, "egress");
  assert.match(await page.evaluate(() => location.hash), /step=ipv6&beat=6/);
  const steps = s.steps.map((x) => x.id);
  assert.equal(steps.indexOf("ipv6") + 1, steps.indexOf("choosing"), "right before choosing");
  await locate(page, "##figure");
  assert.equal(await page.evaluate(() => window.cniCampus.goTo("ipv6", 99)), false);
  await closeClean(problems, context);

  const embed = await openPage(env, "/embed.html#step=ipv6&beat=3");
  await ready(embed.page);
  s = await state(embed.page);
  assert.equal(s.step.id, "ipv6");
  assert.equal(s.beat.index, 3);
  assert.equal(s.beat.focus, "prefix");
  assert.deepEqual(embed.problems, []);
  await embed.context.close();
});

test("Further reading: the last step's practice beat opens a link in a new tab", async () => {
  const { page, problems, context } = await openReady(env, "/#step=takeaways");
  // The link leaves this machine: answer it here, and only here.
  await context.route("https://docs.aws.amazon.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<title>stub</title>" }));
  const count = (await state(page)).beat.count;
  assert.equal(await page.evaluate((b) => window.cniCampus.goTo("takeaways", b), count - 1), true);
  await settle(page);
  assert.equal((await state(page)).beat.practice, true);
  const title = "Learn about IPv6 addresses to clusters, Pods, and services (EKS User Guide)";
  // The list sits under the final check: scroll the words' column until the link is in view
  // (the column ends above the step navigation, at about 735).
  await reveal(page, title, 700);
  const opened = context.waitForEvent("page");
  await clickLabel(page, title);
  const tab = await opened;
  await tab.waitForLoadState();
  assert.equal(tab.url(), "https://docs.aws.amazon.com/eks/latest/userguide/cni-ipv6.html");
  assert.equal(await tab.evaluate(() => window.opener), null, "the new tab cannot reach back");
  assert.equal((await state(page)).step.id, "takeaways", "the page itself stays");
  await closeClean(problems, context);
});

test("the static lesson pages: the ipv6 step, and every step's reading on its page and the index", async () => {
  const { page, problems, context } = await openReady(env, "/");
  const steps = (await state(page)).steps;
  const pages = await page.evaluate(async (ids) => {
    const out = {};
    for (const id of [...ids, "index"]) {
      const doc = new DOMParser().parseFromString(
        await (await fetch(`lessons/${id}.html`)).text(), "text/html");
      out[id] = {
        links: [...doc.querySelectorAll("ul.reading a")].map((a) => [a.textContent, a.getAttribute("href"), a.getAttribute("rel")]),
        text: doc.body.textContent,
      };
    }
    return out;
  }, steps.map((s) => s.id));
  assert.match(pages.ipv6.text, /281,474,976,710,656/, "the ipv6 page prints its beats' numbers");
  assert.match(pages.ipv6.text, /169\.254\.172\.0\/22/);
  let all = 0;
  for (const s of steps) {
    const links = pages[s.id].links;
    assert.ok(links.length >= 2, `${s.id} lists its reading`);
    for (const [title, href, rel] of links) {
      assert.ok(title.length > 0);
      assert.match(href, /^https:\/\/(docs\.aws\.amazon\.com|github\.com|aws\.github\.io)\//);
      assert.equal(rel, "noopener");
    }
    all += links.length;
  }
  assert.equal(pages.index.links.length, all, "the index lists every step's reading");
  assert.ok(pages.ipv6.links.some(([, href]) => href.endsWith("/userguide/cni-ipv6.html")));
  await closeClean(problems, context);
});
