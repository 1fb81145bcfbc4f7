import type { FaqSeed } from './types.ts';

/** 健康・福祉（国保・年金・健診・介護・障がい・生活支援） */
export const KENKO_FUKUSHI_FAQ: FaqSeed[] = [
  {
    id: 'kokuho-kanyu',
    question: '会社を辞めました。国民健康保険にはどうやって入りますか？',
    answer:
      '職場の健康保険をやめた日から14日以内に、本庁の市民課または各総合支所で国民健康保険の加入手続きをしてください。健康保険の資格喪失を証明する書類（資格喪失証明書など）と本人確認書類、世帯主と加入する方のマイナンバーがわかるものをお持ちください。保険税は資格を失った月までさかのぼって計算されます。家族の扶養に入る方法もありますので、あわせてご検討ください。',
    department: 'citizens',
    category: '健康・福祉',
    keywords: ['国保', 'こくほ', '退職', '健康保険', '加入手続き'],
    lifeEvents: ['就職', '引越し'],
    en: {
      question: 'I have left my job. How do I join National Health Insurance?',
      answer:
        'Within 14 days of leaving your workplace health insurance, please apply to join National Health Insurance at the Citizens Division of the main city office or at any branch office. Bring a document proving the loss of your previous insurance coverage (such as a certificate of loss of eligibility), an ID document, and documents showing the My Numbers of the head of household and the person joining. The insurance tax is calculated retroactively from the month you lost your previous coverage. You may also consider becoming a dependent on a family member\'s insurance.',
    },
  },
  {
    id: 'kokuho-dattai',
    question: '就職して会社の保険に入ったら、国保の手続きは必要？',
    answer:
      '職場の健康保険に加入したときは、国民健康保険の脱退手続きが必要です。自動では脱退にならないため、14日以内に本庁の市民課または各総合支所へ届け出てください。新しい健康保険の資格がわかるもの（資格情報のお知らせやマイナ保険証の情報など）と本人確認書類をお持ちください。手続きが遅れると保険税が二重にかかる場合があります。',
    department: 'citizens',
    category: '健康・福祉',
    keywords: ['国保脱退', '社会保険', '就職', '二重加入'],
    lifeEvents: ['就職'],
  },
  {
    id: 'kogaku-ryoyohi',
    question: '入院して医療費が高額になりそうです。負担を抑える方法は？',
    answer:
      '1か月の医療費の自己負担が限度額を超えた場合、高額療養費制度により超えた分が払い戻されます。マイナ保険証を医療機関で利用すると、窓口での支払いが最初から限度額までになります。マイナ保険証を使わない場合は、国民健康保険の方は市民課で限度額適用認定証の申請ができます。限度額は年齢や所得によって異なります。',
    department: 'citizens',
    category: '健康・福祉',
    keywords: ['高額療養費', '限度額適用認定証', '入院費', '医療費'],
  },
  {
    id: 'kokumin-nenkin',
    question: '20歳になりました。国民年金の手続きはどうすればいいですか？',
    answer:
      '20歳になると国民年金に加入することになり、日本年金機構から加入のお知らせと保険料の納付書が届きます。会社員や公務員として厚生年金に加入している方は手続き不要です。学生の方は在学中の保険料の納付が猶予される学生納付特例制度を利用でき、市民課や各総合支所、マイナポータルから申請できます。',
    department: 'citizens',
    category: '健康・福祉',
    keywords: ['ねんきん', '国民年金', '20歳', '学生納付特例'],
    lifeEvents: ['就職'],
    en: {
      question: 'I have just turned 20. What do I need to do about the National Pension?',
      answer:
        'When you turn 20, you join the National Pension, and the Japan Pension Service will send you an enrollment notice and payment slips for the premiums. If you are enrolled in the Employees\' Pension as a company employee or public servant, no procedure is necessary. Students can use the special payment system for students, which postpones premium payments while in school, and can apply at the Citizens Division, any branch office, or through Mynaportal.',
    },
  },
  {
    id: 'nenkin-menjo',
    question: '収入が減って国民年金の保険料を払うのが難しいです。',
    answer:
      '所得が少ないなど保険料を納めることが難しい場合は、保険料の免除や納付猶予を申請できます。未納のままにすると、将来の老齢年金や、障害を負ったときの障害年金を受け取れなくなるおそれがあります。申請は本庁の市民課、各総合支所、マイナポータルのほか、年金事務所でも受け付けています。失業した方には特例もあります。',
    department: 'citizens',
    category: '健康・福祉',
    keywords: ['年金免除', '納付猶予', '払えない', '失業'],
  },
  {
    id: 'koki-koreisha-iryo',
    question: '75歳になったら健康保険はどうなりますか？',
    answer:
      '75歳の誕生日から、それまで加入していた健康保険を離れ、後期高齢者医療制度に加入します。加入の手続きは原則不要で、資格の確認に必要な書類は誕生日までに送付されます。マイナ保険証も引き続き使えます。保険料は岩手県後期高齢者医療広域連合が決定し、市が徴収します。',
    department: 'citizens',
    category: '健康・福祉',
    keywords: ['後期高齢者医療', '75歳', '保険証', '保険料'],
  },
  {
    id: 'tokutei-kenshin',
    question: '健康診断やがん検診を受けたいのですが。',
    answer:
      '国民健康保険に加入している40歳から74歳の方には、特定健康診査の受診券をお送りします。がん検診は、年齢などの条件に応じて地区ごとの集団検診や医療機関での個別検診で受けられ、費用の一部を市が負担します。日程や申込方法は、市の広報や市公式アプリ「ぽちっと奥州」でお知らせします。職場で健診を受ける方はそちらをご利用ください。',
    department: 'citizens',
    category: '健康・福祉',
    keywords: ['健診', '特定健診', 'がん検診', '人間ドック', 'けんしん'],
  },
  {
    id: 'koreisha-yobo-sesshu',
    question: '高齢者のインフルエンザの予防接種に補助はありますか？',
    answer:
      '65歳以上の方などを対象に、インフルエンザや肺炎球菌などの定期予防接種を実施しており、費用の一部を市が助成します。接種できる期間や自己負担額はワクチンの種類によって異なります。対象の方には市からお知らせしますので、協力医療機関に予約して接種を受けてください。詳しくは担当課へお問い合わせください。',
    department: 'welfare',
    category: '健康・福祉',
    keywords: ['インフルエンザ', '肺炎球菌', '高齢者', 'ワクチン', '予防接種'],
  },
  {
    id: 'kaigo-nintei',
    question: '親の介護が必要になりました。介護保険サービスを使うには？',
    answer:
      '介護保険のサービスを利用するには、まず要介護・要支援の認定を受ける必要があります。本庁の長寿社会課または各総合支所、地域包括支援センターに申請してください。申請後、調査員による訪問調査と主治医の意見書をもとに認定が行われ、原則30日以内に結果をお知らせします。申請は家族やケアマネジャーが代行することもできます。',
    department: 'welfare',
    category: '健康・福祉',
    keywords: ['介護', '要介護認定', '介護保険', 'かいご', 'ケアマネ'],
    lifeEvents: ['介護'],
    en: {
      question: 'My parent now needs care. How can we use long-term care insurance services?',
      answer:
        'To use long-term care insurance services, you first need to be certified as requiring long-term care or support. Please apply at the Longevity Society Division of the main city office, any branch office, or a Community General Support Center. After you apply, certification is decided based on a home visit by an assessor and a written opinion from the attending doctor, and in principle you will be notified of the result within 30 days. Family members or a care manager can also apply on your behalf.',
    },
  },
  {
    id: 'kaigo-hokenryo',
    question: '65歳になったら介護保険料はどうやって払うのですか？',
    answer:
      '65歳になると介護保険の第1号被保険者となり、介護保険料は市に納めます。年金が年額18万円以上の方は原則として年金から差し引かれ（特別徴収）、それ以外の方は納付書や口座振替で納めます（普通徴収）。65歳になった直後は、しばらく納付書での納付になる場合があります。保険料額は所得に応じて段階的に決まります。',
    department: 'welfare',
    category: '健康・福祉',
    keywords: ['介護保険料', '65歳', '年金天引き', '特別徴収'],
    lifeEvents: ['介護'],
  },
  {
    id: 'chiiki-hokatsu',
    question: 'ひとり暮らしの母が心配です。高齢者のことはどこに相談すればいい？',
    answer:
      '高齢者の暮らしや介護、健康、権利を守ることなどの総合相談窓口として、地域包括支援センターがあります。ご本人だけでなく、家族や近所の方からのご相談も受け付けており、相談は無料です。お住まいの地区の担当センターは、長寿社会課または各総合支所でご案内します。見守りや配食などのサービスについてもご相談ください。',
    department: 'welfare',
    category: '健康・福祉',
    keywords: ['地域包括支援センター', '高齢者相談', '一人暮らし', '見守り'],
    lifeEvents: ['介護'],
  },
  {
    id: 'ninchisho-sodan',
    question: '家族が認知症かもしれません。どうしたらいいですか？',
    answer:
      '物忘れが気になるときは、まずかかりつけ医や地域包括支援センターにご相談ください。早めに受診して原因を調べることで、適切な治療や支援につながります。市では、認知症の方やその家族を支えるための相談や、地域での見守りの取り組みを行っています。詳しくは長寿社会課へお問い合わせください。',
    department: 'welfare',
    category: '健康・福祉',
    keywords: ['認知症', '物忘れ', 'にんちしょう', '徘徊'],
    lifeEvents: ['介護'],
  },
  {
    id: 'shogaisha-techo',
    question: '障害者手帳を申請したいです。',
    answer:
      '障害者手帳には、身体障害者手帳、療育手帳、精神障害者保健福祉手帳の3種類があります。申請は長寿社会課または各総合支所で受け付けており、手帳の種類に応じた指定医師の診断書、顔写真、本人確認書類などが必要です。療育手帳は判定を受ける必要があります。手帳を取得すると、税の控除や各種料金の割引などが受けられる場合があります。',
    department: 'welfare',
    category: '健康・福祉',
    keywords: ['障害者手帳', '身体障害者手帳', '療育手帳', '精神', 'しょうがい'],
  },
  {
    id: 'shogai-fukushi-service',
    question: '障がいのある家族が福祉サービスを使うにはどうすればいい？',
    answer:
      '居宅介護、就労支援、短期入所などの障害福祉サービスを利用するには、長寿社会課または各総合支所で支給申請をしていただきます。聞き取りによる調査のうえ、相談支援専門員が作成するサービス等利用計画をもとに支給が決定されます。利用者負担は所得に応じて上限があります。まずはお気軽にご相談ください。',
    department: 'welfare',
    category: '健康・福祉',
    keywords: ['障害福祉サービス', '就労支援', '短期入所', '受給者証'],
    lifeEvents: ['介護'],
  },
  {
    id: 'seikatsu-sodan',
    question: '生活が苦しくて困っています。相談できるところはありますか？',
    answer:
      '仕事や家計、住まいなど生活の困りごとについて、長寿社会課で相談をお受けしています。一人ひとりの状況に応じて、就労の支援や家計の見直し、住居確保給付金などの制度をご案内します。生活保護の相談や申請もできます。相談は無料で、秘密は守られますので、早めにご相談ください。',
    department: 'welfare',
    category: '健康・福祉',
    keywords: ['生活保護', '生活困窮', 'お金がない', '家賃', '失業'],
  },
  {
    id: 'kokoro-sodan',
    question: '気持ちが落ち込んでつらいです。話を聞いてもらえるところは？',
    answer:
      '市では、保健師などがこころの健康についての相談をお受けしています。ご家族からのご相談もできます。夜間や休日でつらいときは、国や県が設けている電話やSNSでの相談窓口も利用できます。一人で抱え込まず、身近な人や相談窓口に気持ちを話してみてください。まずは長寿社会課へご連絡ください。',
    department: 'welfare',
    category: '健康・福祉',
    keywords: ['こころの相談', 'うつ', '悩み', 'メンタル', '自殺'],
  },
  {
    id: 'kyujitsu-iryo',
    question: '休日や夜に子どもが熱を出したらどうすればいい？',
    answer:
      '休日に診療している医療機関は、休日当番医として市の広報や市公式アプリ「ぽちっと奥州」などでお知らせしています。夜間に受診するか迷ったときは、子ども医療電話相談（#8000）で看護師などに相談できます。意識がない、けいれんが止まらないなど緊急の場合は、ためらわずに119番通報してください。',
    department: 'welfare',
    category: '健康・福祉',
    keywords: ['休日当番医', '夜間', '#8000', '救急', '発熱'],
  },
];
