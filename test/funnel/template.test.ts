import { describe, expect, test } from 'vitest';
import { segmentsOf } from '../../src/core/segments.js';
import { fieldsOf, parseTemplate, render } from '../../src/core/template.js';

const dana = { id: 'c1', phone: '+15551230001', first_name: 'Dana', last_name: '', City: 'Austin' };

describe('render', () => {
  test.each([
    ['Hi {{first_name}}!', 'Hi Dana!'],
    ['Hi {{ first_name }}!', 'Hi Dana!'],
    ['Hi {{FIRST_NAME}}!', 'Hi Dana!'],
    ['Solar in {{city}}?', 'Solar in Austin?'],
    ['Hi {{last_name|friend}}', 'Hi friend'],
    ['Hi {{last_name|}}, quote?', 'Hi, quote?'],
    ['Hi {{first_name|there}}', 'Hi Dana'],
    ['Price: {{first_name}} | 50% off', 'Price: Dana | 50% off'],
    ['no fields at all', 'no fields at all'],
  ])('%s → %s', (template, text) => {
    expect(render(template, dana)).toEqual({ ok: true, text });
  });

  test.each([
    ['Hi {{last_name}}', ['last_name']],
    ['{{nickname}} in {{zip}} and {{zip}}', ['nickname', 'zip']],
  ])('%s lacks %j for this contact', (template, missing) => {
    expect(render(template, dana)).toEqual({ ok: false, missing });
  });
});

describe('parseTemplate errors', () => {
  test.each([
    ['Hi {{first_name', 3, 'unclosed'],
    ['Hi {{first_name {{x}}', 3, 'unclosed'],
    ['Hi {{}}', 3, 'empty field'],
    ['Hi {{1abc}}', 3, 'not a field name'],
    ['Hi first_name}}', 13, 'without an opening'],
  ])('%s → error at %i', (template, offset, message) => {
    const { errors } = parseTemplate(template);
    expect(errors[0]?.offset).toBe(offset);
    expect(errors[0]?.message).toContain(message);
  });

  test('fieldsOf lists fields with fallback flags', () => {
    expect(fieldsOf('{{First_Name|there}} {{city}}')).toEqual([
      { field: 'first_name', hasFallback: true },
      { field: 'city', hasFallback: false },
    ]);
  });
});

describe('segmentsOf', () => {
  test.each([
    ['Hello there', 1, 'GSM-7', []],
    ['a'.repeat(160), 1, 'GSM-7', []],
    ['a'.repeat(161), 2, 'GSM-7', []],
    ['It\u2019s free', 1, 'UCS-2', ['\u2019']],
    ['a'.repeat(70), 1, 'GSM-7', []],
    [`${'a'.repeat(70)}😀`, 2, 'UCS-2', ['😀']],
    ['Price in € {} ok', 1, 'GSM-7', []],
  ])('%s → %i segment(s) %s', (text, segments, encoding, nonGsmChars) => {
    expect(segmentsOf(text)).toEqual({ segments, encoding, nonGsmChars });
  });
});
