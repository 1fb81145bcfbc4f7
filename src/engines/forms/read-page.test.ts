import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPage } from './read-page.ts';
import { fixtureAnswers, fixtureDefinition, TODAY } from './test-fixture.ts';
import type { FieldError } from './types.ts';

const def = fixtureDefinition();
const ids = (errors: FieldError[]) => errors.map((e) => `${e.fieldId}:${e.code}`);
const saved = fixtureAnswers();

describe('readPage: a page of plain fields', () => {
  it('returns the normalised answers of the page and nothing else', () => {
    const { answers, errors } = readPage(def, 'who', { name: '奥州　太郎', nameKana: 'おうしゅう たろう', birthDate: 'S55.5.5', phone: '0197-24-2111', email: '', postal: '０２３００５３', copies: '9' }, { today: TODAY });
    assert.deepEqual(errors, []);
    assert.deepEqual(answers, { name: '奥州 太郎', nameKana: 'オウシュウ　タロウ', birthDate: '1980-05-05', phone: '0197242111', postal: '023-0053' });
  });
  it('lists errors in field order, each naming its input', () => {
    const { errors } = readPage(def, 'who', { name: '', nameKana: 'Taro', birthDate: '令和8年2月30日', phone: '' }, { today: TODAY });
    assert.deepEqual(ids(errors), ['name:required', 'nameKana:kana', 'birthDate:date-invalid', 'phone:required']);
    assert.equal(errors[0]?.message.ja, '「氏名」を入力してください。');
  });
  it('ignores a field whose condition fails, whatever was typed', () => {
    const { answers, errors } = readPage(def, 'what', { purpose: 'official', copies: '1', items: ['nonsense'] }, { today: TODAY });
    assert.deepEqual(errors, []);
    assert.deepEqual(answers, { purpose: 'official', copies: 1 });
  });
});

describe('readPage: checkboxes', () => {
  const page = (items: string | string[] | undefined) => readPage(def, 'what', { purpose: 'personal', copies: '1', items }, { today: TODAY });
  it('a single or repeated name, stored in the options’ order', () => {
    assert.deepEqual(page('head').answers.items, ['head']);
    assert.deepEqual(page(['head', 'domicile']).answers.items, ['domicile', 'head']);
  });
  it('min/max and values not offered', () => {
    assert.deepEqual(ids(page(['domicile', 'head', 'mynumber']).errors), ['items:checked-max']);
    assert.equal(page(['domicile', 'head', 'mynumber']).errors[0]?.message.ja, '「記載する事項」は2つまで選べます。選ぶ数を減らしてください。');
    assert.deepEqual(ids(page(['forged']).errors), ['items:option-invalid']);
    assert.deepEqual(page(undefined).answers.items, undefined, 'optional: nothing ticked is no answer');
  });
});

describe('readPage: conditions on earlier pages come from ctx.answers', () => {
  it('reads the location field only when an earlier answer reveals it', () => {
    const raw = { 'site.lat': '39.1445', 'site.lng': '141.1391', agree: 'yes' };
    const hidden = readPage(def, 'finish', raw, { today: TODAY, answers: saved });
    assert.equal(hidden.answers.site, undefined);
    const shown = readPage(def, 'finish', raw, { today: TODAY, answers: { ...saved, note: '窓口で受け取ります' } });
    assert.deepEqual(shown.answers.site, { lat: 39.1445, lng: 141.1391 });
  });
});

describe('readPage: groups', () => {
  const raw = {
    'members.0.name': '奥州 太郎', 'members.0.birthDate': 'S55.5.5', 'members.0.relationship': '世帯主',
    'members.1.name': '奥州 花子', 'members.1.birthDate': '令和8年2月30日', 'members.1.nameKana': 'はなこ',
    'members.2.name': '', 'members.2.birthDate': '', 'members.2.relationship': '',
  };
  it('reads items, drops blank ones, and names errors by the form’s index', () => {
    const { answers, errors } = readPage(def, 'family', raw, { today: TODAY, answers: saved });
    assert.deepEqual(ids(errors), ['members.1.birthDate:date-invalid']);
    assert.equal(errors[0]?.message.ja, '「記載する方 2の生年月日」の日付がありません（2月は28日までです）。日付を確かめてください。');
    assert.deepEqual(answers.members, [
      { name: '奥州 太郎', birthDate: '1980-05-05', relationship: '世帯主' },
      { name: '奥州 花子', nameKana: 'ハナコ' },
    ]);
  });
  it('requires minItems and refuses more than maxItems', () => {
    const none = readPage(def, 'family', { 'members.0.name': '' }, { today: TODAY, answers: saved });
    assert.deepEqual(ids(none.errors), ['members:group-min']);
    assert.equal(none.errors[0]?.message.ja, '「記載する方」に記載する方を1件以上入力してください。');
    const four: Record<string, string> = {};
    for (let i = 0; i < 4; i++) Object.assign(four, { [`members.${i}.name`]: `人${i}`, [`members.${i}.birthDate`]: '2000-01-01' });
    const many = readPage(def, 'family', four, { today: TODAY, answers: saved });
    assert.deepEqual(ids(many.errors), ['members:group-max']);
    assert.equal(many.errors[0]?.message.ja, '「記載する方」は3件までです。3件以内にしてください。');
  });
  it('names a required sub-field of an item', () => {
    const { errors } = readPage(def, 'family', { 'members.0.name': '', 'members.0.birthDate': '2000-01-01' }, { today: TODAY, answers: saved });
    assert.deepEqual(ids(errors), ['members.0.name:required']);
    assert.equal(errors[0]?.message.en, 'Enter “Person 1: Full name”.');
  });
});

