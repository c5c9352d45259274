/**
 * Issue 12 families as tables: opt-outs as people type them in the ten languages, the traps
 * that must not be read as opt-outs or as a yes, and tapbacks and quotes of our own texts.
 */
import { describe, expect, test } from 'vitest';
import { categorize, detectLanguage, explain } from '../../src/core/categorize/index.js';
import { questionsWithoutAMention } from '../../src/core/categorize/not-opt-out.js';

type Case = [body: string, category: string];

describe('opt-outs in every language, indirect, misspelt or spaced', () => {
  test.each<Case>([
    ['how do i get these texts to stop', 'opt_out'],
    ['take my number out of your system', 'opt_out'],
    ['can u not text me anymore', 'opt_out'],
    ['S T O P', 'opt_out'],
    ['St0p', 'opt_out'],
    ['sopt', 'opt_out'],
    ['no more tetxs plz', 'opt_out'],
    ['knock it off', 'opt_out'],
    ['Deje de mandarme mensajes', 'opt_out'],
    ['No vuelvan a contactarme', 'opt_out'],
    ['ya no me textees', 'opt_out'],
    ['No más', 'opt_out'],
    ['não quero mais', 'opt_out'],
    ['Aapguem meu número', 'opt_out'],
    ['svp ne me texte plus', 'opt_out'],
    ['merci de me retirer de votre liste', 'opt_out'],
    ['Kanpe voye mesaj yo', 'opt_out'],
    ['Pakitanggal ang number ko', 'opt_out'],
    ['Ko nhắn nữa nhé', 'opt_out'],
    ['dung nhan tin nua', 'opt_out'],
    ['T D', 'opt_out'],
    ['拒收', 'opt_out'],
    ['我不想再收到你们的短信', 'opt_out'],
    ['귀찮게 하지 마세요', 'opt_out'],
    ['ne pishite mne bolshe', 'opt_out'],
    ['отказываюсь от рассылки', 'opt_out'],
  ])('%j -> %s', (body, category) => {
    expect(categorize(body)).toMatchObject({ category, confident: true });
  });
});

describe('traps: not opt-outs', () => {
  test.each<Case>([
    ["don't stop, I want to hear more", 'interested'],
    ['the bus stop by my house has your ad lol', 'other'],
    ["don't stop by, not interested", 'not_interested'],
    ['mi hijo no para de llorar jaja', 'other'],
    ['Liked “Hi Sam, it’s Dana… Reply STOP to opt out.”', 'interested'],
    ['Emphasized “Reply STOP to opt out.”', 'other'],
    ['Disliked “Reply STOP to opt out.”', 'not_interested'],
    // A like on our footer alone acknowledges it; words after the quote are the contact's own.
    ['Liked “Msg & data rates may apply. Reply STOP to opt out.”', 'other'],
    ['Liked “…Reply STOP to opt out.”', 'other'],
    ['Liked “Reply YES for details, STOP to opt out.”', 'other'],
    ['Liked “Last note: if a free quote ever makes sense, reply YES.”', 'interested'],
    ['+', 'interested'],
    ['Loved “Reply STOP to opt out.” lol yes STOP', 'opt_out'],
    // After a tapback, the contact's own words are the reply: a question here, not the like.
    ['Reacted 👍 to “Reply STOP to opt out.” wait, is this the same company that came by?', 'question'],
    ['Curtiu “Responda STOP para sair” sair', 'opt_out'],
    ['用👍回应了“Reply YES for details, STOP to opt out.”', 'other'],
    ['对“Msg&data rates may apply. Reply STOP to opt out.”回应了👍', 'other'],
    ['“Want a free quote?”에 👍(으)로 반응함', 'interested'],
    ['how does the STOP thing work, does it stop all texts or just this campaign', 'question'],
    ['Est-ce que je peux annuler quand je veux ?', 'question'],
    ['别stop，我还想要报价', 'interested'],
    ['M poko pare, ekri m nan mwa mas', 'later'],
    ['Посоветуюсь с женой и отпишусь', 'later'],
  ])('%j -> %s', (body, category) => {
    expect(categorize(body).category).toBe(category);
  });
});

describe('traps: not a yes', () => {
  test.each<Case>([
    ['Dạ', 'other'],
    ['Sure but we are closing on the house in March, check back after that', 'later'],
    ['no, ya tenemos paneles', 'not_interested'],
    ['Claro que no', 'not_interested'],
    ['沒有興趣，謝謝', 'not_interested'],
    ["D'accord", 'other'],
    ['ㅇㅋ', 'other'],
    ['not Sam but yes', 'wrong_number'],
    ['ya ne Sam', 'wrong_number'],
    ['yes but not now', 'later'],
    ['Si pero ahorita no', 'later'],
    ['да, но не сейчас', 'later'],
    ['“Want a free quote?” no thanks', 'not_interested'],
    ['sige po salamat', 'other'],
    ['yes, this is Sam. Not interested', 'not_interested'],
    ['Yes? Who is this', 'question'],
    ["I'm interested in how you got my number", 'other'],
    ['Why would I want solar?', 'question'],
  ])('%j -> %s', (body, category) => {
    expect(categorize(body).category).toBe(category);
  });
});

describe('the other answers in the ten languages', () => {
  test.each<Case>([
    // A no to one thing, then a yes to another.
    ['Солнечные панели не надо, а вот окна поменять интересно', 'interested'],
    ['ㅇㅇ', 'interested'],
    ['me gustaria una cotizacion', 'interested'],
    ['da, pozvonite', 'interested'],
    ['somos inquilinos', 'not_interested'],
    ['Moro de aluguel', 'not_interested'],
    ['je suis locataire', 'not_interested'],
    ['我们已经装了太阳能', 'not_interested'],
    ['ㄴㄴ', 'not_interested'],
    ['等我问问我老公', 'later'],
    ['tanungin ko muna asawa ko', 'later'],
    ['Recontactez-moi en septembre', 'later'],
    ['Este no es el número de Sam', 'wrong_number'],
    ['這不是Sam的號碼', 'wrong_number'],
    ['неправильный номер', 'wrong_number'],
    ['kto eto', 'question'],
  ])('%j -> %s', (body, category) => {
    expect(categorize(body).category).toBe(category);
  });
});

test('--explain names the language and the tapback, and says the quote is ignored', () => {
  const text = explain('Le gustó “Hola Sam… Responda STOP para no recibir más.”');
  expect(text).toContain('language:   es');
  expect(text).toContain('reaction:   Le gustó (a tapback: the quoted text is ignored)');
  expect(text).toContain('category:   interested');
});

describe('--explain names the language a reply is written in', () => {
  test.each<Case>([
    ['no thanks', 'en'],
    ['no gracias, ya tenemos paneles', 'es'],
    ['não quero mais', 'pt'],
    ['merci de ne plus me contacter', 'fr'],
    ['m pa vle resevwa mesaj ankò', 'ht'],
    ['wag nyo na po akong itext', 'tl'],
    ['dung nhan tin nua', 'vi'],
    ['退订', 'zh'],
    ['수신거부', 'ko'],
    ['ne pishite mne bolshe', 'ru'],
  ])('%j is %s', (body, language) => {
    expect(detectLanguage(body)).toBe(language);
  });
});

test('every question about opting out holds a word of the quick test that lets a reply skip them', () => {
  expect(questionsWithoutAMention()).toEqual([]);
});
