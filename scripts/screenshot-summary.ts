/**
 * `npm run check:summary-html`: the summary email's HTML looked at in a real browser. Renders
 * the sample day (scripts/summary-sample.ts), opens it in headless Chromium as a phone (375 px,
 * mobile viewport) and as a desktop (1280 px), and fails when the page scrolls sideways, an
 * element sticks out of the window or out of its table cell, a text is smaller than 11 px, or
 * the trend chart's bars are not all drawn; then screenshots the top of each to
 * docs/summary-<width>.png. Needs a `chromium` binary (Debian: apt-get install chromium;
 * CHROMIUM=/path for another). Not part of `npm test`: CI would have to install a browser. The
 * browser is driven over the DevTools protocol on a pipe (scripts/cdp.ts), no package needed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openPage } from './cdp.js';
import { sampleEmail } from './summary-sample.js';

const CHROMIUM = process.env.CHROMIUM ?? 'chromium';
const WIDTHS = [375, 1280];
/** a screenshot shows the top of the email (headline, funnel, the 7 days, the steps, the first leads) */
const SHOT_HEIGHT = { 375: 2600, 1280: 1900 } as Record<number, number>;
const MIN_FONT_PX = 11;
const docs = resolve(process.argv[2] ?? 'docs');

/** Runs in the page: measures the layout and returns what it found. */
const probe = (width: number) => `(() => {
  const vw = ${width}, problems = [];
  if (window.innerWidth !== vw) problems.push('the window is ' + window.innerWidth + ' px wide, not ' + vw + ' px: the page made a phone zoom out');
  const name = (el) => el.tagName.toLowerCase() + (el.textContent.trim() ? ' "' + el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40) + '"' : '');
  const root = document.documentElement;
  if (root.scrollWidth > vw) problems.push('the page is ' + root.scrollWidth + ' px wide in a ' + vw + ' px window: it scrolls sideways');
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < -0.5 || r.right > vw + 0.5) problems.push(name(el) + ' sticks out of the window (' + Math.round(r.left) + '..' + Math.round(r.right) + ' px)');
    if ((el.tagName === 'TD' || el.tagName === 'TH' || getComputedStyle(el).overflowX !== 'visible') && el.scrollWidth > el.clientWidth + 1)
      problems.push(name(el) + ' is clipped or spills over: ' + el.scrollWidth + ' px of content in ' + el.clientWidth + ' px');
    const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (ownText && size < ${MIN_FONT_PX}) problems.push(name(el) + ' has ' + size + ' px text, smaller than ${MIN_FONT_PX} px');
  }
  const bars = [...document.querySelectorAll('table[aria-hidden="true"] td')];
  const drawn = bars.filter((b) => { const r = b.getBoundingClientRect(); return r.width >= 2 && r.height >= 1 && r.right <= vw; });
  const tall = bars.filter((b) => b.getBoundingClientRect().height >= 10);
  if (bars.length < 48) problems.push('the trend chart has ' + bars.length + ' bars, expected 48 (6 rows of 8 days)');
  if (drawn.length < bars.length) problems.push((bars.length - drawn.length) + ' chart bars are not drawn (no width or height, or outside the window)');
  if (tall.length === 0) problems.push('no chart bar is taller than 10 px');
  return { width: window.innerWidth, height: root.scrollHeight, bars: bars.length, problems: [...new Set(problems)] };
})()`;

interface Measure {
  width: number;
  height: number;
  bars: number;
  problems: string[];
}

async function check(html: string, width: number, dir: string): Promise<Measure> {
  const page = await openPage(CHROMIUM, join(dir, `profile-${width}`));
  try {
    const metrics = { width, deviceScaleFactor: 1, mobile: width < 600 };
    await page.send('Emulation.setDeviceMetricsOverride', { ...metrics, height: 900 });
    await page.send('Page.enable');
    const loaded = page.once('Page.loadEventFired');
    await page.send('Page.navigate', { url: `file://${html}` });
    await loaded;
    const { result } = await page.send<{ result: { value: Measure } }>('Runtime.evaluate', {
      expression: probe(width),
      returnByValue: true,
    });
    const m = result.value;
    const height = Math.min(m.height, SHOT_HEIGHT[width] ?? m.height);
    await page.send('Emulation.setDeviceMetricsOverride', { ...metrics, height });
    const { data } = await page.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
    const shot = join(docs, `summary-${width}.png`);
    const png = Buffer.from(data, 'base64');
    writeFileSync(shot, png);
    const verdict = m.problems.length === 0 ? 'ok' : `${m.problems.length} problem(s)`;
    console.log(
      `${width} px: window ${m.width} px, page ${m.height} px tall, ${m.bars} chart bars: ${verdict}; ` +
        `screenshot ${shot} (${Math.round(png.length / 1024)} KB)`,
    );
    for (const p of m.problems) console.log(`  - ${p}`);
    return m;
  } finally {
    await page.close();
    rmSync(join(dir, `profile-${width}`), { recursive: true, force: true, maxRetries: 5 });
  }
}

async function main(): Promise<number> {
  const email = sampleEmail();
  const dir = mkdtempSync(join(tmpdir(), 'smsfunnel-html-'));
  const html = join(dir, 'summary.html');
  writeFileSync(html, email.html);
  console.log(`${email.subject}\nhtml: ${html}`);
  let failed = false;
  for (const width of WIDTHS) {
    const m = await check(html, width, dir);
    failed ||= m.problems.length > 0;
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`check:summary-html: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
