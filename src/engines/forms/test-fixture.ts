// A small definition that uses every field type, condition kind and fee rule,
// shared by the engine's tests. Built fresh on each call so a test can change it.

import type { Answers, ProcedureDefinition } from './types.ts';

const L = (ja: string, en: string) => ({ ja, en });

export function fixtureDefinition(): ProcedureDefinition {
  return {
    id: 'test-copy',
    title: L('テスト用の写しの交付申請', 'Test copy request'),
    summary: L('エンジンのテストに使う手続きです。', 'A procedure for the engine tests.'),
    category: 'certificates',
    lifeEvents: ['moving'],
    keywords: ['てすと'],
    department: 'citizens',
    assurance: 'password',
    processingDays: 3,
    fee: { unitYen: 300, quantityField: 'copies', label: L('手数料', 'Fee'), exemptWhen: { field: 'purpose', equals: 'official' } },
    payment: ['online', 'counter'],
    pages: [
      {
        id: 'who',
        title: L('申請する方', 'About you'),
        fields: [
          { id: 'name', type: 'text', label: L('氏名', 'Full name'), required: true, maxLength: 20, prefill: 'resident.name' },
          { id: 'nameKana', type: 'kana', label: L('フリガナ', 'Name in katakana'), required: true, maxLength: 30, prefill: 'resident.nameKana' },
          { id: 'birthDate', type: 'date', label: L('生年月日', 'Date of birth'), required: true, min: 'today-120y', max: 'today', prefill: 'resident.birthDate' },
          { id: 'gender', type: 'radios', label: L('性別', 'Sex'), options: [{ value: 'male', label: L('男', 'Male') }, { value: 'female', label: L('女', 'Female') }], prefill: 'resident.gender' },
          { id: 'phone', type: 'phone', label: L('電話番号', 'Phone number'), required: true, prefill: 'resident.phone' },
          { id: 'email', type: 'email', label: L('メールアドレス', 'Email address'), prefill: 'resident.email' },
          { id: 'postal', type: 'postal', label: L('郵便番号', 'Postal code'), prefill: 'resident.postalCode' },
          {
            id: 'address',
            type: 'address',
            label: L('住所', 'Address'),
            maxLength: 60,
            prefill: 'resident.address',
            pattern: { regex: '^奥州市', message: L('奥州市から入力してください。', 'Start with 奥州市.') },
          },
        ],
      },
      {
        id: 'what',
        title: L('請求の内容', 'What you need'),
        fields: [
          {
            id: 'purpose',
            type: 'radios',
            label: L('使いみち', 'Purpose'),
            required: true,
            options: [{ value: 'personal', label: L('個人の手続き', 'Personal') }, { value: 'official', label: L('公用', 'Official use') }],
          },
          { id: 'copies', type: 'number', label: L('部数', 'Copies'), required: true, min: 1, max: 10, unit: L('通', 'copies') },
          {
            id: 'items',
            type: 'checkboxes',
            label: L('記載する事項', 'Items to show'),
            minChecked: 1,
            maxChecked: 2,
            options: [{ value: 'domicile', label: L('本籍', 'Registered domicile') }, { value: 'head', label: L('世帯主', 'Head of household') }, { value: 'mynumber', label: L('マイナンバー', 'My Number') }],
            when: { field: 'purpose', equals: 'personal' },
          },
          { id: 'note', type: 'textarea', label: L('備考', 'Notes'), maxLength: 100 },
        ],
      },
      {
        id: 'family',
        title: L('記載する方', 'Who it shows'),
        when: { all: [{ field: 'purpose', in: ['personal'] }, { not: { field: 'items', includes: 'mynumber' } }] },
        fields: [
          {
            id: 'members',
            type: 'group',
            label: L('記載する方', 'People to show'),
            itemLabel: L('記載する方', 'Person'),
            minItems: 1,
            maxItems: 3,
            prefill: 'household.members',
            fields: [
              { id: 'name', type: 'text', label: L('氏名', 'Full name'), required: true, maxLength: 20 },
              { id: 'nameKana', type: 'kana', label: L('フリガナ', 'Name in katakana') },
              { id: 'birthDate', type: 'date', label: L('生年月日', 'Date of birth'), required: true, max: 'today' },
              {
                id: 'relationship',
                type: 'select',
                label: L('続柄', 'Relationship'),
                options: [{ value: '世帯主', label: L('世帯主', 'Head') }, { value: '妻', label: L('妻', 'Wife') }, { value: '子', label: L('子', 'Child') }],
              },
            ],
          },
        ],
      },
      {
        id: 'finish',
        title: L('添付と確認', 'Attachments and declaration'),
        fields: [
          { id: 'idDocument', type: 'file', label: L('本人確認書類', 'Proof of identity'), required: true, accept: ['image/jpeg', 'application/pdf'], maxBytes: 1048576 },
          { id: 'site', type: 'location', label: L('受け取り場所', 'Pickup place'), when: { any: [{ field: 'note', notEmpty: true }, { field: 'items', includes: 'head' }] } },
          { id: 'agree', type: 'consent', label: L('記載した内容に誤りはありません。', 'What I entered is true.'), required: true },
        ],
      },
    ],
  };
}

/** A complete, valid set of answers for fixtureDefinition() on 2026-04-01. */
export function fixtureAnswers(): Answers {
  return {
    name: '奥州 太郎',
    nameKana: 'オウシュウ　タロウ',
    birthDate: '1980-05-05',
    phone: '0197242111',
    purpose: 'personal',
    copies: 2,
    items: ['domicile'],
    members: [{ name: '奥州 太郎', birthDate: '1980-05-05', relationship: '世帯主' }],
    idDocument: { fileId: 'f-1', name: 'license.jpg', type: 'image/jpeg', size: 200000 },
    agree: true,
  };
}

export const TODAY = '2026-04-01';
