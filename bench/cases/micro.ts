/**
 * In-process and start-up costs: the categorizer's replies per second against JSON.parse of the
 * same texts, and `smsfunnel --help` against a bare `node -e 0` (both real processes).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseString } from 'fast-csv';
import { loadFunnelFile } from '../../src/adapters/funnel-file.js';
import { categorize } from '../../src/core/categorize/index.js';
import { BIN, runNode } from '../lib/proc.js';
import type { Section } from '../lib/report.js';
import { mb, median, ms, ratio } from '../lib/stats.js';

const CORPORA = ['labeled.csv', 'unseen.csv', 'unseen-2.csv', 'unseen-3.csv', 'dev.csv', 'heldout.csv'];

async function replyTexts(): Promise<string[]> {
  const texts: string[] = [];
  for (const name of CORPORA) {
    const path = fileURLToPath(new URL(`../../test/categorize/${name}`, import.meta.url));
    const text = await readFile(path, 'utf8');
    await new Promise<void>((resolve, reject) => {
      parseString(text, { headers: true })
        .on('data', (row: Record<string, string>) => {
          if (row.body !== undefined && row.body !== '') texts.push(row.body);
        })
        .on('error', reject)
        .on('end', () => resolve());
    });
  }
  return texts;
}

export async function categorizerSection(funnelFile: string, total: number, reps: number): Promise<Section> {
  const corpus = await replyTexts();
  const texts = Array.from({ length: total }, (_, i) => corpus[i % corpus.length] as string);
  const json = texts.map((t) => JSON.stringify({ body: t }));
  const funnel = await loadFunnelFile(funnelFile);
  const options = { custom: funnel.categories };
  let sink = 0;
  const run = (fn: () => void) => {
    const times: number[] = [];
    for (let r = 0; r < reps; r++) {
      const start = performance.now();
      fn();
      times.push(performance.now() - start);
    }
    return median(times);
  };
  // warm both up once so the JIT has seen them
  for (const t of texts.slice(0, 2000)) sink += categorize(t, options).category.length;
  const catMs = run(() => {
    for (const t of texts) sink += categorize(t, options).category.length;
  });
  const parseMs = run(() => {
    for (const j of json) sink += (JSON.parse(j) as { body: string }).body.length;
  });
  const loopMs = run(() => {
    for (const t of texts) sink += t.toLowerCase().includes('stop') ? 1 : 0;
  });
  if (sink === -1) console.log('unreachable: keeps the loops from being optimised away');
  const perSecond = (m: number) => Math.round((total / m) * 1000).toLocaleString('en-US');
  return {
    title: 'Categorizer',
    about: `${total.toLocaleString('en-US')} replies (the ${corpus.length} labelled texts of test/categorize/, repeated) sorted with the example funnel's categories, in process; median of ${reps}. Yardsticks over the same texts: JSON.parse of each as a small JSON object, and a trivial loop (lower-case + includes).`,
    headers: ['measure', 'time', 'replies/s', 'yardstick', 'yardstick time', 'ratio'],
    rows: [
      ['categorize()', ms(catMs), perSecond(catMs), 'JSON.parse', ms(parseMs), ratio(catMs, parseMs)],
      ['categorize()', ms(catMs), perSecond(catMs), 'trivial loop', ms(loopMs), ratio(catMs, loopMs)],
    ],
    bars: [],
    notes: [
      `No bar against these yardsticks (a rule-based categorizer does tens of regex and word tests per reply; JSON.parse does one pass): the figure that matters is time per tick — 10,000 replies take ${ms((catMs / total) * 10_000)}.`,
    ],
  };
}

export async function startupSection(reps: number): Promise<Section> {
  const help: number[] = [];
  const bare: number[] = [];
  const helpRss: number[] = [];
  const bareRss: number[] = [];
  // interleaved, so a noisy moment hits both
  for (let i = 0; i < reps + 1; i++) {
    const h = await runNode([BIN, '--help']);
    const b = await runNode(['-e', '0']);
    if (h.code !== 0) throw new Error(`smsfunnel --help exited ${h.code}: ${h.stderr}`);
    if (i === 0) continue; // warm-up: file cache
    help.push(h.ms);
    bare.push(b.ms);
    helpRss.push(h.maxRssKb);
    bareRss.push(b.maxRssKb);
  }
  const h = median(help);
  const b = median(bare);
  return {
    title: 'Start-up',
    about: `\`smsfunnel --help\` (the built binary, a real process) against \`node -e 0\`, run alternately; median of ${reps} after one warm-up each.`,
    headers: ['measure', 'time', 'peak RSS', 'yardstick', 'yardstick time', 'ratio', 'bar'],
    rows: [['`smsfunnel --help`', ms(h), mb(median(helpRss)), '`node -e 0`', ms(b), ratio(h, b), '≤ 2×']],
    bars: [{ name: '--help start-up ≤ 2× node -e 0', ok: h <= 2 * b, detail: `${ratio(h, b)}` }],
    notes: [],
  };
}
