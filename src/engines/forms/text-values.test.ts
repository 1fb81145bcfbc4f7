import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPage } from './read-page.ts';
import type { Field, ProcedureDefinition, RawForm } from './types.ts';

const L = (ja: string, en: string) => ({ ja, en });
const TODAY = '2026-04-01';

function oneField(field: Field): ProcedureDefinition {
  return {
    id: 'one', title: L('一', 'One'), summary: L('一', 'One'), category: 'community', lifeEvents: [], keywords: [], department: 'citizens',
    assurance: 'password', processingDays: 1, fee: null, payment: [], pages: [{ id: 'p', title: L('頁', 'Page'), fields: [field] }],
  };
}

/** Reads one input of a one-field form: the stored value, or the error. */
function read(field: Field, input: string | string[]): { value?: unknown; code?: string; ja?: string; en?: string; fieldId?: string } {
  const raw: RawForm = { [field.id]: input };
  const { answers, errors } = readPage(oneField(field), 'p', raw, { today: TODAY });
  const e = errors[0];
  return e ? { code: e.code, ja: e.message.ja, en: e.message.en, fieldId: e.fieldId } : { value: answers[field.id] };
}

const birth: Field = { id: 'birthDate', type: 'date', label: L('生年月日', 'Date of birth'), required: true, min: '1900-01-01', max: 'today' };

describe('date fields (和暦)', () => {
  it('accepts ISO, slashes, kanji and era forms and stores ISO', () => {
    for (const [input, iso] of [
      ['2026-04-01', '2026-04-01'], ['2026/4/1', '2026-04-01'], ['2026年4月1日', '2026-04-01'], ['令和8年4月1日', '2026-04-01'],
      ['令和元年5月1日', '2019-05-01'], ['R8.4.1', '2026-04-01'], ['r8/4/1', '2026-04-01'], ['Ｒ８．４．１', '2026-04-01'],
      ['平成31年4月30日', '2019-04-30'], ['昭和50年1月15日', '1975-01-15'], [' ２０２６年４月１日 ', '2026-04-01'],
    ]) {
      assert.deepEqual(read(birth, input as string), { value: iso }, input);
    }
  });
  it('refuses 令和8年2月30日 naming the month length', () => {
    const r = read(birth, '令和8年2月30日');
    assert.equal(r.code, 'date-invalid');
    assert.equal(r.ja, '「生年月日」の日付がありません（2月は28日までです）。日付を確かめてください。');
    assert.match(r.en ?? '', /February has 28 days/);
  });
  it('refuses an era year outside its era, stating the era', () => {
    const r = read(birth, '平成32年1月1日');
    assert.equal(r.code, 'date-era');
    assert.equal(r.ja, '「生年月日」の元号と年が合いません。平成は1989年1月8日（平成元年1月8日）から2019年4月30日（平成31年4月30日）までです。');
    assert.equal(read(birth, 'R1.4.1').code, 'date-era');
  });
  it('refuses what is not a date with the accepted forms', () => {
    const r = read(birth, 'きのう');
    assert.equal(r.code, 'date-format');
    assert.equal(r.ja, '「生年月日」は 令和8年4月1日 や 2026-04-01 の形で入力してください。');
  });
  it('refuses out-of-range dates and states the range', () => {
    const r = read(birth, '令和8年4月2日');
    assert.equal(r.code, 'date-range');
    assert.equal(r.ja, '「生年月日」は1900年1月1日（明治33年1月1日）から2026年4月1日（令和8年4月1日）までの日付を入力してください。');
    assert.equal(r.en, '“Date of birth” must be between January 1, 1900 and April 1, 2026.');
    const visit: Field = { id: 'visit', type: 'date', label: L('来庁日', 'Visit day'), min: 'today+1d', max: 'today+1m' };
    assert.equal(read(visit, '2026-04-01').ja, '「来庁日」は2026年4月2日（令和8年4月2日）から2026年5月1日（令和8年5月1日）までの日付を入力してください。');
    const adult: Field = { id: 'adult', type: 'date', label: L('生年月日', 'Date of birth'), max: 'today-18y' };
    assert.equal(read(adult, '2008-04-02').ja, '「生年月日」は2008年4月1日（平成20年4月1日）以前の日付を入力してください。');
    assert.deepEqual(read(adult, '2008-04-01'), { value: '2008-04-01' });
  });
  it('a blank required date says to enter it', () => {
    assert.equal(read(birth, '  ').ja, '「生年月日」を入力してください。');
  });
});

