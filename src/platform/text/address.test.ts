import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressSearchKey, normalizeOshuAddress } from './address.ts';

describe('normalizeOshuAddress', () => {
  it('drops 区 after the five area names, with or without 奥州市', () => {
    assert.equal(normalizeOshuAddress('奥州市水沢区大手町'), '奥州市水沢大手町');
    assert.equal(normalizeOshuAddress('奥州市水沢大手町'), '奥州市水沢大手町');
    assert.equal(normalizeOshuAddress('江刺区岩谷堂'), '江刺岩谷堂');
    for (const area of ['前沢', '胆沢', '衣川']) {
      assert.equal(normalizeOshuAddress(`奥州市${area}区X`), `奥州市${area}X`);
    }
  });

  it('strips 岩手県, spaces and full-width forms', () => {
    assert.equal(normalizeOshuAddress(' 岩手県　奥州市 水沢区 大手町１丁目１ '), '奥州市水沢大手町1丁目1');
  });

  it('turns kanji 丁目 numbers into digits', () => {
    assert.equal(normalizeOshuAddress('奥州市水沢大手町一丁目1番地'), '奥州市水沢大手町1丁目1番地');
    assert.equal(normalizeOshuAddress('東大通り十二丁目'), '東大通り12丁目');
    assert.equal(normalizeOshuAddress('東大通り二十丁目'), '東大通り20丁目');
  });

  it('turns dash look-alikes after digits into "-"', () => {
    for (const dash of ['－', '‐', '‑', '–', '—', '―', 'ー', 'ｰ', '-', '−']) {
      assert.equal(normalizeOshuAddress(`水沢大手町1${dash}2${dash}3`), '水沢大手町1-2-3', `U+${dash.codePointAt(0)!.toString(16)}`);
    }
  });

  it('keeps ー inside words', () => {
    assert.equal(normalizeOshuAddress('水沢センター通り5'), '水沢センター通り5');
  });

  it('leaves other municipalities alone apart from generic folding', () => {
    assert.equal(normalizeOshuAddress('宮城県仙台市青葉区本町3ー8ー1'), '宮城県仙台市青葉区本町3-8-1');
  });
});

describe('addressSearchKey', () => {
  it('equates old and new forms without the city prefix', () => {
    const key = addressSearchKey('岩手県奥州市水沢区大手町一丁目１－１');
    assert.equal(key, '水沢大手町1丁目1-1');
    assert.equal(addressSearchKey('水沢大手町1丁目1ー1'), key);
  });
});
