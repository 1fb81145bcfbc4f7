import type { FaqSeed } from './types.ts';

/** 税金（納付・証明・市県民税・固定資産税・軽自動車税） */
export const ZEIKIN_FAQ: FaqSeed[] = [
  {
    id: 'zei-nofu',
    question: '市税の納め方にはどんな方法がありますか？',
    answer:
      '市県民税・固定資産税・軽自動車税・国民健康保険税などの市税は、納付書による金融機関やコンビニでの納付、口座振替、スマートフォン決済アプリやクレジットカードなどのキャッシュレス決済で納めることができます。本庁の税務課や各総合支所の窓口でも納付できます。納期限を過ぎると延滞金がかかる場合がありますので、期限内の納付をお願いします。',
    department: 'tax',
    category: '税金',
    keywords: ['納税', '支払い方法', 'のうふ', '市税', '税金を払う'],
    en: {
      question: 'How can I pay my city taxes?',
      answer:
        'City taxes such as the municipal and prefectural inhabitant tax, fixed asset tax, light vehicle tax and National Health Insurance tax can be paid with the payment slip at financial institutions or convenience stores, by bank account transfer, or by cashless methods such as smartphone payment apps and credit cards. You can also pay at the Taxation Division of the main city office or at any branch office. A late payment charge may apply after the due date, so please pay on time.',
    },
  },
  {
    id: 'zei-cashless',
    question: '税金ってスマホ決済で払えるの？',
    answer:
      '納付書に印刷されている地方税統一QRコード（eL-QR）を、対応するスマートフォン決済アプリで読み取ると納付できます。ご自宅からいつでも支払え、手数料は原則かかりません。利用できる決済アプリやクレジットカード払いの条件は、税務課へお問い合わせください。領収証書は発行されないため、必要な方は金融機関や窓口で納付してください。',
    department: 'tax',
    category: '税金',
    keywords: ['スマホ決済', 'キャッシュレス', 'QRコード', 'PayPay', 'eL-QR'],
  },
  {
    id: 'koza-furikae',
    question: '税金を口座振替にしたいです。',
    answer:
      '口座振替にすると、納期限の日に指定の口座から自動で引き落とされるため、納め忘れがなく便利です。市内の取扱金融機関の窓口に、通帳、届出印、納税通知書をお持ちいただき、口座振替依頼書を提出してください。手続きから振替開始までは1〜2か月程度かかります。キャッシュカードで手続きできる場合もありますので、詳しくは税務課へお問い合わせください。',
    department: 'tax',
    category: '税金',
    keywords: ['口座振替', '引き落とし', '自動払い', 'こうざふりかえ'],
  },
  {
    id: 'zei-shomei',
    question: '所得証明書（課税証明書）が欲しいです。',
    answer:
      '所得・課税証明書は、本庁の税務課や各総合支所の窓口で本人確認書類をお持ちいただければ取得できます。オンラインでも申請でき、手数料はキャッシュレスでお支払いいただけます。手数料は1通300円です（令和8年4月現在）。証明できるのはその年の1月1日に奥州市に住所があった方の分で、毎年6月ごろに新しい年度分の発行が始まります。',
    department: 'tax',
    category: '税金',
    keywords: ['所得証明', '課税証明', '非課税証明', 'しょとくしょうめい'],
    lifeEvents: ['就職', '出産'],
    procedure: 'zei-shomei',
    links: [{ label: 'ログインして申請する', href: '/auth/login' }],
    en: {
      question: 'I need an income certificate (tax assessment certificate).',
      answer:
        'You can get an income and tax assessment certificate at the Taxation Division of the main city office or at any branch office by bringing an ID document. You can also apply online and pay the fee by cashless payment. The fee is 300 yen per copy (as of April 2026). Certificates can be issued only for people who had their address in Oshu City on January 1 of the relevant year, and certificates for the new fiscal year become available around June each year.',
    },
  },
  {
    id: 'nozei-shomei',
    question: '納税証明書はどこで出してもらえますか？',
    answer:
      '納税証明書は、本庁の税務課や各総合支所の窓口、またはオンライン申請で取得できます。本人確認書類をお持ちください。手数料は1通300円です（令和8年4月現在）。納付直後は納付の確認に時間がかかることがあるため、急ぎの場合は領収証書をお持ちください。軽自動車の車検では、多くの場合、納税証明書の提示が不要になっています。',
    department: 'tax',
    category: '税金',
    keywords: ['納税証明', '車検', '完納証明', '入札'],
    procedure: 'zei-shomei',
  },
  {
    id: 'hyoka-shomei',
    question: '土地や建物の評価証明書が必要です。',
    answer:
      '固定資産評価証明書や公課証明書は、本庁の税務課や各総合支所の窓口、またはオンライン申請で取得できます。所有者ご本人のほか、相続人や借地・借家人などの方も、関係がわかる書類をお持ちいただくと請求できます。代理の方は委任状が必要です。手数料は1件300円です（令和8年4月現在）。',
    department: 'tax',
    category: '税金',
    keywords: ['評価証明', '固定資産', '公課証明', '登記', '名寄帳'],
    lifeEvents: ['おくやみ'],
    procedure: 'zei-shomei',
  },
  {
    id: 'juminzei',
    question: '住民税はいつ、どのように決まるのですか？',
    answer:
      '市県民税（住民税）は、その年の1月1日に住んでいる市町村で、前年1年間の所得をもとに計算されます。会社員の方は6月から翌年5月までの給与から差し引かれ（特別徴収）、それ以外の方には6月ごろに納税通知書をお送りし、通常は年4回に分けて納めます（普通徴収）。年金を受け取っている方は年金から差し引かれる場合もあります。',
    department: 'tax',
    category: '税金',
    keywords: ['住民税', '市県民税', 'じゅうみんぜい', '特別徴収', '普通徴収'],
    lifeEvents: ['就職', '引越し'],
  },
  {
    id: 'shinkoku',
    question: '住民税の申告が必要な人は？確定申告とは違うの？',
    answer:
      '前年に所得があった方で、確定申告をしない方や勤務先から給与支払報告書が提出されていない方は、住民税の申告が必要です。所得がなかった方も、国民健康保険税の軽減や各種証明のために申告をお願いしています。確定申告をした方は住民税の申告は不要です。申告の受付期間は原則として2月16日から3月15日までで、会場や日程は市の広報などでお知らせします。',
    department: 'tax',
    category: '税金',
    keywords: ['申告', '確定申告', '住民税申告', 'しんこく'],
  },
  {
    id: 'kotei-shisanzei',
    question: '固定資産税はどういう税金ですか？',
    answer:
      '固定資産税は、毎年1月1日時点で市内に土地・家屋・償却資産を所有している方に課税される税金です。4月ごろに納税通知書をお送りし、通常は年4回に分けて納めます。土地や家屋の評価額は3年ごとに見直されます。課税の内容を確認したい場合は、納税通知書に同封の課税明細書をご覧いただくか、税務課へお問い合わせください。',
    department: 'tax',
    category: '税金',
    keywords: ['固定資産税', '土地', '家屋', '償却資産'],
  },
  {
    id: 'keijidosha-zei',
    question: '乗っていない原付やバイクの税金がかかってきます。',
    answer:
      '軽自動車税（種別割）は、毎年4月1日時点で原付バイク・軽自動車・二輪車などを所有している方に課税されます。乗っていなくても、廃車の手続きをしない限り課税されます。原付や小型特殊自動車のナンバーは税務課または各総合支所で廃車手続きができます。軽自動車や125ccを超えるバイクは、軽自動車検査協会や運輸支局での手続きになります。',
    department: 'tax',
    category: '税金',
    keywords: ['軽自動車税', '原付', 'バイク', '廃車', 'ナンバー'],
  },
  {
    id: 'zei-sms',
    question: '税金の納め忘れを防ぐお知らせはありますか？',
    answer:
      '事前に登録していただいた方には、納期限が近づくと携帯電話のSMS（ショートメッセージ）で納付のお知らせをお送りしています。登録はマイページから行えます。市からのSMSで暗証番号やクレジットカード番号をお尋ねすることはありませんので、不審なメッセージにはご注意ください。口座振替にすると納め忘れがなくなります。',
    department: 'tax',
    category: '税金',
    keywords: ['SMS', 'ショートメッセージ', '納め忘れ', 'リマインド', '通知'],
    links: [{ label: 'マイページで登録する', href: '/mypage' }],
  },
  {
    id: 'nozei-sodan',
    question: '今月の税金がどうしても払えません。',
    answer:
      '病気や失業などで期限までの納付が難しい場合は、そのままにせず、納期限までに税務課または各総合支所へご相談ください。ご事情をお伺いし、分割での納付などについてご相談に応じます。連絡なく滞納が続くと、延滞金がかかるほか、財産の差押えなどの滞納処分を行う場合があります。',
    department: 'tax',
    category: '税金',
    keywords: ['払えない', '分割', '滞納', '延滞金', '督促'],
  },
  {
    id: 'genzei-saigai',
    question: '災害で家が被害を受けました。税金の減免はありますか？',
    answer:
      '災害で住宅や財産に大きな被害を受けた場合、被害の程度や所得に応じて、市県民税や固定資産税などが減免される場合があります。申請には、り災証明書などの被害の状況がわかる書類が必要です。減免の申請期限がありますので、お早めに税務課へご相談ください。',
    department: 'tax',
    category: '税金',
    keywords: ['減免', '災害', '被災', 'り災'],
  },
  {
    id: 'kaoku-messhitsu',
    question: '古い家を取り壊しました。固定資産税の手続きは必要ですか？',
    answer:
      '登記されている家屋を取り壊した場合は、法務局で滅失登記をしてください。登記されていない家屋の場合は、税務課または各総合支所へ家屋の滅失の届出をしてください。届出がないと、翌年度以降も課税が続いてしまうことがあります。住宅を取り壊すと、土地の住宅用地特例がなくなり土地の税額が上がる場合があります。',
    department: 'tax',
    category: '税金',
    keywords: ['取り壊し', '解体', '滅失', '未登記家屋'],
  },
  {
    id: 'sozoku-kotei-shisan',
    question: '親が亡くなり土地や家を相続します。税金の手続きは？',
    answer:
      '登記簿上の所有者が亡くなり相続登記がまだの場合は、固定資産税の納税通知書を受け取る代表者を届け出るとともに、現所有者の申告をしていただきます。相続登記は法律で義務化されていますので、法務局での手続きもお早めにお済ませください。評価証明書や名寄帳は税務課で取得できます。',
    department: 'tax',
    category: '税金',
    keywords: ['相続', '相続登記', '現所有者申告', '代表者'],
    lifeEvents: ['おくやみ'],
    procedure: 'zei-shomei',
  },
  {
    id: 'furusato-nozei',
    question: '奥州市にふるさと納税をしたいです。',
    answer:
      'ふるさと納税による奥州市への寄附は、ふるさと納税のポータルサイトなどからお申込みいただけます。寄附額に応じて、奥州牛や江刺りんご、南部鉄器など市の特産品をお礼の品としてお選びいただけます。寄附金は控除の対象で、確定申告またはワンストップ特例の申請が必要です。なお、奥州市にお住まいの方への返礼品の送付はできません。',
    department: 'commerce',
    category: '税金',
    keywords: ['ふるさと納税', '寄附', '返礼品', 'ワンストップ特例'],
  },
];
