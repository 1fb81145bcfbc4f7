import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskPersonalData, PiiMasker, type KnownPersonalData, type PiiKind } from './pii-mask.ts';

type Case = [input: string, expected: string, known?: KnownPersonalData];

function check(cases: Case[]): void {
  for (const [input, expected, known] of cases) {
    assert.equal(maskPersonalData(input, known).masked, expected, `input: ${input}`);
  }
}

test('individual numbers: 12 digits, grouped 4-4-4 or not, whatever the check digit', () => {
  check([
    ['番号は123456789012です', '番号は［個人番号］です'],
    ['1234 5678 9012', '［個人番号］'],
    ['1234-5678-9012', '［個人番号］'],
    ['１２３４－５６７８－９０１２', '［個人番号］'], // full-width
    ['個人番号：1234　5678　9012', '個人番号:［個人番号］'], // ideographic spaces
    // not 11 or 13 digits, and not part of a longer grouped number
    ['12345678901', '12345678901'],
    ['1234567890123', '1234567890123'],
  ]);
});

test('phone numbers: mobiles, landlines in every hyphenation, brackets, +81, full width', () => {
  check([
    ['090-1234-5678', '［電話番号1］'],
    ['09012345678', '［電話番号1］'],
    ['090 1234 5678', '［電話番号1］'],
    ['０９０－１２３４－５６７８', '［電話番号1］'],
    ['090ー1234ー5678', '［電話番号1］'], // IME long-vowel mark as a dash
    ['0197-24-2111', '［電話番号1］'],
    ['0197242111', '［電話番号1］'],
    ['(0197)24-2111', '［電話番号1］'],
    ['（０１９７）２４－２１１１', '［電話番号1］'],
    ['0197(24)2111', '［電話番号1］'],
    ['03-1234-5678', '［電話番号1］'],
    ['0120-123-456', '［電話番号1］'],
    ['+81 90 1234 5678', '［電話番号1］'],
    ['+81-197-24-2111', '［電話番号1］'],
    ['+81(0)90-1234-5678', '［電話番号1］'],
    ['TEL：０１９７－２４－２１１１まで', 'TEL:［電話番号1］まで'],
    ['携帯090-1234-5678、自宅0197-24-2111', '携帯［電話番号1］、自宅［電話番号2］'],
    // one number written twice, two ways: one placeholder
    ['090-1234-5678（+81 90 1234 5678）', '［電話番号1］(［電話番号1］)'],
  ]);
});

test('e-mail addresses, full-width ones too', () => {
  check([
    ['hanako.sato@example.jp までご連絡ください', '［メール1］ までご連絡ください'],
    ['ＨＡＮＡＫＯ＠ＥＸＡＭＰＬＥ．ＪＰ', '［メール1］'],
    ['a@example.jpとb@example.jp、またa@example.jp', '［メール1］と［メール2］、また［メール1］'],
  ]);
});

test('postal codes with or without 〒', () => {
  check([
    ['〒023-8501', '［郵便番号］'],
    ['〒０２３－８５０１', '［郵便番号］'],
    ['〒0238501', '［郵便番号］'],
    ['郵便番号は023-8501です', '郵便番号は［郵便番号］です'],
    ['0238501', '0238501'], // a bare 7-digit number could be anything
  ]);
});

test('addresses down to a lot or an aza, in Oshu and elsewhere', () => {
  check([
    ['岩手県奥州市水沢大手町1丁目1番地', '［住所1］'],
    ['岩手県奥州市水沢大手町一丁目1番地', '［住所1］'],
    ['水沢区佐倉河字東広町', '［住所1］'],
    ['奥州市水沢佐倉河字東広町100番地', '［住所1］'],
    ['奥州市胆沢南都田字加賀谷地1番地', '［住所1］'],
    ['奥州市江刺大通り1番8号', '［住所1］'],
    ['奥州市前沢字七日町裏71番地', '［住所1］'],
    ['東京都千代田区霞が関2-1-2', '［住所1］'],
    ['水沢大手町1-1-1', '［住所1］'],
    ['大手町1丁目1番地', '［住所1］'],
    ['盛岡市内丸10番1号', '［住所1］'],
    ['岩手県奥州市水沢大手町１丁目１番地　コーポ水沢101号室', '［住所1］'],
    ['水沢区佐倉河字東広町在住の者です', '［住所1］在住の者です'],
    ['〒023-8501 岩手県奥州市水沢大手町1丁目1番地', '［郵便番号］ ［住所1］'],
  ]);
});

test('known names: full name with any spacing, each part, same person same placeholder', () => {
  const known = { names: ['佐藤 花子', '鈴木　一郎'] };
  check([
    ['佐藤花子', '［氏名1］', known],
    ['佐藤 花子', '［氏名1］', known],
    ['佐藤　花子', '［氏名1］', known],
    ['佐藤さんと花子さんと佐藤花子', '［氏名1］さんと［氏名1］さんと［氏名1］', known],
    ['鈴木一郎と佐藤花子', '［氏名1］と［氏名2］', known],
    ['ｽｽﾞｷの件', 'ｽｽﾞｷの件'.normalize('NFKC'), known], // readings are not known, so not masked
  ]);
  // A one-character part is masked only before an honorific: '林' is also a word.
  check([
    ['林さんは林の近くに住んでいます', '［氏名1］さんは林の近くに住んでいます', { names: ['林 美香'] }],
  ]);
});

