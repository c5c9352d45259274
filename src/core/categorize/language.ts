/**
 * A rough guess at the language of a reply, shown by `--explain` so an operator sees why a
 * rule of that language decided. The script settles Chinese, Korean and Russian; for Latin
 * script the language with most of its common words (or letters only it uses) wins, English
 * first on a tie and when nothing tells; Russian typed in Latin letters has its own words. The rules themselves do not depend on the guess: a short reply such as
 * "no" is the same word in several languages.
 */
import { fold } from './world-rule.js';

const MARKERS: readonly [string, RegExp][] = [
  [
    'en',
    /\b(?:the|you|your|u|ur|i|im|is|this|it|stop|please|pls|thanks|thank|not|interested|yes|yeah|what|who|how|text|texts|texting|number|my|call|send|want|get|have|do|dont|lol|ok|sure|remove|unsubscribe|wrong|later|maybe|busy|already|quote|info)\b/iu,
  ],
  [
    'vi',
    /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]|\b(?:khong|ko|dung|toi|nhan|tin|nua|xoa|so|cua|quan tam|co|duoc|dc|roi|nhe|nha|ban|cho|gui|em|anh|minh|vang|oi|vay|nay|khac|sau|thang|nam|goi|lam|phien|thoi|cam on|huy)\b/iu,
  ],
  [
    'tl',
    /\b(?:po|na|ng|mga|ako|hindi|oo|opo|sige|wag|huwag|nyo|ko|salamat|lang|ba|sino|magkano|tigil|kami|kayo|yung|naman|muna|ito|sa|ang|din|rin|talaga|pa|paki\w*|wala|meron|ayoko|ayaw|tama)\b/iu,
  ],
  [
    'ht',
    /\b(?:mwen|m|pa|anko|sispann|wi|mesi|nimewo|se|konbyen|kounye|pita|enterese|tanpri|nou|ou|yo|ak|gen|voye|ekri|kisa|kijan|deja|bezwen|rele|lajan|kanpe|souple|kite|anpe|dako)\b/iu,
  ],
  [
    'pt',
    /[ãõ]|\b(?:nao|sim|obrigad[oa]|obg|vlw|voce|vc|meu|minha|tenho|quero|mais|numero|pare|parem|agora|mensage\w*|pra|isso|esse|essa|nada|tem|sou|depois|talvez|quem|quanto|custa|ja|ta|aqui|muito|tchau|valeu|oi|ola|chega|tira|sair)\b/iu,
  ],
  [
    'fr',
    /\b(?:oui|non|merci|je|vous|pas|plus|moi|ne|est|numero|arretez|ca|suis|mon|mes|les|des|du|svp|plait|avec|pour|qui|quoi|combien|tard|bonjour|d accord|c est|j ai|nous|tres|bien)\b/iu,
  ],
  [
    'es',
    /[ñ¿¡]|\b(?:si|no|gracias|me|quiero|numero|mas|por favor|soy|es|ahora|ahorita|mensajes|que|lo|mi|los|las|una|con|para|ya|pero|tengo|esta|estoy|favor|ustedes|usted|interesa|manden|escriban|dejen|hola|tal vez|despues|luego|quien|cuanto|cuesta|donde|claro|bueno|baja|basta)\b/iu,
  ],
  [
    'ru',
    /\b(?:da|net|ne|pishite|pishi|pozhaluysta|spasibo|kto|eto|skolko|stoit|otpishite|udalite|hvatit|khvatit|pozzhe|potom|interesno|menya|mne|bolshe|nomer|pozvonite|nado|nuzhno|khochu)\b/iu,
  ],
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