describe('kana fields', () => {
  const kana: Field = { id: 'kana', type: 'kana', label: L('フリガナ', 'Name in katakana'), maxLength: 10 };
  it('turns hiragana and half-width katakana into full-width katakana, one full-width space between names', () => {
    assert.deepEqual(read(kana, 'おうしゅう　たろう'), { value: 'オウシュウ　タロウ' });
    assert.deepEqual(read(kana, 'ｵｳｼｭｳ  ﾀﾛｳ'), { value: 'オウシュウ　タロウ' });
    assert.deepEqual(read(kana, ' ガッコウ '), { value: 'ガッコウ' });
    assert.deepEqual(read(kana, 'ｶﾞｯｺｳ'), { value: 'ガッコウ' });
  });
  it('refuses kanji and Latin letters with a message', () => {
    for (const input of ['奥州太郎', 'Taro', 'タロウ1']) {
      const r = read(kana, input);
      assert.equal(r.code, 'kana', input);
      assert.equal(r.ja, '「フリガナ」はカタカナで入力してください（ひらがなでも入力できます。漢字・英字・数字は使えません）。');
    }
  });
  it('counts length after normalising', () => {
    assert.equal(read(kana, 'おうしゅう たろうです').code, 'too-long');
  });
});

describe('text, textarea and address', () => {
  const name: Field = { id: 'name', type: 'text', label: L('氏名', 'Full name'), maxLength: 5 };
  it('NFKC, trims and collapses spaces', () => {
    assert.deepEqual(read(name, ' 奥州　 太郎 '), { value: '奥州 太郎' });
    assert.deepEqual(read(name, 'ＡＢＣ'), { value: 'ABC' });
  });
  it('states the limit and the current length', () => {
    assert.equal(read(name, '奥州市水沢太郎').ja, '「氏名」は5文字以内で入力してください（いまは7文字です）。');
  });
  it('caps text a definition leaves unbounded (1,000 characters; textarea 10,000)', () => {
    const free: Field = { id: 'free', type: 'text', label: L('自由記入', 'Free text') };
    assert.deepEqual(read(free, 'あ'.repeat(1000)), { value: 'あ'.repeat(1000) });
    assert.equal(read(free, 'あ'.repeat(1001)).ja, '「自由記入」は1000文字以内で入力してください（いまは1001文字です）。');
  });
  it('keeps line breaks in a textarea', () => {
    const note: Field = { id: 'note', type: 'textarea', label: L('備考', 'Notes') };
    assert.deepEqual(read(note, ' 一行目\r\n二行目 '), { value: '一行目\n二行目' });
  });
  it('puts Oshu addresses in their canonical form and applies the pattern', () => {
    const address: Field = { id: 'address', type: 'address', label: L('住所', 'Address'), pattern: { regex: '^奥州市', message: L('奥州市から入力してください。', 'Start with 奥州市.') } };
    assert.deepEqual(read(address, '岩手県奥州市水沢区大手町一丁目１番地'), { value: '奥州市水沢大手町1丁目1番地' });
    assert.deepEqual(read(address, '奥州市水沢大手町1-1'), { value: '奥州市水沢大手町1-1' });
    const r = read(address, '東京都千代田区1-1');
    assert.equal(r.code, 'pattern');
    assert.equal(r.ja, '「住所」：奥州市から入力してください。');
  });
});

