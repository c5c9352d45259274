/**
 * A rough guess at the language of a reply, shown by `--explain` so an operator sees why a
 * rule of that language decided. The script settles Chinese, Korean and Russian; for Latin
 * script the language with most of its common words (or letters only it uses) wins, English
 * when nothing tells. The rules themselves do not depend on the guess: a short reply such as
 * "no" is the same word in several languages.
 */
import { fold } from './world-rule.js';

const MARKERS: readonly [string, RegExp][] = [
  [
    'vi',
    /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]|\b(?:khong|dung|toi|nhan|tin|nua|xoa|so|cua|quan tam|co|duoc|roi|nhe|ban)\b/iu,
  ],
  ['tl', /\b(?:po|na|ng|mga|ako|hindi|oo|opo|sige|wag|huwag|nyo|ko|salamat|lang|ba|sino|magkano|tigil)\b/iu],
  ['ht', /\b(?:mwen|m|pa|anko|sispann|wi|mesi|nimewo|se|konbyen|kounye|pita|enterese|tanpri)\b/iu],
  ['pt', /[ãõ]|\b(?:nao|sim|obrigad[oa]|voce|meu|tenho|quero|mais|numero|pare|agora)\b/iu],
  ['fr', /\b(?:oui|non|merci|je|vous|pas|plus|moi|ne|est|numero|arretez)\b/iu],
  ['es', /[ñ¿¡]|\b(?:si|no|gracias|me|quiero|numero|mas|por favor|soy|es|ahora)\b/iu],
];
const LATIN = MARKERS.map(([language, marker]) => [language, new RegExp(marker.source, 'giu')] as const);

export function detectLanguage(text: string): string {
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  if (/\p{Script=Hangul}/u.test(text)) return 'ko';
  if (/\p{Script=Cyrillic}/u.test(text)) return 'ru';
  const raw = text.toLowerCase();
  const plain = fold(text);
  let best = 'en';
  let score = 0;
  for (const [language, marker] of LATIN) {
    const hits = (plain.match(marker)?.length ?? 0) + (raw.match(marker)?.length ?? 0);
    if (hits > score) {
      best = language;
      score = hits;
    }
  }
  return score >= 2 || /[ăđơưãõñ¿¡]/u.test(raw) ? best : 'en';
}
