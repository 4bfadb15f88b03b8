// words.test.mjs: one vocabulary at a time. Every beat of every step is drawn in campus
// words, then in AWS words, and the words its view drew (cniCampus.viewText(), read through
// ImGui's log like locate) are checked against the vocabulary table of assets/lessons.json:
// in campus words no AWS term of the table, in AWS words no campus term. The page is tall
// (1280x3000) so that a long view draws all of itself.
//
// Setting names (WARM_ENI_TARGET, AWS_VPC_K8S_CNI_EXTERNALSNAT...), resource ids and AWS
// product names are the same in both vocabularies and are not terms; so are the few words
// the table lists that are also plain English ("number", "address" in a sentence): a term
// is matched only as a whole word, and the table's one-word generic entries are skipped.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, openPage, ready, settle, locate, ROOT, closeClean, state } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const lessons = JSON.parse(fs.readFileSync(path.join(ROOT, "assets/lessons.json"), "utf8"));
// Words of the table that ordinary sentences use in either vocabulary.
const GENERIC = new Set(["number", "numbers", "address", "addresses", "slot", "slots"]);
const terms = (side) => [...new Set(Object.values(lessons.terms).map((t) => t[side]))]
  .filter((t) => !GENERIC.has(t.toLowerCase()));

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Setting names and ids are not words of either vocabulary: blank them out first.
const strip = (text) => text
  .replace(/\b[A-Z0-9]+(?:_[A-Z0-9]+)+\b/g, " ")   // WARM_ENI_TARGET, ENABLE_PREFIX_DELEGATION
  .replace(/\b(?:eni|subnet|vpc|node|pod)-[0-9a-z-]+\b/g, " ")  // eni-1, subnet-a, node-a-1
  .replace(/\bkubernetes\.io\/role\/cni\S*/g, " ");

function found(text, list) {
  const hits = [];
  const clean = strip(text);
  for (const term of list) {
    const re = new RegExp(`(^|[^A-Za-z0-9_-])${escape(term)}(?![A-Za-z0-9_])`, "i");
    const m = clean.match(re);
    if (m) {
      const at = m.index;
      hits.push(`"${term}" in "...${clean.slice(Math.max(0, at - 40), at + term.length + 40).replace(/\s+/g, " ")}..."`);
    }
  }
  return hits;
}

for (const [terms_, side, other] of [["analogy", 1, "AWS"], ["aws", 0, "campus"]]) {
  test(`${terms_ === "analogy" ? "campus" : "AWS"} words: no ${other} term in what any view draws, every beat of every step`, async () => {
    const { page, problems, context } = await openPage(env, `/#terms=${terms_}`, { viewport: { width: 1280, height: 3000 } });
    await ready(page);
    await locate(page, "##figure");  // switches the recording on
    const steps = (await state(page)).steps;
    const list = terms(side);
    const wrong = [];
    let drawn = 0;
    for (const step of steps) {
      for (let beat = 0; beat < step.beats; ++beat) {
        assert.equal(await page.evaluate(([s, b]) => window.cniCampus.goTo(s, b), [step.id, beat]), true);
        await page.waitForFunction(() => {
          const s = window.cniCampus.state();
          return (s.deferred === undefined || s.deferred === "ready" || s.deferred === "none") && !s.animating;
        }, null, { timeout: 30000 });
        await settle(page);
        // One more frame, so that the text of the last frame is the beat's settled view.
        await page.mouse.move(2, 2 + (beat % 2));
        await settle(page);
        const text = await page.evaluate(() => window.cniCampus.viewText());
        drawn += text.length;
        for (const hit of found(text, list)) wrong.push(`${step.id} beat ${beat}: ${hit}`);
      }
    }
    assert.ok(drawn > 5000, `the views drew their words (${drawn} characters)`);
    assert.deepEqual(wrong, []);
    await closeClean(problems, context);
  });
}
