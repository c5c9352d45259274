/**
 * Builds <set>.csv (body,category,language) for each set of hand-written replies in
 * sources/<set>-<language>.tsv (language, category, body): dev.csv, heldout.csv, and any set
 * added later (fresh-en.tsv ... -> fresh.csv). Each written reply is kept as written; about two
 * in three also get one variant the way phones and people change a text: diacritics dropped,
 * all capitals or all lower case, punctuation added or dropped, a neutral emoji, or two letters
 * swapped in the longest word. Deterministic (a hash of the text picks the variant), so running
 * it again writes the same files. Reactions (tapbacks) are typed by the phone, so they get no
 * variant. Run: node test/categorize/build-corpus.mjs [set ...] (every set when none is named).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const here = new URL('.', import.meta.url);

function hash(text) {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0), 16777619) >>> 0;
  return h;
}

const stripMarks = (s) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
const latin = (s) => /[a-z]/i.test(s) && !/[\u3000-\u9fff\uac00-\ud7af\u0400-\u04ff]/.test(s);

function swapInLongestWord(s) {
  const words = s.split(' ');
  let at = -1;
  for (let i = 0; i < words.length; i++)
    if (/^\p{L}{5,}$/u.test(words[i]) && (at < 0 || words[i].length > words[at].length)) at = i;
  if (at < 0) return undefined;
  const w = words[at];
  const k = 1 + (hash(w) % (w.length - 2));
  words[at] = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
  return words.join(' ');
}

const VARIANTS = [
  (s) => stripMarks(s),
  (s) => (latin(s) ? s.toUpperCase() : undefined),
  (s) => (latin(s) ? s.toLowerCase() : undefined),
  (s) => (/[.!?…]$/.test(s) ? s.replace(/[.!?…]+$/, '') : `${s}!!`),
  (s) => `${s} 😅`,
  (s) => (latin(s) ? swapInLongestWord(s) : undefined),
];

const REACTION =
  /^\u200e?(?:Liked|Loved|Disliked|Emphasi[sz]ed|Laughed at|Questioned|Reacted|Removed|Le |No le|Se rió|Enfatizó|Cuestionó|Reaccionó|Curtiu|Amou|Riu|Não curtiu|Questionou|Enfatizou|Reagiu|A aimé|A adoré|A ri|A mis|A réagi|N'a pas)/;

function variant(body) {
  const h = hash(body);
  if (h % 3 === 0 || REACTION.test(body)) return undefined;
  for (let i = 0; i < VARIANTS.length; i++) {
    const v = VARIANTS[(h + i) % VARIANTS.length](body);
    if (v !== undefined && v !== body) return v;
  }
  return undefined;
}

const csvField = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const sources = readdirSync(new URL('sources/', here)).filter((f) => /^[\w-]+-[a-z]{2}\.tsv$/.test(f));
const sets = process.argv.slice(2);
const allSets = [...new Set(sources.map((f) => f.replace(/-[a-z]{2}\.tsv$/, '')))].sort();
for (const part of sets.length > 0 ? sets : allSets) {
  const rows = [];
  const seen = new Set();
  const files = sources.filter((f) => f.replace(/-[a-z]{2}\.tsv$/, '') === part).sort();
  if (files.length === 0) {
    console.error(`error: no sources/${part}-<language>.tsv files (sets found: ${allSets.join(', ')})`);
    process.exit(2);
  }
  for (const file of files) {
    for (const line of readFileSync(new URL(`sources/${file}`, here), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const [language, category, body] = line.split('\t');
      for (const text of [body, variant(body)]) {
        if (text === undefined || seen.has(text)) continue;
        seen.add(text);
        rows.push([text, category, language].map(csvField).join(','));
      }
    }
  }
  writeFileSync(new URL(`${part}.csv`, here), `body,category,language\n${rows.join('\n')}\n`);
  console.log(`${part}.csv: ${rows.length} rows from ${files.length} files`);
}