describe('number fields', () => {
  const copies: Field = { id: 'copies', type: 'number', label: L('部数', 'Copies'), min: 1, max: 10, unit: L('通', 'copies') };
  it('accepts full-width digits, the field’s unit and thousands commas', () => {
    assert.deepEqual(read(copies, '３'), { value: 3 });
    assert.deepEqual(read(copies, '3通'), { value: 3 });
    assert.deepEqual(read(copies, '3 copies'), { value: 3 });
    const yen: Field = { id: 'yen', type: 'number', label: L('金額', 'Amount') };
    assert.deepEqual(read(yen, '１，０００'), { value: 1000 });
  });
  it('refuses other words, fractions and out-of-range numbers with the range', () => {
    assert.equal(read(copies, '3枚').ja, '「部数」は数字で入力してください（例：3通）。');
    assert.equal(read(copies, '三').code, 'number-format');
    assert.equal(read(copies, '2.5').ja, '「部数」は小数点のない整数で入力してください。');
    assert.equal(read(copies, '11').ja, '「部数」は1通から10通までの数で入力してください。');
    assert.equal(read(copies, '0').en, '“Copies” must be between 1 copies and 10 copies.');
  });
  it('allows fractions when integer is false', () => {
    const area: Field = { id: 'area', type: 'number', label: L('面積', 'Area'), integer: false, min: 0 };
    assert.deepEqual(read(area, '12.5'), { value: 12.5 });
    assert.equal(read(area, '−1').code, 'number-range');
  });
});

describe('postal, phone, email, choices', () => {
  it('postal codes: 7 digits in any width, stored NNN-NNNN', () => {
    const postal: Field = { id: 'postal', type: 'postal', label: L('郵便番号', 'Postal code') };
    for (const input of ['0230053', '023-0053', '〒０２３－００５３', '023 0053', '０２３ー００５３']) assert.deepEqual(read(postal, input), { value: '023-0053' }, input);
    assert.equal(read(postal, '023-005').ja, '「郵便番号」は7桁の数字で入力してください（例：023-0053）。');
    const oshu: Field = { id: 'postal', type: 'postal', label: L('郵便番号', 'Postal code'), oshuOnly: true };
    assert.deepEqual(read(oshu, '029-4204'), { value: '029-4204' });
    assert.equal(read(oshu, '100-0001').code, 'postal-not-oshu');
  });
  it('phones: Japanese numbers to digits', () => {
    const phone: Field = { id: 'phone', type: 'phone', label: L('電話番号', 'Phone number') };
    assert.deepEqual(read(phone, '０１９７－２４－２１１１'), { value: '0197242111' });
    assert.deepEqual(read(phone, '090 1234 5678'), { value: '09012345678' });
    assert.deepEqual(read(phone, '+81 90-1234-5678'), { value: '09012345678' });
    const r = read(phone, '12345');
    assert.equal(r.code, 'phone-format');
    assert.equal(r.ja, '「電話番号」は市外局番から数字で入力してください（例：0197-24-2111、090-1234-5678）。');
  });
  it('email: syntax, lower-cased, old carrier addresses with odd dots accepted', () => {
    const email: Field = { id: 'email', type: 'email', label: L('メールアドレス', 'Email address') };
    assert.deepEqual(read(email, ' Taro@Example.JP '), { value: 'taro@example.jp' });
    assert.deepEqual(read(email, 'taro..abc.@docomo.ne.jp'), { value: 'taro..abc.@docomo.ne.jp' });
    assert.deepEqual(read(email, 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ'), { value: 'taro@example.jp' });
    for (const bad of ['taro', 'taro@example', 'taro@@example.jp', 'たろう@example.jp', 'taro@exa mple.jp']) assert.equal(read(email, bad).code, 'email-format', bad);
    assert.equal(read(email, 'taro@').ja, '「メールアドレス」はメールアドレスの形で入力してください（例：oshu.taro@example.jp）。');
  });
  it('select and radios take only offered values', () => {
    const select: Field = { id: 'kind', type: 'select', label: L('種類', 'Kind'), required: true, options: [{ value: 'a', label: L('甲', 'A') }] };
    assert.deepEqual(read(select, 'a'), { value: 'a' });
    assert.equal(read(select, 'zzz').ja, '「種類」は表示されている選択肢から選んでください。');
    assert.equal(read(select, '').ja, '「種類」を選んでください。');
  });
});
