import type { FaqSeed } from './types.ts';

/** 交通（前沢のオンデマンドバス・路線バス・免許返納・駅） */
export const KOTSU_FAQ: FaqSeed[] = [
  {
    id: 'ondemand-bus-yoyaku',
    question: '前沢のオンデマンドバスはどうやって予約するのですか？',
    answer:
      '前沢地区のオンデマンドバスは、乗りたい日時と乗る場所・降りる場所を指定して予約します。スマートフォンの予約画面から申し込むと、AIが他の予約とあわせて効率のよい運行ルートを組み、乗車時刻をお知らせします。スマートフォンをお持ちでない方向けの予約方法もあります。利用者登録や予約の受付時間は、詳しくは都市計画課へお問い合わせください。',
    department: 'transport',
    category: '交通',
    keywords: ['オンデマンドバス', 'デマンドバス', '予約', '前沢', 'AI配車'],
    links: [{ label: 'ログインして予約する', href: '/auth/login' }],
    en: {
      question: 'How do I book the on-demand bus in Maesawa?',
      answer:
        'To book the on-demand bus in the Maesawa area, specify the date and time you want to ride and your pick-up and drop-off points. When you book on the smartphone booking screen, AI combines your request with other bookings to plan an efficient route and tells you your pick-up time. There is also a way to book for people who do not have a smartphone. For user registration and booking hours, please contact the City Planning Division.',
    },
  },
  {
    id: 'ondemand-bus-towa',
    question: 'オンデマンドバスって普通のバスと何が違うの？',
    answer:
      'オンデマンドバスは、決まった時刻表や路線で走るのではなく、利用者の予約に応じて運行する乗合バスです。AIが予約の状況をもとに配車とルートを決めるため、乗りたい時間に合わせて利用でき、空のバスが走ることを減らせます。ほかの方と乗り合わせるため、寄り道により到着時刻が前後することがあります。',
    department: 'transport',
    category: '交通',
    keywords: ['オンデマンド交通', '乗合', 'AI', 'デマンド型'],
  },
  {
    id: 'ondemand-bus-noriba',
    question: 'オンデマンドバスはどこで乗り降りできますか？',
    answer:
      '前沢地区のオンデマンドバスは、地区内に設けた乗降場所の中から、乗る場所と降りる場所を選んでご利用いただきます。乗降場所は、集会所や商業施設、医療機関の近くなど、地区内の生活に必要な場所に配置しています。乗降場所の一覧や運行エリアは、予約画面または都市計画課でご確認ください。',
    department: 'transport',
    category: '交通',
    keywords: ['乗り場', '停留所', '乗降場所', '運行エリア'],
  },
  {
    id: 'ondemand-bus-ryokin',
    question: 'オンデマンドバスの料金と払い方は？',
    answer:
      '運賃は1回の乗車ごとにかかり、予約時に金額をご確認いただけます。お支払いは車内での現金のほか、キャッシュレス決済に対応しています。障がいのある方などへの割引がある場合もあります。運賃の額や割引の条件は変更されることがありますので、詳しくは都市計画課へお問い合わせください。',
    department: 'transport',
    category: '交通',
    keywords: ['運賃', '料金', 'キャッシュレス', '割引'],
  },
  {
    id: 'ondemand-bus-cancel',
    question: 'バスの予約をキャンセルしたいときは？',
    answer:
      '予約の変更やキャンセルは、予約した画面からいつでも行えます。ほかの利用者の配車にも影響するため、乗車しないことがわかったら、できるだけ早くキャンセルしてください。連絡なく乗車されないことが続くと、ご利用をお断りする場合があります。スマートフォン以外で予約した方は、予約した方法でご連絡ください。',
    department: 'transport',
    category: '交通',
    keywords: ['キャンセル', '予約変更', '取り消し', '乗らない'],
  },
  {
    id: 'ondemand-bus-area',
    question: '江刺や胆沢でもオンデマンドバスは使えますか？',
    answer:
      'オンデマンドバスは、現在前沢地区で運行しています。水沢・江刺・胆沢・衣川の各地区では、路線バスやコミュニティバスなど地区ごとの公共交通をご利用ください。運行地域の拡大については、利用状況などを踏まえて検討しています。お住まいの地区の交通手段は都市計画課へお問い合わせください。',
    department: 'transport',
    category: '交通',
    keywords: ['運行地区', '江刺', '胆沢', '衣川', '水沢'],
  },
  {
    id: 'rosen-bus',
    question: '市内のバスの時刻表はどこで見られますか？',
    answer:
      '市内を走る路線バスやコミュニティバスの時刻表・路線図は、各バス事業者の案内や、本庁・各総合支所の窓口でご確認いただけます。一部のバスは、乗換案内などの経路検索サービスでも検索できます。ダイヤ改正が行われることがありますので、最新の情報をご確認ください。詳しくは都市計画課へお問い合わせください。',
    department: 'transport',
    category: '交通',
    keywords: ['時刻表', '路線バス', 'コミュニティバス', 'バス停'],
  },
  {
    id: 'menkyo-henno',
    question: '高齢の父が運転免許を返納したいと言っています。',
    answer:
      '運転免許証の自主返納は、警察署または運転免許センターで手続きできます。返納後に申請すると運転経歴証明書の交付を受けられ、本人確認書類として使えます。返納後の移動手段として、路線バスやコミュニティバス、前沢地区のオンデマンドバスなどの公共交通をご利用いただけます。移動についての相談は都市計画課へどうぞ。',
    department: 'transport',
    category: '交通',
    keywords: ['免許返納', '運転経歴証明書', '高齢ドライバー', 'めんきょ'],
    lifeEvents: ['介護'],
  },
  {
    id: 'tsuin-ido',
    question: '車がなくて通院や買い物に困っています。',
    answer:
      '地区によって、路線バスやコミュニティバス、前沢地区のオンデマンドバスなどを利用できます。介護が必要な方や障がいのある方は、福祉の移送サービスなどを利用できる場合がありますので、長寿社会課や地域包括支援センターにもご相談ください。お住まいの地区で使える交通手段は都市計画課でご案内します。',
    department: 'transport',
    category: '交通',
    keywords: ['通院', '買い物', '足がない', '移動支援'],
    lifeEvents: ['介護'],
  },
  {
    id: 'shinkansen-eki',
    question: '新幹線に乗るにはどこの駅を使えばいいですか？',
    answer:
      '奥州市内の東北新幹線の駅は水沢江刺駅です。JR東北本線は水沢駅や前沢駅などに停車します。水沢江刺駅と市内各地の間は、路線バスやタクシーなどをご利用ください。列車の時刻や運賃はJR東日本の案内でご確認ください。',
    department: 'transport',
    category: '交通',
    keywords: ['新幹線', '水沢江刺駅', '水沢駅', 'JR'],
  },
  {
    id: 'bus-teiryujo-yobo',
    question: 'バスの路線や停留所について要望を出したいです。',
    answer:
      '公共交通の路線や停留所、運行時間についてのご意見・ご要望は、都市計画課で受け付けています。お問い合わせフォームからもお寄せいただけます。いただいたご意見は、利用状況や運行事業者との調整を踏まえ、今後の公共交通の見直しの参考にさせていただきます。',
    department: 'transport',
    category: '交通',
    keywords: ['要望', '路線', 'バス停', '意見'],
    links: [{ label: 'お問い合わせフォーム', href: '/ask/inquiry' }],
  },
  {
    id: 'ondemand-bus-toroku',
    question: 'オンデマンドバスを初めて使います。登録は必要ですか？',
    answer:
      'オンデマンドバスを利用するには、事前の利用者登録が必要です。市のサービスにログインして登録すると、予約画面から予約できるようになります。マイナンバーカードでログインすると、氏名や住所の入力を省略できます。登録の方法がわからない方は、市のスマホ教室や都市計画課でお手伝いします。',
    department: 'transport',
    category: '交通',
    keywords: ['利用者登録', '初めて', '会員登録', 'ログイン'],
    links: [{ label: 'ログイン', href: '/auth/login' }],
  },
];
