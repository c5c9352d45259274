import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, test } from 'vitest';
import { segmentsOf } from '../../src/core/segments.js';

/** Seeded texts over GSM-7 basic and extension characters, with a few that force UCS-2. */
function samples(count: number): string[] {
  const gsm =
    '@£$¥èéùìòÇ\nØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCXYZÄÖÑÜ§¿abcxyzäöñüà^{}\\[~]|€';
  const other = ['’', '😀', 'ç', 'ł'];
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = Math.floor(random() * 175);
    let text = '';
    for (let k = 0; k < length; k++) {
      text +=
        random() < 0.005
          ? other[Math.floor(random() * other.length)]
          : gsm[Math.floor(random() * gsm.length)];
    }
    texts.push(text);
  }
  return texts;
}

describe('segments', () => {
  test('the single-segment fast path agrees with the calculator on 5,000 texts near the 160 limit', () => {
    const wrong = samples(5000).filter((text) => {
      const m = new SegmentedMessage(text);
      const ours = segmentsOf(text);
      return (
        ours.segments !== m.segmentsCount ||
        ours.encoding !== (m.encodingName === 'UCS-2' ? 'UCS-2' : 'GSM-7')
      );
    });
    expect(wrong).toEqual([]);
  });

  test.each([
    ['a plain text of 160 characters', 'x'.repeat(160), 1, 'GSM-7'],
    ['161 characters', 'x'.repeat(161), 2, 'GSM-7'],
    ['159 characters and one € (two septets)', `${'x'.repeat(159)}€`, 2, 'GSM-7'],
    ['a curly quote', 'It’s free', 1, 'UCS-2'],
    ['71 characters with an emoji', `${'x'.repeat(69)}😀`, 2, 'UCS-2'],
  ])('%s', (_name, text, count, encoding) => {
    expect(segmentsOf(text)).toMatchObject({ segments: count, encoding });
  });
});
