import { describe, expect, test } from 'vitest';
import { categorize, normalizeReply } from '../../src/core/categorize/index.js';

type Case = [body: string, category: string];

describe('wrong number', () => {
  test.each<Case>([
    ['wrong number', 'wrong_number'],
    ['wrong #', 'wrong_number'],
    ['Wrong num', 'wrong_number'],
    ["This isn't Sam", 'wrong_number'],
    ['this isnt sam', 'wrong_number'],
    ['No Sam here', 'wrong_number'],
    ['You have the wrong person', 'wrong_number'],
    ['New number, sorry', 'wrong_number'],
    ["Who? I'm not Sam", 'wrong_number'],
    ['No one by that name', 'wrong_number'],
    ["Sam doesn't live here", 'wrong_number'],
    ['Numero equivocado', 'wrong_number'],
    // "not <word>" only when the word could be a name
    ['Who is this?', 'question'],
    ["I'm not sure", 'other'],
    ["I'm not interested", 'not_interested'],
    ['Not now', 'later'],
  ])('%j -> %s', (body, category) => {
    expect(categorize(body).category).toBe(category);
  });
});

describe('interested: yes in any spelling, requests for details, a call or a time', () => {
  test.each<Case>([
    ['yes', 'interested'],
    ['Y', 'interested'],
    ['yesss', 'interested'],
    ['Yep', 'interested'],
    ['ya sure', 'interested'],
    ['Absolutely', 'interested'],
    ['Sure, how much?', 'interested'],
    ['call me after 5', 'interested'],
    ['Give me a call tomorrow morning', 'interested'],
    ['pls send more info', 'interested'],
    ["I'd like a quote", 'interested'],
    ['Email me at sam@example.com', 'interested'],
    ['You can reach me at (555) 210-8841', 'interested'],
    ['Si, me interesa', 'interested'],
    ['Sí', 'interested'],
    ['Sounds good', 'interested'],
    ['Count me in', 'interested'],
    ["I'm in!", 'interested'],
    ["I'm in a meeting", 'other'],
  ])('%j -> %s', (body, category) => {
    expect(categorize(body).category).toBe(category);
  });
});

describe('emoji', () => {
  test.each<Case>([
    ['👍', 'interested'],
    ['👍🏽', 'interested'],
    ['👌', 'interested'],
    ['✅', 'interested'],
    ['🙂', 'other'],
    ['Yes 👍', 'interested'],
    ['👎', 'not_interested'],
    ['🙅', 'not_interested'],
    ['😂', 'other'],
    ['Thanks 🙂', 'other'],
  ])('%j -> %s', (body, category) => {
    expect(categorize(body).category).toBe(category);
  });
});

describe('typos and SMS spellings', () => {
  test.each<Case>([
    ['intrested', 'interested'],
    ['Very intersted', 'interested'],
    ['Not intrested', 'not_interested'],
    ['definately', 'interested'],
    ['yes plz', 'interested'],
    ['nah thx', 'not_interested'],
    ['nope', 'not_interested'],
    ['k', 'other'],
    ['ok', 'other'],
    ['Ok sure', 'interested'],
    ['r u a real person', 'question'],
  ])('%j -> %s', (body, category) => {
    expect(categorize(body).category).toBe(category);
  });

  test.each([
    ['Yesss', 'yes'],
    ['pleeease', 'please'],
    ['Don’t text me', 'do not text me'],
    ['dont', 'do not'],
    ['u r', 'you are'],
    ['Sí', 'yes'],
    ['Número equivocado', 'numero equivocado'],
    ['Ｓｔｏｐ', 'stop'],
    ['How much?', 'how much ?'],
  ])('normalises %j to %j', (body, text) => {
    expect(normalizeReply(body).text).toBe(text);
  });

  test('records the typo it corrected, for --explain', () => {
    expect(normalizeReply('intrested').corrections).toEqual([{ from: 'intrested', to: 'interested' }]);
  });
});

describe('negation', () => {
  test.each<Case>([
    ['not interested', 'not_interested'],
    ['no interest', 'not_interested'],
    ['not really interested', 'not_interested'],
    ['Not right now', 'later'],
    ['not at this time', 'later'],
    ['no thanks', 'not_interested'],
    ["I'm not sure", 'other'],
    ['Not sure, what is it?', 'question'],
    ['Definitely not', 'not_interested'],
    ["I don't want it", 'not_interested'],
    ['I might be interested in the fall', 'later'],
  ])('%j -> %s', (body, category) => {
    expect(categorize(body).category).toBe(category);
  });
});

describe('later, not_interested, question, other', () => {
  test.each<Case>([
    ['maybe next month', 'later'],
    ['Busy this week, try me in June', 'later'],
    ['after the holidays', 'later'],
    ['text me next week', 'later'],
    ['Can you reach out in January?', 'later'],
    ['Let me talk to my husband first', 'later'],
    ['Tal vez mas tarde', 'later'],
    ['No', 'not_interested'],
    ['N', 'not_interested'],
    ['We already have solar', 'not_interested'],
    ['We rent', 'not_interested'],
    ['Too expensive', 'not_interested'],
    ['No gracias', 'not_interested'],
    ['who is this?', 'question'],
    ['who dis', 'question'],
    ['How did you get my number?', 'question'],
    ['Is it really free?', 'question'],
    ['Que es esto?', 'question'],
    ['ok', 'other'],
    ['lol', 'other'],
    ['?', 'other'],
    ['...', 'other'],
    ['', 'other'],
    ['Sorry, driving. Will respond later', 'other'],
  ])('%j -> %s', (body, category) => {
    expect(categorize(body).category).toBe(category);
  });

  test('an unrecognised reply is other, not confident, and never interested', () => {
    expect(categorize('The dog ate my homework')).toEqual({
      category: 'other',
      rule: 'other.fallback',
      reason: 'No rule recognised the reply.',
      confident: false,
    });
  });

  test('a verdict names its rule and quotes the words that decided', () => {
    const verdict = categorize('Please, STOP texting me!');
    expect(verdict.rule).toBe('opt_out.stop_request');
    expect(verdict.reason).toBe('Asks to stop the messages: "stop texting".');
  });
});