describe('readPage: files', () => {
  const base = { agree: 'yes' };
  it('takes an upload the service stored', () => {
    const file = { fileId: 'f-9', name: 'passport.pdf', type: 'application/pdf', size: 300000 };
    assert.deepEqual(readPage(def, 'finish', base, { today: TODAY, files: { idDocument: file } }).answers.idDocument, file);
  });
  it('states the limit when a file is too large', () => {
    const big = readPage(def, 'finish', base, { today: TODAY, files: { idDocument: { fileId: 'f', name: 'a.jpg', type: 'image/jpeg', size: 3 * 1048576 } } });
    assert.deepEqual(ids(big.errors), ['idDocument:file-too-large']);
    assert.equal(big.errors[0]?.message.ja, '「本人確認書類」のファイルが大きすぎます。1MB以下のファイルを選んでください（選んだファイルは3MB）。');
    const refused = readPage(def, 'finish', base, { today: TODAY, files: { idDocument: { error: 'too-large', limitBytes: 512 * 1024 } } });
    assert.equal(refused.errors[0]?.message.ja, '「本人確認書類」のファイルが大きすぎます。512KB以下のファイルを選んでください。');
    assert.equal(refused.errors[0]?.message.en, 'The file for “Proof of identity” is too large. Choose a file of 512 KB or less.');
  });
  it('states the accepted types when the type is wrong', () => {
    const wrong = readPage(def, 'finish', base, { today: TODAY, files: { idDocument: { fileId: 'f', name: 'a.png', type: 'image/png', size: 10 } } });
    assert.equal(wrong.errors[0]?.message.ja, '「本人確認書類」は JPEG・PDF のファイルを選んでください。');
    const refused = readPage(def, 'finish', base, { today: TODAY, files: { idDocument: { error: 'wrong-type' } } });
    assert.equal(refused.errors[0]?.code, 'file-wrong-type');
    assert.equal(refused.errors[0]?.message.en, 'The file for “Proof of identity” must be JPEG, PDF.');
  });
  it('asks again when the upload did not arrive, and requires a file', () => {
    assert.deepEqual(ids(readPage(def, 'finish', base, { today: TODAY, files: { idDocument: { error: 'missing' } } }).errors), ['idDocument:file-missing']);
    const none = readPage(def, 'finish', base, { today: TODAY });
    assert.deepEqual(ids(none.errors), ['idDocument:required']);
    assert.equal(none.errors[0]?.message.ja, '「本人確認書類」のファイルを選んでください。');
  });
  it('keeps the file saved earlier when no new one is chosen, never one named in the form', () => {
    const kept = readPage(def, 'finish', base, { today: TODAY, answers: saved });
    assert.deepEqual(kept.answers.idDocument, saved.idDocument);
    const forged = readPage(def, 'finish', { ...base, idDocument: 'someone-elses-file' }, { today: TODAY });
    assert.deepEqual(ids(forged.errors), ['idDocument:required']);
  });
});

describe('readPage: consent and location', () => {
  const answers = { ...saved, note: 'x' };
  it('a required consent must be ticked', () => {
    const { errors } = readPage(def, 'finish', {}, { today: TODAY, answers });
    assert.deepEqual(ids(errors), ['agree:required']);
    assert.equal(errors[0]?.message.ja, '「記載した内容に誤りはありません。」を確認して、チェックを入れてください。');
    assert.equal(readPage(def, 'finish', { agree: 'yes' }, { today: TODAY, answers }).answers.agree, true);
  });
  it('location: numbers inside Oshu, errors on the input concerned', () => {
    const at = (lat: string, lng: string) => readPage(def, 'finish', { agree: 'yes', 'site.lat': lat, 'site.lng': lng }, { today: TODAY, answers });
    assert.deepEqual(at('３９．１４４５', '141.1391').answers.site, { lat: 39.1445, lng: 141.1391 });
    assert.deepEqual(ids(at('35.68', '139.76').errors), ['site.lat:location-range']);
    assert.equal(at('35.68', '139.76').errors[0]?.message.ja, '「受け取り場所」は奥州市内の地点を選んでください（緯度 38.93〜39.33、経度 140.70〜141.45 の範囲）。');
    assert.deepEqual(ids(at('39.1', '139.76').errors), ['site.lng:location-range']);
    assert.deepEqual(ids(at('39.1', '').errors), ['site.lng:location-incomplete']);
    assert.deepEqual(ids(at('北緯39', '141').errors), ['site.lat:location-format']);
    assert.equal(at('', '').answers.site, undefined, 'optional and blank');
    // 種山高原 (eastern 江刺) lies east of 141.35 and must be accepted.
    assert.deepEqual(at('39.245', '141.39').errors, []);
  });
});
