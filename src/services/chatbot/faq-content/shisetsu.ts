import type { FaqSeed } from './types.ts';

/** 施設・予約（公共施設予約・抽選・支払い・図書館・生涯学習） */
export const SHISETSU_FAQ: FaqSeed[] = [
  {
    id: 'shisetsu-yoyaku',
    question: '体育館や公民館をネットで予約できますか？',
    answer:
      '市の体育館、公民館、運動場などの公共施設は、施設予約のページからオンラインで空き状況の確認と予約ができます。予約にはログインと利用者登録が必要です。人気のある施設や時間帯は、先に抽選による申込みを受け付け、その後の空き枠は先着順で予約できます。使用料はキャッシュレス決済でお支払いいただけます。',
    department: 'lifelong',
    category: '施設・予約',
    keywords: ['施設予約', '体育館', '公民館', 'ネット予約', '空き状況'],
    links: [{ label: 'ログインして予約する', href: '/auth/login' }],
    en: {
      question: 'Can I book a gym or community center online?',
      answer:
        'You can check availability and book city public facilities such as gyms, community centers and sports grounds online from the facility booking page. You need to log in and register as a user to make a booking. For popular facilities and time slots, applications are first accepted by lottery, and any remaining slots can then be booked on a first-come, first-served basis. Usage fees can be paid by cashless payment.',
    },
  },
  {
    id: 'shisetsu-chusen',
    question: '施設予約の抽選はどういう仕組みですか？',
    answer:
      '抽選の対象となる施設は、定められた受付期間内に希望の日時を申し込み、受付期間の終了後に抽選で利用者を決定します。申込みの順番は当落に影響しません。抽選の結果はマイページとメールなどでお知らせします。受付期間や1団体あたりの申込み上限は施設ごとに異なりますので、施設予約のページでご確認ください。',
    department: 'lifelong',
    category: '施設・予約',
    keywords: ['抽選', 'ちゅうせん', '抽選申込', '当選', '落選'],
    links: [{ label: 'マイページ', href: '/mypage' }],
  },
  {
    id: 'shisetsu-tosen-kakutei',
    question: '抽選に当たりました。このあと何をすればいいですか？',
    answer:
      '当選した場合は、決められた期限までにマイページから利用の確定手続きを行ってください。期限までに確定しないと当選が取り消され、その枠は一般の予約に開放されます。使用料が必要な施設は、確定手続きの際またはその後の期限までにお支払いください。利用当日は予約内容がわかる画面などをご用意ください。',
    department: 'lifelong',
    category: '施設・予約',
    keywords: ['当選', '確定', '本予約', '期限'],
    links: [{ label: 'マイページ', href: '/mypage' }],
  },
  {
    id: 'shisetsu-shiharai',
    question: '施設の使用料はどうやって払いますか？',
    answer:
      'オンラインで予約した施設の使用料は、クレジットカードなどのキャッシュレス決済でお支払いいただけます。施設によっては、窓口での現金払いや後日の納付書払いにも対応しています。支払い状況はマイページで確認できます。減額や免除の対象となる団体の方は、事前に申請が必要です。',
    department: 'lifelong',
    category: '施設・予約',
    keywords: ['使用料', '支払い', 'キャッシュレス', 'クレジットカード'],
    links: [{ label: 'マイページ', href: '/mypage' }],
  },
  {
    id: 'shisetsu-cancel',
    question: '予約した施設を使わなくなりました。キャンセルできますか？',
    answer:
      '予約のキャンセルはマイページから行えます。ほかの方が利用できるよう、使わないことが決まったらお早めにキャンセルしてください。支払い済みの使用料の還付は、キャンセルの時期や理由によって取り扱いが異なります。キャンセルの期限や還付の条件は、施設予約のページまたは生涯学習スポーツ課でご確認ください。',
    department: 'lifelong',
    category: '施設・予約',
    keywords: ['キャンセル', '取消', '還付', '返金'],
    links: [{ label: 'マイページ', href: '/mypage' }],
  },
  {
    id: 'shisetsu-riyosha-toroku',
    question: 'サークルで施設を借りたいです。団体の登録は必要ですか？',
    answer:
      '施設をオンラインで予約するには、ログインしたうえで利用者登録をしていただきます。団体で利用する場合は、代表者の方が団体として登録してください。マイナンバーカードでログインすると本人確認が簡単に行えます。抽選の申込みには、団体の登録が必要な施設もあります。',
    department: 'lifelong',
    category: '施設・予約',
    keywords: ['利用者登録', '団体登録', 'サークル', '代表者'],
    links: [{ label: 'ログイン', href: '/auth/login' }],
  },
  {
    id: 'shisetsu-akijokyo',
    question: 'ログインしなくても施設の空き状況は見られますか？',
    answer:
      '施設の空き状況は、ログインしなくても施設予約のページで確認できます。予約や抽選への申込みをするときにログインが必要です。スマートフォンやパソコンの操作がわからない場合は、施設の窓口や生涯学習スポーツ課でご案内します。',
    department: 'lifelong',
    category: '施設・予約',
    keywords: ['空き状況', '空き確認', 'ログイン不要', '見るだけ'],
  },
  {
    id: 'shisetsu-genmen',
    question: '地域の行事で公民館を使う場合、使用料は安くなりますか？',
    answer:
      '行政区や自治会、社会教育関係団体などが公益的な目的で使用する場合は、使用料が減額または免除になることがあります。対象となる団体や活動の内容は、施設ごとの規定で決められており、事前の申請が必要です。詳しくは、利用する施設または生涯学習スポーツ課へお問い合わせください。',
    department: 'lifelong',
    category: '施設・予約',
    keywords: ['減免', '減額', '免除', '自治会', '公民館'],
  },
  {
    id: 'toshokan-card',
    question: '図書館で本を借りるにはどうすればいいですか？',
    answer:
      '市内の図書館で利用者カードを作ると本を借りられます。カードは無料で、住所が確認できるものをお持ちのうえ、図書館のカウンターでお申し込みください。市内に在住・在勤・在学している方が対象です。貸出できる冊数や期間は図書館の案内でご確認ください。',
    department: 'lifelong',
    category: '施設・予約',
    keywords: ['図書館', 'としょかん', '利用者カード', '本を借りる'],
  },
  {
    id: 'toshokan-yoyaku',
    question: '読みたい本が貸出中でした。予約できますか？',
    answer:
      '貸出中の本は予約することができ、順番が来たら連絡します。図書館のカウンターのほか、図書館のホームページの蔵書検索から予約できる場合もあります。市内の別の図書館にある本を、近くの図書館で受け取れるようにすることもできます。予約の上限数などは各図書館でご確認ください。',
    department: 'lifelong',
    category: '施設・予約',
    keywords: ['本の予約', '蔵書検索', '取り寄せ', '貸出中'],
  },
  {
    id: 'taiikukan-kojin',
    question: '体育館を個人で使うことはできますか？',
    answer:
      '体育館やトレーニング室などでは、個人で利用できる日時を設けている施設があります。個人利用の場合は予約が不要で、当日受付で使用料を支払う施設が多くなっています。個人利用の日程や使用料、持ち物は施設ごとに異なりますので、利用する施設または生涯学習スポーツ課へお問い合わせください。',
    department: 'lifelong',
    category: '施設・予約',
    keywords: ['個人利用', 'トレーニング室', 'ジム', '体育館'],
  },
  {
    id: 'shogai-gakushu-koza',
    question: '公民館で開かれている講座に参加したいです。',
    answer:
      '市内の公民館などでは、趣味や教養、健康づくりなど、さまざまな講座を開いています。講座の内容や募集期間は、市の広報や各公民館の案内、市公式アプリ「ぽちっと奥州」でお知らせします。申込みは各講座の案内に記載された方法で受け付けます。材料費などが必要な講座もあります。',
    department: 'lifelong',
    category: '施設・予約',
    keywords: ['講座', '生涯学習', '教室', '公民館', '習い事'],
  },
  {
    id: 'shisetsu-kyukan',
    question: '施設の休館日や開館時間を知りたいです。',
    answer:
      '休館日や開館時間は施設ごとに異なり、年末年始のほか、点検や行事のため臨時に休館する場合があります。施設予約のページで各施設の利用できる日時をご確認いただけます。臨時休館などのお知らせは、市公式アプリ「ぽちっと奥州」でもお伝えします。',
    department: 'lifelong',
    category: '施設・予約',
    keywords: ['休館日', '開館時間', '臨時休館', '営業日'],
  },
];