test('known addresses: with or without spaces, 岩手県 and the old 水沢区', () => {
  const known = { addresses: ['岩手県奥州市水沢大手町1丁目1番地'] };
  check([
    ['奥州市水沢区大手町1丁目1番地', '［住所1］', known],
    ['奥州市 水沢 大手町 1丁目1番地', '［住所1］', known],
  ]);
});

test('names marked by honorifics, labels and self-introductions', () => {
  check([
    ['山田太郎様', '［氏名1］様'],
    ['田中さんから電話', '［氏名1］さんから電話'],
    ['井上さん', '［氏名1］さん'],
    ['和夫さん', '［氏名1］さん'],
    ['田中氏の申請', '［氏名1］氏の申請'],
    ['スミスさん', '［氏名1］さん'],
    ['ゆうくん、さくらちゃん', '［氏名1］くん、［氏名2］ちゃん'],
    ['氏名: 山田 太郎です', '氏名: ［氏名1］です'],
    ['お名前：やまだ はなこ', 'お名前:［氏名1］'],
    ['高橋と申します。', '［氏名1］と申します。'],
    ['田中さん、田中さん', '［氏名1］さん、［氏名1］さん'],
  ]);
});

test('ordinary words, places, dates and procedures are left alone', () => {
  for (const text of [
    '奥州市',
    '岩手県奥州市',
    '奥州市水沢',
    '水沢のごみの日はいつですか',
    '奥州市前沢の花火大会',
    '一関市の図書館',
    '市役所1階の市民課',
    '奥州市役所1番窓口',
    '住民票の写しの交付申請',
    '国民健康保険税の納付',
    'マイナンバーカードの申請',
    '第3号被保険者',
    '様式第1号',
    '2番目の窓口',
    '手数料は300円です',
    '1,500円',
    '2026年4月1日から',
    '令和8年4月1日',
    '2026-04-01',
    '午前8時30分から午後5時15分まで',
    '10:30に伺います',
    '2026年度',
    '4-5月',
    '数字と名字と赤字',
    '担当者様 お疲れ様です。申請様式の氏名欄に記入してください',
    'ご家族様',
    '市長殿',
    'お客様',
    '皆様',
    'みなさん',
    'ご苦労様です',
    '上記同様に',
    '職員さんが',
    'お子さん',
    '患者さん',
    'ヘルパーさん',
    'もっとちゃんと',
  ]) {
    const { masked, counts } = maskPersonalData(text);
    assert.equal(masked, text.normalize('NFKC'), `should be left alone: ${text}`);
    assert.ok(Object.values(counts).every((n) => n === 0), text);
  }
});

test('a realistic inquiry mixing several kinds', () => {
  const inquiry = [
    '件名：児童手当の申請について',
    'お世話になっております。水沢区佐倉河字東広町に住む佐藤花子と申します。',
    '夫の佐藤 一郎の転入に伴い、児童手当の申請をしたいのですが、',
    '2026年4月1日までに何を持参すればよいでしょうか。',
    '住所：〒023-0003 岩手県奥州市水沢佐倉河字東広町１００番地',
    '電話：０９０－１２３４－５６７８　メール：hanako.sato@example.jp',
    'マイナンバーは1234 5678 9012です。手数料300円は必要ですか。',
    'なお一郎さんの携帯は080 9876 5432です。',
  ].join('\n');
  const { masked, counts } = maskPersonalData(inquiry, { names: ['佐藤 花子', '佐藤 一郎'] });
  for (const raw of ['佐藤', '花子', '一郎', '東広町', '023-0003', '1234', '5678', '9876', 'hanako', '100番地']) {
    assert.ok(!masked.includes(raw), `leaked ${raw}: ${masked}`);
  }
  for (const kept of ['児童手当の申請', '2026年4月1日', '手数料300円', 'マイナンバーは']) assert.ok(masked.includes(kept), `lost ${kept}: ${masked}`);
  assert.match(masked, /［氏名1］と申します/);
  assert.match(masked, /夫の［氏名2］の転入/);
  assert.match(masked, /［氏名2］さんの携帯は［電話番号2］/);
  assert.deepEqual(counts, { name: 3, address: 2, phone: 2, individualNumber: 1, email: 1, postalCode: 1 } satisfies Record<PiiKind, number>);
});

test('one masker keeps placeholders consistent across the messages of a conversation', () => {
  const masker = new PiiMasker({ names: ['佐藤 花子'] });
  assert.equal(masker.mask('相談者：佐藤花子（090-1234-5678）'), '相談者:［氏名1］(［電話番号1］)');
  assert.equal(masker.mask('佐藤さんに090-1234-5678か0197-24-2111へ折り返して'), '［氏名1］さんに［電話番号1］か［電話番号2］へ折り返して');
  assert.deepEqual(masker.counts, { name: 2, address: 0, phone: 3, individualNumber: 0, email: 0, postalCode: 0 });
});
