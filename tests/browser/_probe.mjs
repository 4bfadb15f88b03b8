import { launch, openPage, ready, settle, locate, clickLabel } from "./harness.mjs";
const env = await launch();
try {
  const { page, problems, context } = await openPage(env, "/#step=phone-panel");
  await ready(page);
  page.on("console", (m) => console.log("  >", m.text()));
  const st = async () => page.evaluate(() => { const s = window.cniCampus.state(); return { focus: s.focus, active: document.activeElement.id }; });
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press("Tab"); await settle(page);
  await page.keyboard.press("Tab"); await settle(page);
  console.log(JSON.stringify(await st()));
  await page.keyboard.press("Shift+Tab"); await settle(page);
  console.log("shift", JSON.stringify(await st()));
  await page.keyboard.press("Shift+Tab"); await settle(page);
  console.log("shift2", JSON.stringify(await st()));
  const count = (await page.evaluate(() => window.cniCampus.state())).beat.count;
  await page.evaluate((b) => window.cniCampus.goTo("phone-panel", b), count - 1); await settle(page);
  await clickLabel(page, "##next");
  console.log("next", JSON.stringify(await st()), JSON.stringify(await locate(page, "##next")), JSON.stringify(await locate(page, "##option", 0)));
  for (let i = 0; i < 8; ++i) { await page.keyboard.press("Tab"); await settle(page); console.log(JSON.stringify(await st())); }
  console.log(problems);
  await context.close();
} finally { await env.close(); }
