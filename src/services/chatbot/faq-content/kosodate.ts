import type { FaqSeed } from './types.ts';

/** 子育て・教育（手当・保育・学童・母子保健・学校） */
export const KOSODATE_FAQ: FaqSeed[] = [
  {
    id: 'jido-teate',
    question: '児童手当の申請はどうすればいいですか？',
    answer:
      '児童手当は、高校生年代まで（18歳到達後最初の3月31日まで）の子どもを養育している方が対象で、所得制限はありません。出生や転入の日の翌日から15日以内に、こども家庭課または各総合支所へ申請してください。オンラインでも申請できます。公務員の方は勤務先での申請になります。',
    department: 'childcare',
    category: '子育て・教育',
    keywords: ['じどうてあて', '子ども手当', '手当の申請', '認定請求'],
    lifeEvents: ['出産', '引越し'],
    procedure: 'jido-teate',
    links: [{ label: 'ログインして申請する', href: '/auth/login' }],
    en: {
      question: 'How do I apply for the child allowance?',
      answer:
        'The child allowance is for people raising children up to high-school age (until the first March 31 after the child turns 18), and there is no income limit. Please apply to the Child and Family Division or any branch office within 15 days from the day after the birth or your move into the city. You can also apply online. Public servants apply through their workplace.',
    },
  },
  {
    id: 'jido-teate-shikyu',
    question: '児童手当はいくら、いつ振り込まれますか？',
    answer:
      '支給額は子ども1人あたり月額で、3歳未満が15,000円、3歳から高校生年代までが10,000円、第3子以降は年齢にかかわらず30,000円です（令和8年4月現在）。支給は偶数月の年6回で、それぞれ前月までの2か月分を指定の口座に振り込みます。振込日は市からのお知らせでご確認ください。',
    department: 'childcare',
    category: '子育て・教育',
    keywords: ['支給日', '振込', '金額', '第3子'],
    procedure: 'jido-teate',
  },
  {
    id: 'hoikusho',
    question: '保育所（保育園）に入りたいときの申込み方法は？',
    answer:
      '保育所や認定こども園の保育部分を利用するには、保育の必要性の認定を受けたうえで利用申込みをします。申込みは、こども家庭課または各総合支所の窓口のほか、オンラインでも受け付けています。4月からの入所は例年秋ごろに一斉受付を行い、年度途中の入所は空き状況に応じて随時受け付けます。就労証明書などが必要です。',
    department: 'childcare',
    category: '子育て・教育',
    keywords: ['ほいくしょ', '保育園', '入園', '認定こども園', '待機'],
    lifeEvents: ['出産', '就職', '引越し'],
    procedure: 'hoikusho',
    links: [{ label: '申請状況を確認（マイページ）', href: '/mypage' }],
    en: {
      question: 'How do I apply for a place at a nursery school (hoikusho)?',
      answer:
        'To use a nursery school or the childcare section of a certified center for early childhood education and care, you first receive certification of the need for childcare and then apply for a place. Applications are accepted at the Child and Family Division and each branch office, and also online. For admission from April, applications are usually accepted all at once around autumn; mid-year admissions are accepted at any time depending on availability. Documents such as an employment certificate are required.',
    },
  },
  {
    id: 'hoikuryo-mushoka',
    question: '保育料って無料なんですか？',
    answer:
      '幼児教育・保育の無償化により、3歳から5歳児クラスの子どもの保育所・幼稚園・認定こども園の利用料は無料です。0歳から2歳児クラスは、住民税非課税世帯の子どもが無料となります。給食費（副食費）や行事費などは、別途ご負担いただく場合があります。詳しくはこども家庭課へお問い合わせください。',
    department: 'childcare',
    category: '子育て・教育',
    keywords: ['保育料', '無償化', '幼稚園', '副食費'],
    lifeEvents: ['出産'],
  },
  {
    id: 'hokago-jido-club',
    question: '学童（放課後児童クラブ）に申し込みたいです。',
    answer:
      '放課後児童クラブは、保護者が仕事などで昼間家庭にいない小学生が、放課後や長期休みを過ごす場です。申込みはオンラインまたはこども家庭課・各総合支所で受け付けています。新年度の利用は例年年明けごろまでに受け付けますので、就労証明書などをご準備ください。利用料や空き状況はクラブごとに異なります。',
    department: 'childcare',
    category: '子育て・教育',
    keywords: ['がくどう', '学童保育', '放課後児童クラブ', '児童館'],
    lifeEvents: ['入学', '就職'],
    procedure: 'hokago-jido-club',
    en: {
      question: 'I would like to apply for after-school childcare (gakudo).',
      answer:
        'After-school children\'s clubs are places where elementary school children whose parents are away during the day for work or other reasons can spend time after school and during long school holidays. Applications are accepted online or at the Child and Family Division and each branch office. Applications for the new school year are usually accepted until around the beginning of the calendar year, so please prepare documents such as an employment certificate. Fees and availability differ by club.',
    },
  },
  {
    id: 'yobo-sesshu-kodomo',
    question: '赤ちゃんの予防接種はいつ、どこで受けるの？',
    answer:
      '定期予防接種は、接種の時期が近づくとご案内と予診票をお送りします。市内の協力医療機関に予約し、母子健康手帳と予診票を持って接種を受けてください。定期接種は決められた期間内であれば無料です。接種スケジュールや転入された方の予診票の交付については、こども家庭課へお問い合わせください。',
    department: 'childcare',
    category: '子育て・教育',
    keywords: ['予防接種', 'ワクチン', '予診票', 'よぼうせっしゅ'],
    lifeEvents: ['出産', '引越し'],
    en: {
      question: 'When and where can my baby get vaccinations?',
      answer:
        'As the time for each routine vaccination approaches, the city will send you information and a pre-vaccination questionnaire. Please make an appointment at a cooperating medical institution in the city and bring the Maternal and Child Health Handbook and the questionnaire. Routine vaccinations are free if received within the designated period. For the vaccination schedule or questionnaires for families who have moved into the city, please contact the Child and Family Division.',
    },
  },
  {
    id: 'boshi-techo',
    question: '妊娠がわかったら、まず何をすればいいですか？',
    answer:
      '医療機関で妊娠の診断を受けたら、こども家庭課または各総合支所に妊娠届を出してください。母子健康手帳と妊婦健康診査の受診票をお渡しし、保健師などが妊娠・出産・子育てについてお話を伺います。妊婦健診の受診票を使うと、健診費用の助成が受けられます。',
    department: 'childcare',
    category: '子育て・教育',
    keywords: ['妊娠届', '母子手帳', 'ぼしてちょう', '妊婦健診'],
    lifeEvents: ['出産'],
    en: {
      question: 'I have found out I am pregnant. What should I do first?',
      answer:
        'Once a doctor has confirmed your pregnancy, please submit a pregnancy notification to the Child and Family Division or any branch office. You will receive the Maternal and Child Health Handbook and vouchers for prenatal checkups, and a public health nurse or other staff will talk with you about pregnancy, childbirth and child-rearing. Using the vouchers, you can receive subsidies for the cost of prenatal checkups.',
    },
  },
  {
    id: 'nyuyoji-kenshin',
    question: '乳幼児健診のお知らせが届きません。',
    answer:
      '乳幼児健診は、対象となる月齢が近づいた方に個別にご案内しています。転入されたばかりの方や、日程の都合がつかない方は、こども家庭課へご連絡ください。健診では身長・体重の測定や診察、育児相談などを行います。当日は母子健康手帳とご案内の書類をお持ちください。',
    department: 'childcare',
    category: '子育て・教育',
    keywords: ['乳幼児健診', '健診', '1歳6か月', '3歳児健診'],
    lifeEvents: ['出産', '引越し'],
  },
  {
    id: 'kodomo-iryohi',
    question: '子どもの医療費の助成はありますか？',
    answer:
      '子どもの医療費の自己負担分を助成する制度があります。助成を受けるには受給者証の交付申請が必要で、出生や転入の際に、こども家庭課または各総合支所で手続きしてください。受給者証を医療機関の窓口で提示することで助成が受けられます。対象年齢や自己負担の有無などは、詳しくは担当課へお問い合わせください。',
    department: 'childcare',
    category: '子育て・教育',
    keywords: ['医療費助成', '受給者証', '子どもの病院代', 'いりょうひ'],
    lifeEvents: ['出産', '引越し'],
  },
  {
    id: 'ninpu-shien',
    question: '妊娠・出産したときにもらえる給付金はありますか？',
    answer:
      '妊娠届の提出後と出産後に、妊婦の方を対象とした国の支援給付があり、面談などとあわせて申請していただきます。出産育児一時金は加入している健康保険から支給されますので、国民健康保険の方は市へ、会社の健康保険の方は勤務先や保険者へお問い合わせください。市独自の支援については、こども家庭課へお問い合わせください。',
    department: 'childcare',
    category: '子育て・教育',
    keywords: ['出産給付金', '出産育児一時金', '応援金', '支援給付'],
    lifeEvents: ['出産'],
  },
  {
    id: 'ichiji-azukari',
    question: '用事があるときに子どもを一時的に預けられる場所はありますか？',
    answer:
      '保育所などで行っている一時預かりや、子育て支援の相互援助活動（ファミリー・サポート・センター）などがあります。病気の子どもを預かる病児・病後児保育を実施している施設もあります。いずれも事前の登録や予約が必要で、利用料がかかります。実施場所や利用方法は、こども家庭課へお問い合わせください。',
    department: 'childcare',
    category: '子育て・教育',
    keywords: ['一時預かり', '病児保育', 'ファミサポ', '託児'],
  },
  {
    id: 'kosodate-sodan',
    question: '子育ての悩みを気軽に相談できるところはありますか？',
    answer:
      '市内には子育て支援センターがあり、親子で遊びながら育児の相談ができます。こども家庭課では、保健師や相談員が育児や発達、家庭の悩みについてご相談をお受けしています。市公式アプリ「ぽちっと奥州」の子育て応援のページでも、相談先やイベントの情報をご覧いただけます。一人で抱え込まず、お気軽にご相談ください。',
    department: 'childcare',
    category: '子育て・教育',
    keywords: ['子育て相談', '育児の悩み', '子育て支援センター', '発達'],
    lifeEvents: ['出産'],
  },
  {
    id: 'pochitto-kosodate',
    question: '「ぽちっと奥州」の子育て応援ではどんなことができますか？',
    answer:
      '市公式アプリ「ぽちっと奥州」の子育て応援では、お子さんの年齢に合わせた予防接種や健診のお知らせ、子育てイベントや支援制度の情報などを受け取ることができます。お子さんの情報を登録すると、必要な情報が届くようになります。アプリは無料で、スマートフォンのアプリストアから入手できます。',
    department: 'childcare',
    category: '子育て・教育',
    keywords: ['ぽちっと奥州', 'アプリ', '子育てアプリ', '通知'],
    lifeEvents: ['出産'],
  },
  {
    id: 'shugaku-tsuchi',
    question: '来年小学校に入学します。入学の手続きはありますか？',
    answer:
      '小学校に入学するお子さんには、入学前年の秋ごろに就学時健康診断のご案内を、年明けごろに就学する学校をお知らせする入学通知書をお送りします。特別な手続きは基本的に不要ですが、転居の予定がある場合や、指定された学校以外への就学を希望する場合は、市教育委員会へご相談ください。',
    department: 'childcare',
    category: '子育て・教育',
    keywords: ['入学', '就学通知', '就学時健診', '小学校'],
    lifeEvents: ['入学'],
  },
  {
    id: 'tenko',
    question: '引越しに伴う転校の手続きを教えてください。',
    answer:
      '市外から転入する場合は、前の学校から在学証明書などを受け取り、転入届の際に窓口でお知らせください。転入学通知書をお渡ししますので、それを持って新しい学校で手続きをしてください。市内で転居して学校が変わる場合も、転居届の際に窓口へお申し出ください。詳しくは市教育委員会へお問い合わせください。',
    department: 'childcare',
    category: '子育て・教育',
    keywords: ['転校', '転入学', '在学証明書', '学校'],
    lifeEvents: ['引越し', '入学'],
  },
  {
    id: 'shugaku-enjo',
    question: '学用品や給食費の負担が大変です。援助はありますか？',
    answer:
      '経済的な理由でお子さんの就学が困難な家庭に、学用品費や給食費、修学旅行費などの一部を援助する就学援助制度があります。申請には世帯の所得などの審査があり、学校または市教育委員会を通じて申請できます。年度途中でも申請できますので、お気軽にご相談ください。',
    department: 'childcare',
    category: '子育て・教育',
    keywords: ['就学援助', '給食費', '学用品', '教育費'],
    lifeEvents: ['入学'],
  },
  {
    id: 'jido-fuyo-teate',
    question: 'ひとり親家庭への手当や支援について知りたいです。',
    answer:
      'ひとり親家庭などで子どもを養育している方には、児童扶養手当（所得制限あり）のほか、ひとり親家庭の医療費助成などの支援制度があります。離婚などでひとり親になった場合は、こども家庭課または各総合支所にご相談のうえ申請してください。戸籍謄本などの書類が必要です。就業に関する相談もお受けしています。',
    department: 'childcare',
    category: '子育て・教育',
    keywords: ['ひとり親', '母子家庭', '父子家庭', '児童扶養手当'],
  },
  {
    id: 'gyakutai-sodan',
    question: '近所の子どもが虐待されているかもしれません。',
    answer:
      '虐待かもしれないと思ったら、確証がなくても、ためらわずにこども家庭課または児童相談所へご連絡ください。児童相談所虐待対応ダイヤル189は、24時間つながります。連絡した方の秘密は守られます。子どもの命と安全を守るため、皆さんのご協力をお願いします。',
    department: 'childcare',
    category: '子育て・教育',
    keywords: ['虐待', '189', '児童相談所', '通告'],
  },
];
