import type { FaqSeed } from './types.ts';

/** 住まい・道路・水道（上下水道・道路・除雪・空き家・住宅） */
export const SUMAI_DORO_SUIDO_FAQ: FaqSeed[] = [
  {
    id: 'suido-kaisen',
    question: '引越し先で水道を使い始めたいです。どこに連絡すればいいですか？',
    answer:
      '水道の使用を始めるときは、上下水道部へ使用開始の申込みをしてください。オンラインでも申し込めます。引越しの日が決まったら、余裕をもって数日前までにお申込みいただくと、当日から水道を使えるよう準備できます。使用開始の日、住所、お名前、連絡先、料金の支払方法をお知らせください。',
    department: 'water',
    category: '住まい・道路・水道',
    keywords: ['水道', '開栓', 'すいどう', '使用開始', '引っ越し'],
    lifeEvents: ['引越し'],
    procedure: 'suido-kaisen',
    links: [{ label: 'ログインして申し込む', href: '/auth/login' }],
    en: {
      question: 'I want to start water service at my new home. Whom should I contact?',
      answer:
        'To start using water, please apply to the Water and Sewerage Department. You can also apply online. Once your moving date is fixed, apply a few days in advance so that your water can be ready to use from that day. Please tell us the start date, the address, your name, your contact details and how you will pay the charges.',
    },
  },
  {
    id: 'suido-heisen',
    question: '引っ越すので水道を止めたいのですが。',
    answer:
      '水道の使用をやめるときは、引越しの数日前までに上下水道部へ使用中止の申込みをしてください。オンラインでも申し込めます。最終日に検針を行い、それまでの料金を精算します。お客様番号がわかる検針票などがあると手続きがスムーズです。市内での引越しの場合は、新しい住所での使用開始の申込みもあわせてお願いします。',
    department: 'water',
    category: '住まい・道路・水道',
    keywords: ['閉栓', '使用中止', '水道を止める', '精算'],
    lifeEvents: ['引越し'],
    procedure: 'suido-heisen',
  },
  {
    id: 'suido-ryokin',
    question: '水道料金の支払い方法を教えてください。',
    answer:
      '水道料金と下水道使用料は、口座振替または納付書により金融機関やコンビニでお支払いいただけます。納付書によってはスマートフォン決済アプリも利用できます。検針の時期や料金の計算方法は、検針票または上下水道部でご確認ください。口座振替を希望される場合は、通帳と届出印を持って取扱金融機関でお申込みください。',
    department: 'water',
    category: '住まい・道路・水道',
    keywords: ['水道料金', '下水道使用料', '水道代', '検針'],
  },
  {
    id: 'rosui',
    question: '水道代が急に高くなりました。水漏れでしょうか？',
    answer:
      '家中の蛇口をすべて閉めた状態で水道メーターのパイロット（銀色のコマ）が回っている場合は、どこかで漏水している可能性があります。敷地内の水道管の修理は所有者の負担となりますので、市の指定給水装置工事事業者に修理を依頼してください。条件を満たす場合は漏水分の料金が減額されることがありますので、上下水道部へご相談ください。',
    department: 'water',
    category: '住まい・道路・水道',
    keywords: ['漏水', '水漏れ', 'メーター', '水道代が高い'],
  },
  {
    id: 'suido-toketsu',
    question: '冬に水道が凍って水が出ません。',
    answer:
      '凍った部分にタオルをかぶせ、ぬるま湯をゆっくりかけて溶かしてください。熱湯をかけると水道管が破裂するおそれがあります。冷え込みが厳しい夜は、水抜き栓で水抜きをするか、露出している管に保温材を巻いて凍結を防ぎましょう。水道管が破裂した場合は、メーターボックス内の止水栓を閉めて、指定給水装置工事事業者に修理を依頼してください。',
    department: 'water',
    category: '住まい・道路・水道',
    keywords: ['凍結', '水抜き', '破裂', '冬', 'しばれる'],
  },
  {
    id: 'gesuido-setsuzoku',
    question: '下水道につなぐ工事や浄化槽の設置について聞きたいです。',
    answer:
      '下水道が整備された区域では、家庭の排水設備を下水道につなぐ工事が必要で、市の指定工事店に依頼してください。下水道の区域外では、合併処理浄化槽を設置して排水を処理していただきます。浄化槽の設置には補助制度がある場合があります。お住まいが区域内かどうかや手続きについては、上下水道部へお問い合わせください。',
    department: 'water',
    category: '住まい・道路・水道',
    keywords: ['下水道', '浄化槽', '排水設備', '水洗化'],
  },
  {
    id: 'doro-sonsho',
    question: '道路に穴が開いています。どこに連絡すればいいですか？',
    answer:
      '市道の穴やひび割れ、ガードレールの破損などを見つけたら、土木課または各総合支所へお知らせください。オンラインの道路損傷通報では、スマートフォンで撮った写真と位置情報を送ることができ、24時間受け付けています。国道や県道の場合は国や県の担当機関に引き継ぎます。危険な箇所に近づかないようご注意ください。',
    department: 'roads',
    category: '住まい・道路・水道',
    keywords: ['道路の穴', 'ポットホール', '陥没', '通報', 'ガードレール'],
    procedure: 'doro-sonsho',
    en: {
      question: 'There is a pothole in the road. Whom should I contact?',
      answer:
        'If you find potholes, cracks or damaged guardrails on city roads, please report them to the Civil Engineering Division or any branch office. With the online road damage report, you can send a photo taken with your smartphone together with its location, 24 hours a day. If the road is a national or prefectural road, we will pass the report on to the responsible national or prefectural office. Please stay away from dangerous spots.',
    },
  },
  {
    id: 'josetsu',
    question: '家の前の道の除雪はいつ来ますか？',
    answer:
      '市道の除雪は、一定の降雪があったときに、幹線道路や通学路、バス路線などを優先して、早朝から順次行います。降り方によっては除雪車が来るまでに時間がかかることがありますので、ご理解をお願いします。除雪の状況や要望は、土木課または各総合支所へお寄せください。国道や県道は国や県が除雪を行います。',
    department: 'roads',
    category: '住まい・道路・水道',
    keywords: ['除雪', 'じょせつ', '雪かき', '除雪車', '大雪'],
  },
  {
    id: 'josetsu-okiyuki',
    question: '除雪車が家の出入口に雪を置いていって困ります。',
    answer:
      '除雪作業では、道路の雪を道路の脇に寄せるため、どうしても出入口に雪が残ってしまうことがあります。限られた時間で多くの道路を除雪するため、出入口の雪はご家庭で片付けていただくようお願いしています。道路に雪を出すと事故や除雪の妨げになりますので、敷地内に置いてください。高齢者世帯などへの支援についてはご相談ください。',
    department: 'roads',
    category: '住まい・道路・水道',
    keywords: ['置き雪', '出入口', '雪の塊', '除雪の苦情'],
  },
  {
    id: 'sokko',
    question: '側溝があふれています。掃除や修理はしてもらえますか？',
    answer:
      '市道の側溝の破損やふたのがたつき、排水不良などは、土木課または各総合支所へお知らせください。現地を確認して対応を検討します。日常的な側溝の泥上げや清掃は、地域の皆さんのご協力をお願いしている場合があります。住宅の敷地内の排水設備は所有者の管理となります。',
    department: 'roads',
    category: '住まい・道路・水道',
    keywords: ['側溝', 'どぶ', '排水', '泥上げ', 'ふた'],
    procedure: 'doro-sonsho',
  },
  {
    id: 'gaito',
    question: '夜道の街灯が切れています。',
    answer:
      '道路照明灯の不点灯は、場所がわかる情報（近くの建物や電柱の番号など）を添えて、土木課または各総合支所へお知らせください。オンラインの道路損傷通報から写真と位置を送ることもできます。住宅地の防犯灯は地域の行政区などが管理している場合がありますので、行政区長にもご確認ください。',
    department: 'roads',
    category: '住まい・道路・水道',
    keywords: ['街灯', '防犯灯', '電気が切れている', '照明'],
    procedure: 'doro-sonsho',
  },
  {
    id: 'jumoku-hamidashi',
    question: '道路に木の枝がはみ出していて危ないです。',
    answer:
      '民地から道路にはみ出した樹木や枝は、土地の所有者に管理していただく必要があります。通行の支障となっている場所をお知らせいただければ、土木課または各総合支所で状況を確認し、所有者への連絡などを行います。道路の植樹帯や街路樹の枝は市が対応しますので、場所をお知らせください。',
    department: 'roads',
    category: '住まい・道路・水道',
    keywords: ['枝', '木', 'はみ出し', '見通しが悪い'],
    procedure: 'doro-sonsho',
  },
  {
    id: 'akiya-kanri',
    question: '近所の空き家が壊れかけていて心配です。',
    answer:
      '管理が行き届かず倒壊などのおそれがある空き家は、所在地や状況を都市計画課または各総合支所へお知らせください。現地を確認し、所有者を調べて適切な管理をお願いします。空き家の管理は所有者の責任ですので、市が直接修理や解体をすることは原則としてありません。強風などで部材が飛散しそうなど緊急の場合はお早めにご連絡ください。',
    department: 'transport',
    category: '住まい・道路・水道',
    keywords: ['空き家', 'あきや', '倒壊', '危険家屋'],
  },
  {
    id: 'akiya-bank',
    question: '使わなくなった実家を空き家バンクに登録したいです。',
    answer:
      '空き家バンクは、売りたい・貸したい空き家の情報を登録し、市内への移住や住まい探しをしている方に紹介する仕組みです。登録を希望する場合は、都市計画課へご相談ください。建物の状態や権利関係などを確認したうえで登録します。空き家の活用や改修に関する支援制度についても、詳しくは担当課へお問い合わせください。',
    department: 'transport',
    category: '住まい・道路・水道',
    keywords: ['空き家バンク', '移住', '実家', '売りたい', '貸したい'],
    lifeEvents: ['おくやみ', '引越し'],
  },
  {
    id: 'jutaku-taishin',
    question: '古い木造住宅の耐震診断やリフォームに補助はありますか？',
    answer:
      '昭和56年5月以前に建てられた木造住宅を対象に、耐震診断や耐震改修工事への支援制度があります。住宅のリフォームに関する支援を行っている年度もあります。いずれも工事の契約や着工前の申請が必要で、予算の範囲内での受付となります。対象の条件や受付期間は、都市計画課へお問い合わせください。',
    department: 'transport',
    category: '住まい・道路・水道',
    keywords: ['耐震', 'リフォーム', '住宅改修', '補助金'],
  },
  {
    id: 'shiei-jutaku',
    question: '市営住宅に入居したいのですが、どうすればいいですか？',
    answer:
      '市営住宅は、住宅に困っていて、収入が基準以下の方などが申し込める住宅です。空き住戸が出た際に入居者を募集し、申込みが多い場合は抽選などで入居者を決定します。募集の時期や空き状況、申込みに必要な書類は、都市計画課または各総合支所へお問い合わせください。',
    department: 'transport',
    category: '住まい・道路・水道',
    keywords: ['市営住宅', '公営住宅', '家賃', '入居募集'],
    lifeEvents: ['引越し'],
  },
  {
    id: 'tv-kyocho',
    question: '地域のテレビ共同受信施設を改修したいのですが、補助はありますか？',
    answer:
      '山間部などテレビの電波が届きにくい地域で、住民の皆さんが共同で管理しているテレビ共同受信施設の改修や更新について、費用の一部を補助する制度があります。申請は施設を管理する組合などが行い、オンラインでも申請できます。工事前の申請が必要ですので、対象となる工事や補助の範囲は、詳しくは担当課へお問い合わせください。',
    department: 'dx',
    category: '住まい・道路・水道',
    keywords: ['テレビ共聴', '共同アンテナ', '難視聴', '受信施設'],
    procedure: 'tv-kyocho-hojo',
  },
];
