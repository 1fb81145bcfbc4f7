import type { FaqSeed } from './types.ts';

/** くらし・手続き（住民票・印鑑・戸籍・届出・窓口） */
export const KURASHI_FAQ: FaqSeed[] = [
  {
    id: 'juminhyo-konbini',
    question: '住民票の写しをコンビニで取ることはできますか？',
    answer:
      'マイナンバーカード（利用者証明用電子証明書が有効なもの）があれば、全国の対応コンビニのマルチコピー機で住民票の写しを取得できます。利用時間は毎日6時30分から23時までです（年末年始など一部の日を除きます）。カード受け取り時に設定した4桁の暗証番号が必要です。手数料や取得できる証明書の種類は市民課へお問い合わせください。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['じゅうみんひょう', 'コンビニ交付', 'マルチコピー機', 'セブン', 'ローソン'],
    lifeEvents: ['引越し', '就職'],
    procedure: 'juminhyo-copy',
    en: {
      question: 'Can I get a copy of my residence certificate (juminhyo) at a convenience store?',
      answer:
        'If you have a My Number Card with a valid user-verification electronic certificate, you can get a copy of your residence certificate from the multi-function copiers at participating convenience stores nationwide. The service is available every day from 6:30 a.m. to 11:00 p.m., except on some days such as the New Year holidays. You will need the 4-digit PIN you set when you received the card. For fees and the types of certificates available, please contact the Citizens Division.',
    },
  },
  {
    id: 'juminhyo-madoguchi',
    question: '窓口で住民票を取りたいのですが、何を持っていけばいいですか？',
    answer:
      '本庁（水沢大手町）の市民課、または江刺・前沢・胆沢・衣川の各総合支所の窓口で請求できます。運転免許証やマイナンバーカードなどの本人確認書類をお持ちください。手数料は1通300円です（令和8年4月現在）。マイナンバーや本籍の記載が必要かどうかは、提出先に事前に確認しておくと安心です。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['住民票の写し', '持ち物', '本人確認', '手数料'],
    lifeEvents: ['引越し', '就職'],
    procedure: 'juminhyo-copy',
  },
  {
    id: 'juminhyo-dairinin',
    question: '家族の住民票を代わりに取りに行けますか？',
    answer:
      '同じ世帯の方であれば、本人確認書類をお持ちいただくと委任状なしで請求できます。別世帯の方が代理で請求する場合は、本人が記入した委任状と代理人の本人確認書類が必要です。マイナンバー入りの住民票を代理人が請求した場合は、本人の住所あてに郵送でのお渡しとなることがあります。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['代理', '委任状', '家族の分', '別世帯'],
    procedure: 'juminhyo-copy',
  },
  {
    id: 'juminhyo-yuso',
    question: '遠方に住んでいるので、住民票や戸籍を郵送で請求したいです。',
    answer:
      '郵送での請求ができます。請求書（便箋に必要事項を書いたものでも可）、本人確認書類のコピー、手数料分の定額小為替、切手を貼った返信用封筒を市民課あてにお送りください。必要な記載事項や送付先は、市民課へお問い合わせいただくか、オンライン申請をご利用ください。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['郵便', '郵送請求', '定額小為替', '返信用封筒', '県外'],
    procedure: 'juminhyo-copy',
  },
  {
    id: 'inkan-toroku',
    question: '印鑑登録をするにはどうしたらいいですか？',
    answer:
      '奥州市に住民登録のある15歳以上の方が、登録する印鑑と本人確認書類（マイナンバーカードや運転免許証など顔写真付きのもの）をお持ちのうえ、本人が窓口で申請してください。顔写真付きの書類があればその場で登録でき、印鑑登録証（カード）をお渡しします。顔写真付きの書類がない場合は、照会書を郵送してご本人に確認するため後日の登録になります。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['実印', 'いんかん', '印鑑登録証', 'ハンコ'],
    lifeEvents: ['引越し', '結婚'],
  },
  {
    id: 'inkan-shomei',
    question: '印鑑証明書はどこで取れますか？',
    answer:
      '本庁の市民課、各総合支所の窓口で、印鑑登録証（カード）をお持ちいただければ取得できます。手数料は1通300円です（令和8年4月現在）。マイナンバーカードをお持ちの方はコンビニ交付も利用でき、毎日6時30分から23時まで取得できます。印鑑登録証を忘れると窓口では発行できませんのでご注意ください。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['印鑑登録証明書', '実印', 'いんかんしょうめい', '車の購入'],
    procedure: 'inkan-shomei',
    en: {
      question: 'Where can I get a seal registration certificate (inkan shomeisho)?',
      answer:
        'You can get one at the Citizens Division of the main city office or at any branch office counter if you bring your seal registration card. The fee is 300 yen per copy (as of April 2026). If you have a My Number Card, you can also use the convenience store service, available daily from 6:30 a.m. to 11:00 p.m. Please note that the counter cannot issue the certificate if you forget your seal registration card.',
    },
  },
  {
    id: 'inkan-card-funshitsu',
    question: '印鑑登録証をなくしてしまいました。',
    answer:
      '悪用を防ぐため、できるだけ早く窓口で印鑑登録証の亡失届を出してください。亡失届を出すと現在の印鑑登録は廃止されますので、引き続き必要な場合は、登録する印鑑と本人確認書類を持って新たに登録をしてください。詳しくは市民課へお問い合わせください。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['紛失', '印鑑カード', '亡失届', 'なくした'],
  },
  {
    id: 'koseki-shomei',
    question: '戸籍謄本が必要です。どうすれば取れますか？',
    answer:
      '本籍が奥州市にある方は、本庁の市民課や各総合支所の窓口で請求できます。本人確認書類をお持ちください。手数料は戸籍全部事項証明書（戸籍謄本）が1通450円、除籍・改製原戸籍が1通750円です（令和8年4月現在）。本籍が他の市町村でも、本人・配偶者・父母・子などは窓口で取得できる広域交付も利用できます。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['こせき', '戸籍全部事項証明書', '戸籍抄本', '除籍', '本籍'],
    lifeEvents: ['結婚', 'おくやみ'],
    en: {
      question: 'I need a copy of my family register (koseki tohon). How can I get one?',
      answer:
        'If your registered domicile (honseki) is in Oshu City, you can request it at the Citizens Division of the main city office or at any branch office. Please bring an ID document. The fee is 450 yen per copy for a full family register certificate and 750 yen per copy for removed or pre-revision registers (as of April 2026). Even if your domicile is in another municipality, you, your spouse, parents, children and other direct relatives can obtain it at the counter through the nationwide issuance system.',
    },
  },
  {
    id: 'koseki-koiki-kofu',
    question: '本籍地が県外なんですが、奥州市の窓口で戸籍を取れますか？',
    answer:
      '戸籍証明書の広域交付により、本籍地が他の市区町村でも奥州市の窓口で取得できます。請求できるのは本人・配偶者・父母や祖父母・子や孫に限られ、請求する方ご本人が顔写真付きの本人確認書類を持って窓口にお越しください。代理人や郵送での請求はできません。コンピュータ化されていない一部の戸籍は対象外です。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['広域交付', '本籍地以外', '他県', '相続'],
    lifeEvents: ['おくやみ'],
  },
  {
    id: 'tennyu',
    question: '奥州市に引っ越してきました。転入届はいつまでに出せばいいですか？',
    answer:
      '新しい住所に住み始めてから14日以内に、本庁の市民課または各総合支所で転入届を出してください。前の住所地で受け取った転出証明書（マイナンバーカードで転出届をした場合は不要）、本人確認書類、世帯全員分のマイナンバーカードをお持ちください。マイナポータルで来庁予約をしておくと窓口での手続きがスムーズです。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['てんにゅう', '引っ越し', '転入届', '住所変更', '転入予約'],
    lifeEvents: ['引越し'],
    procedure: 'tennyu-yoyaku',
    en: {
      question: 'I have just moved to Oshu City. By when do I need to submit a moving-in notification?',
      answer:
        'Please submit a moving-in notification at the Citizens Division of the main city office or at any branch office within 14 days of starting to live at your new address. Bring the moving-out certificate issued by your previous municipality (not needed if you filed your moving-out notification with your My Number Card), an ID document, and the My Number Cards of everyone in your household. Making a visit reservation on Mynaportal in advance will make the counter procedure smoother.',
    },
  },
  {
    id: 'tenshutsu',
    question: '市外に引っ越すことになりました。転出の手続きを教えてください。',
    answer:
      '引越しの前後14日以内に転出届を出してください。窓口のほか、マイナンバーカードをお持ちの方はマイナポータルからオンラインで転出届を出すことができ、来庁は不要です。その場合は引越し先の市区町村の窓口に、転入届の際にマイナンバーカードを必ずお持ちください。国民健康保険や児童手当などを受けている方は別の手続きが必要な場合があります。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['てんしゅつ', '転出届', '転出証明書', '市外へ引っ越し'],
    lifeEvents: ['引越し', '就職'],
    procedure: 'tenshutsu',
    en: {
      question: 'I am moving out of the city. What do I need to do?',
      answer:
        'Please submit a moving-out notification within 14 days before or after your move. Besides the counter, if you have a My Number Card you can submit it online through Mynaportal without visiting the city office. In that case, be sure to bring your My Number Card when you file your moving-in notification at your new municipality. If you receive National Health Insurance, child allowance or similar benefits, additional procedures may be required.',
    },
  },
  {
    id: 'tenkyo',
    question: '市内で引っ越した場合はどんな届出が必要ですか？',
    answer:
      '奥州市内で住所が変わった場合は、新しい住所に住み始めてから14日以内に転居届を出してください。本庁の市民課または各総合支所で手続きでき、本人確認書類と世帯全員分のマイナンバーカードをお持ちください。水沢から江刺へなど区をまたぐ引越しも転居届になります。水道の使用開始・中止は上下水道部への連絡が別途必要です。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['てんきょ', '転居届', '市内の引越し', '住所変更'],
    lifeEvents: ['引越し'],
    procedure: 'tenkyo',
    en: {
      question: 'What do I need to file when I move within the city?',
      answer:
        'If your address changes within Oshu City, please submit a change-of-address notification within 14 days of starting to live at your new address. You can do this at the Citizens Division of the main city office or at any branch office; bring an ID document and the My Number Cards of everyone in your household. Moving between areas, such as from Mizusawa to Esashi, also counts as a change of address within the city. Starting or stopping your water service must be arranged separately with the Water and Sewerage Department.',
    },
  },
  {
    id: 'setai-henko',
    question: '世帯主を変えたい、世帯を分けたいときはどうすれば？',
    answer:
      '世帯主の変更や世帯の分離・合併は、変更があった日から14日以内に世帯変更届を出してください。届出は本庁の市民課または各総合支所で受け付けており、届出をする方の本人確認書類が必要です。世帯を分けると国民健康保険税などに影響することがありますので、気になる点は窓口でご相談ください。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['世帯分離', '世帯主変更', '世帯合併', 'せたいぬし'],
    lifeEvents: ['結婚', 'おくやみ'],
  },
  {
    id: 'kakanai-madoguchi',
    question: '「書かない窓口」ってどういうものですか？',
    answer:
      '書かない窓口は、職員がお話を伺いながら申請書を作成し、お客様は内容を確認して署名するだけで手続きができる窓口です。マイナンバーカードや運転免許証を読み取って氏名や住所を入力するため、同じことを何度も書く必要がありません。引越しやおくやみなど複数の手続きもまとめてご案内します。本庁の市民課と各総合支所でご利用いただけます。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['かかないまどぐち', '記入不要', '申請書', 'ワンストップ'],
    lifeEvents: ['引越し', 'おくやみ', '出産'],
    en: {
      question: 'What is the "no-writing counter" (Kakanai Madoguchi)?',
      answer:
        'At the no-writing counter, staff prepare the application forms while listening to your needs, and you only need to check the details and sign. Your name and address are entered by reading your My Number Card or driver\'s license, so you do not have to write the same information again and again. Staff will also guide you through several related procedures together, such as when you move or after a death in the family. It is available at the Citizens Division of the main city office and at each branch office.',
    },
  },
  {
    id: 'madoguchi-jikan',
    question: '市役所の窓口は何時から何時まで開いていますか？',
    answer:
      '本庁（水沢大手町）と江刺・前沢・胆沢・衣川の各総合支所の窓口は、原則として平日の8時30分から17時15分までです。土日祝日と年末年始はお休みです。住民票の写しや印鑑証明書は、マイナンバーカードがあればコンビニで毎日6時30分から23時まで取得でき、オンラインでできる手続きもあります。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['開庁時間', '受付時間', '営業時間', '土日', '何時まで'],
    links: [{ label: 'オンライン手続き（マイページ）', href: '/mypage' }],
    en: {
      question: 'What are the opening hours of the city office counters?',
      answer:
        'The counters at the main city office (Mizusawa Otemachi) and the Esashi, Maesawa, Isawa and Koromogawa branch offices are generally open on weekdays from 8:30 a.m. to 5:15 p.m. They are closed on Saturdays, Sundays, national holidays and during the New Year holidays. With a My Number Card, you can get residence certificates and seal registration certificates at convenience stores every day from 6:30 a.m. to 11:00 p.m., and some procedures can also be done online.',
    },
  },
  {
    id: 'sogo-shisho-tetsuzuki',
    question: '江刺に住んでいます。本庁まで行かなくても総合支所で手続きできますか？',
    answer:
      '住民票や印鑑証明書、戸籍の証明、転入・転出などの届出、各種証明の発行といった主な手続きは、江刺・前沢・胆沢・衣川の各総合支所でも受け付けています。一部の専門的な申請や相談は本庁の担当課での対応となる場合がありますので、事前に確認しておくと安心です。詳しくは担当課へお問い合わせください。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['総合支所', '支所', '江刺', '前沢', '胆沢', '衣川'],
  },
  {
    id: 'konin-todoke',
    question: '婚姻届はどこに出せばいいですか？必要なものは？',
    answer:
      '婚姻届は本庁の市民課または各総合支所に提出できます。成人2名の証人の署名が入った婚姻届と、届出に来る方の本人確認書類をお持ちください。本籍地以外に提出する場合も、戸籍証明書の添付は原則不要になっています。閉庁時間や休日の受付方法については市民課へお問い合わせください。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['結婚', 'こんいんとどけ', '入籍', '証人'],
    lifeEvents: ['結婚'],
    en: {
      question: 'Where do I submit a marriage registration, and what do I need?',
      answer:
        'You can submit a marriage registration at the Citizens Division of the main city office or at any branch office. Please bring the marriage registration form signed by two adult witnesses and an ID document for the person submitting it. Even if you file somewhere other than your registered domicile, attaching a family register certificate is generally no longer required. For how to file outside office hours or on holidays, please contact the Citizens Division.',
    },
  },
  {
    id: 'shussei-todoke',
    question: '赤ちゃんが生まれました。出生届の出し方を教えてください。',
    answer:
      '生まれた日を含めて14日以内に、医師などが記入した出生証明書と一体になった出生届を、本庁の市民課または各総合支所に提出してください。届出に来る方の本人確認書類と母子健康手帳をお持ちください。あわせて児童手当の申請、子どもの健康保険の加入、子ども医療費助成の手続きも必要です。書かない窓口でまとめてご案内します。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['出産', 'しゅっせいとどけ', '赤ちゃん', '出生証明書'],
    lifeEvents: ['出産'],
    en: {
      question: 'Our baby has been born. How do I submit a birth registration?',
      answer:
        'Within 14 days of the birth (counting the day of birth), please submit the birth registration form, which includes the birth certificate filled in by the doctor or midwife, to the Citizens Division of the main city office or to any branch office. Bring an ID document for the person submitting it and the Maternal and Child Health Handbook. You will also need to apply for the child allowance, enroll your child in health insurance, and apply for the child medical expense subsidy. Staff at the no-writing counter will guide you through all of these together.',
    },
  },
  {
    id: 'okuyami-tetsuzuki',
    question: '家族が亡くなりました。市役所ではどんな手続きが必要ですか？',
    answer:
      '死亡届は亡くなったことを知った日から7日以内に提出が必要で、多くの場合は葬儀社が代行します。その後、健康保険や介護保険の資格喪失、年金、印鑑登録の廃止、世帯主の変更、税金など、ご遺族の状況に応じた手続きがあります。書かない窓口では必要な手続きを一覧にしてまとめてご案内しますので、亡くなった方の保険証類やご遺族の本人確認書類をお持ちください。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['死亡届', 'おくやみ', '亡くなった', '葬儀', '遺族'],
    lifeEvents: ['おくやみ'],
    en: {
      question: 'A family member has passed away. What procedures are needed at the city office?',
      answer:
        'A death notification must be submitted within 7 days of learning of the death; in most cases the funeral company submits it on your behalf. After that, depending on your situation, there are procedures such as ending health insurance and long-term care insurance coverage, pension matters, cancelling the seal registration, changing the head of household, and taxes. At the no-writing counter, staff will list all the necessary procedures and guide you through them together, so please bring the deceased person\'s insurance cards and an ID document for the bereaved family member.',
    },
  },
  {
    id: 'kaso-kyoka',
    question: '火葬の手続きはどうなっていますか？',
    answer:
      '死亡届を提出すると火葬許可証が交付され、火葬の際に斎場へ提出します。通常は死亡届の提出から斎場の予約まで葬儀社が代行しています。火葬後に証印が押された許可証は埋葬許可証として納骨の際に必要になりますので、大切に保管してください。斎場の使用料などは市民課へお問い合わせください。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['かそう', '火葬許可証', '斎場', '埋葬許可', '納骨'],
    lifeEvents: ['おくやみ'],
  },
  {
    id: 'shimin-sodan',
    question: '悪質な訪問販売や契約トラブルで困っています。どこに相談すればいいですか？',
    answer:
      '市では消費生活に関する相談を受け付けており、契約トラブルや架空請求、悪質商法などについて専門の相談員が助言します。全国共通の消費者ホットライン188に電話すると、最寄りの消費生活相談窓口につながります。クーリング・オフできる場合もありますので、お早めにご相談ください。受付日時は市民課へお問い合わせください。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['消費生活相談', '詐欺', 'クーリングオフ', '架空請求', '188'],
  },
  {
    id: 'gaikokujin-jumin',
    question: '外国籍の人が奥州市に住む場合の手続きは？',
    answer:
      '中長期在留者の方は、住所を定めてから14日以内に、在留カード（またはパスポート）を持って本庁の市民課か各総合支所で住所の届出をしてください。届出により住民票が作成され、マイナンバーが付番されます。在留カードの住所欄は窓口で記載します。国民健康保険や国民年金への加入が必要な場合もあります。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['外国人', '在留カード', 'foreigner', '住所届出'],
    lifeEvents: ['引越し', '就職'],
  },
  {
    id: 'shien-sochi',
    question: 'DVやストーカーの被害があり、住所を知られたくありません。',
    answer:
      'DV・ストーカー行為・児童虐待などの被害者の方は、申出により住民票の写しなどの交付や閲覧を制限する支援措置を受けられます。警察や配偶者暴力相談支援センターなどの意見を確認したうえで措置を行います。まずは市民課の窓口にご相談ください。お話の内容は秘密として扱いますので、安心してご相談ください。',
    department: 'citizens',
    category: 'くらし・手続き',
    keywords: ['支援措置', 'DV', '閲覧制限', 'ストーカー'],
  },
];
