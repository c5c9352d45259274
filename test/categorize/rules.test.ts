import { describe, expect, test } from 'vitest';
import { categorize } from '../../src/core/categorize/index.js';

/** Each row: a reply as a phone sends it, and the category an operator expects. */
type Case = [body: string, category: string];

describe('opt-out: carrier keywords as the whole message, however typed', () => {
  test.each<Case>([
    ['STOP', 'opt_out'],
    ['Stop.', 'opt_out'],
    [' STOP ', 'opt_out'],
    ['stop!!', 'opt_out'],
    ['STOP 🛑', 'opt_out'],
    ['Stop ✋', 'opt_out'],
    ['🛑', 'opt_out'],
    ['sToP', 'opt_out'],
    ['Stop please', 'opt_out'],
    ['STOPALL', 'opt_out'],
    ['stop all', 'opt_out'],
    ['UNSUBSCRIBE', 'opt_out'],
    ['CANCEL', 'opt_out'],
    ['END', 'opt_out'],
    ['end.', 'opt_out'],
    ['QUIT', 'opt_out'],
    ['OPTOUT', 'opt_out'],
    ['Opt-out', 'opt_out'],
    ['REVOKE', 'opt_out'],
    ['REMOVE', 'opt_out'],
    ['ARRET', 'opt_out'],
  ])('%j -> %s', (body, category) => {
    expect(categorize(body)).toMatchObject({ category, rule: 'opt_out.keyword', confident: true });
  });
});

describe('opt-out: typos of the keywords', () => {
  test.each<Case>([
    ['stpo', 'opt_out'],
    ['Stp', 'opt_out'],
    ['unsubscibe', 'opt_out'],
    ['Unsubcribe me', 'opt_out'],
    ['cancle', 'opt_out'],
    ['stpo texting me', 'opt_out'],
    // a substitution in a short word is another word, not a typo of STOP
    ['Shop', 'other'],
    ['Step', 'other'],
    ['Cancer', 'other'],
  ])('%j -> %s', (body, category) => {
    expect(categorize(body).category).toBe(category);
  });
});

describe('opt-out: wording in sentences', () => {
  test.each([
    'Stop texting me',
    'please remove me from your list',
    'Take me off',
    "Don't text me again",
    'Don’t text me again',
    'dont txt me again',
    'Do not contact',
    'Never contact me again',
    'Lose my number',
    'no more messages',
    'No more msgs pls',
    'no more texts',
    'Unsubscribe me',
    'leave me alone',
    "I'll report you",
    'this is harassment',
    'Stop spamming me',
    'Enough with the texts',
    'I never signed up for this',
    'Cancel my subscription',
    'Wrong number, please remove',
    'How do I stop these?',
    'This is a scam',
    'I want these texts to stop',
  ])('%j -> opt_out', (body) => {
    expect(categorize(body).category).toBe('opt_out');
  });
});

describe('opt-out: Spanish', () => {
  test.each([
    'PARAR',
    'alto',
    'Basta',
    'basta ya',
    'cancelar',
    'No me escribas',
    'no me manden mensajes',
    'Quiero darme de baja',
    'Deja de mandarme mensajes',
    'No más mensajes por favor',
  ])('%j -> opt_out', (body) => {
    expect(categorize(body).category).toBe('opt_out');
  });
});

describe('not opt-outs: "stop" and keywords in idioms that are not about the texts', () => {
  test.each<Case>([
    ['Stop by my house at 5', 'interested'],
    ["Can't stop thinking about solar", 'other'],
    ['I quit smoking, yes interested', 'interested'],
    ['The end of the month works', 'other'],
    ['Is this spam?', 'question'],
    ['No problem', 'other'],
    ['No worries, call me tomorrow', 'interested'],
  ])('%j -> %s', (body, category) => {
    expect(categorize(body).category).toBe(category);
  });
});

describe('mixed intents follow precedence', () => {
  test.each<Case>([
    ['yes but stop texting me at work', 'opt_out'],
    ['No thanks, stop texting me', 'opt_out'],
    ['wrong number, stop', 'opt_out'],
    ['Who is this? STOP', 'opt_out'],
    ['Wrong number. Yes?', 'wrong_number'],
    ['Yes, maybe next month', 'interested'],
    ['No, maybe next year', 'later'],
    ['No thanks, how did you get my number?', 'not_interested'],
    ['Yes how much?', 'interested'],
    ['Not interested right now, maybe in the spring', 'later'],
  ])('%j -> %s', (body, category) => {
    expect(categorize(body).category).toBe(category);
  });
});

describe('help and opt-in: the keyword must be the whole message', () => {
  test.each<Case>([
    ['HELP', 'help'],
    ['help', 'help'],
    ['Help!', 'help'],
    ['INFO', 'help'],
    ['info?', 'help'],
    ['START', 'opt_in'],
    ['start.', 'opt_in'],
    ['UNSTOP', 'opt_in'],
    ['YES', 'interested'],
    ['More info please', 'interested'],
    ['Start the install asap', 'other'],
  ])('%j -> %s', (body, category) => {
    expect(categorize(body).category).toBe(category);
  });
});
