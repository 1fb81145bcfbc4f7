import type { FaqSeed } from './types.ts';

/** ごみ・環境（ごみの出し方・分別・粗大ごみ・ペット・環境） */
export const GOMI_FAQ: FaqSeed[] = [
  {
    id: 'gomi-no-hi',
    question: 'ゴミの日っていつ？',
    answer:
      'ごみの収集日は、水沢・江刺・前沢・胆沢・衣川の地区や集積所ごとに異なります。お住まいの地区のごみ収集カレンダーで、燃やせるごみ・資源ごみなどの種類ごとの収集日をご確認ください。カレンダーは本庁の生活環境課や各総合支所で配布しています。ごみは収集日の朝、決められた時間までに集積所へ出してください。',
    department: 'environment',
    category: 'ごみ・環境',
    keywords: ['ごみの日', '収集日', 'ごみカレンダー', 'ゴミ出し', '燃えるごみ'],
    lifeEvents: ['引越し'],
    en: {
      question: 'When is garbage collection day?',
      answer:
        'Garbage collection days differ by area (Mizusawa, Esashi, Maesawa, Isawa and Koromogawa) and by collection point. Please check the garbage collection calendar for your area to see the collection day for each type, such as burnable garbage and recyclables. Calendars are available at the Living Environment Division of the main city office and at each branch office. Please put out your garbage at the collection point by the designated time on the morning of the collection day.',
    },
  },
  {
    id: 'gomi-bunbetsu',
    question: 'ごみの分別の仕方がわかりません。',
    answer:
      'ごみは大きく、燃やせるごみ、燃やせないごみ、資源ごみ（びん・缶・ペットボトル・プラスチック製容器包装・古紙など）、粗大ごみに分けて出していただきます。細かな分け方は、ごみ収集カレンダーや分別の手引きに品目ごとに載っています。判断に迷うものは、生活環境課へお問い合わせください。',
    department: 'environment',
    category: 'ごみ・環境',
    keywords: ['分別', 'ぶんべつ', '資源ごみ', 'プラスチック', 'ペットボトル'],
    lifeEvents: ['引越し'],
    en: {
      question: 'I do not know how to sort my garbage.',
      answer:
        'Garbage is broadly divided into burnable garbage, non-burnable garbage, recyclables (bottles, cans, PET bottles, plastic containers and packaging, used paper, etc.) and oversized garbage. Detailed sorting rules for each item are listed in the garbage collection calendar and the sorting guide. If you are unsure about an item, please contact the Living Environment Division.',
    },
  },
  {
    id: 'gomi-dashikata',
    question: 'ごみは前の晩に出しておいてもいいですか？',
    answer:
      '前日の夜に出すと、カラスや動物に荒らされたり、風で飛ばされたりする原因になるため、収集日の朝、決められた時間までに出してください。集積所は地域の皆さんが管理していますので、ネットをかけるなど地区のルールを守ってご利用ください。出す時間は収集カレンダーでご確認いただけます。',
    department: 'environment',
    category: 'ごみ・環境',
    keywords: ['前日', '夜に出す', '何時まで', 'カラス'],
  },
  {
    id: 'sodai-gomi',
    question: '粗大ごみはどうやって出せばいいですか？',
    answer:
      '家具や自転車など、ふだんの集積所に出せない大きなごみは粗大ごみとして扱います。オンラインで粗大ごみの申込みができ、品目と出したい日を選ぶと収集日や手数料、出し方をご案内します。手数料はキャッシュレス決済でお支払いいただけます。エアコン・テレビ・冷蔵庫・洗濯機などの家電リサイクル対象品は粗大ごみとして出せません。',
    department: 'environment',
    category: 'ごみ・環境',
    keywords: ['そだいごみ', '大型ごみ', '家具', 'タンス', 'ソファ', '自転車'],
    lifeEvents: ['引越し'],
    procedure: 'sodai-gomi',
    links: [{ label: 'ログインして申し込む', href: '/auth/login' }],
    en: {
      question: 'How do I dispose of oversized garbage?',
      answer:
        'Large items that cannot go to the regular collection point, such as furniture and bicycles, are handled as oversized garbage. You can apply online: choose the items and your preferred date, and you will be told the collection day, the fee and how to put them out. The fee can be paid by cashless payment. Items covered by the Home Appliance Recycling Law, such as air conditioners, TVs, refrigerators and washing machines, cannot be put out as oversized garbage.',
    },
  },
  {
    id: 'gomi-mochikomi',
    question: '大量のごみを自分で処理施設に持ち込めますか？',
    answer:
      '家庭から出たごみは、市のごみ処理施設へご自分で持ち込むことができます。持ち込みには分別が必要で、重さなどに応じた処理手数料がかかります。受付日時や持ち込み先は品目によって異なりますので、事前に生活環境課へお問い合わせください。事業所から出たごみは家庭ごみとは扱いが異なります。',
    department: 'environment',
    category: 'ごみ・環境',
    keywords: ['持ち込み', '自己搬入', '処理施設', 'クリーンセンター'],
  },
  {
    id: 'kaden-recycle',
    question: '古い冷蔵庫やテレビを捨てたいのですが。',
    answer:
      'エアコン、テレビ、冷蔵庫・冷凍庫、洗濯機・衣類乾燥機は家電リサイクル法の対象のため、市では収集しません。買い替えの際は新しい製品を買う販売店に、処分だけの場合は以前購入した販売店に引き取りを依頼してください。販売店に依頼できない場合は、郵便局でリサイクル券を購入し、指定引取場所へ持ち込む方法もあります。リサイクル料金と運搬料金が必要です。',
    department: 'environment',
    category: 'ごみ・環境',
    keywords: ['家電リサイクル', '冷蔵庫', 'テレビ', '洗濯機', 'エアコン'],
    lifeEvents: ['引越し'],
  },
  {
    id: 'pc-recycle',
    question: 'いらなくなったパソコンはどう処分すればいい？',
    answer:
      'パソコンは資源有効利用促進法に基づき、メーカーによる回収・リサイクルが基本となっています。PCリサイクルマークが付いた製品は、メーカーに申し込むと無料で回収されます。小型家電リサイクルの回収を利用できる場合もあります。処分の前に、保存されているデータは必ずご自身で消去してください。',
    department: 'environment',
    category: 'ごみ・環境',
    keywords: ['パソコン', 'PC', 'ノートパソコン', '小型家電', 'データ消去'],
  },
  {
    id: 'hikkoshi-gomi',
    question: '引越しで一度にたくさんごみが出ます。集積所に出していいですか？',
    answer:
      '引越しや大掃除などで一時的に大量に出るごみは、集積所に出すと他の方が利用できなくなるため、ご自分で市のごみ処理施設へ持ち込むか、市の許可を受けた一般廃棄物収集運搬業者に依頼してください。粗大ごみはオンラインでの申込みも利用できます。無許可の不用品回収業者とのトラブルにご注意ください。',
    department: 'environment',
    category: 'ごみ・環境',
    keywords: ['大量ごみ', '引っ越しごみ', '不用品回収', '許可業者'],
    lifeEvents: ['引越し', 'おくやみ'],
    procedure: 'sodai-gomi',
  },
  {
    id: 'spray-denchi',
    question: 'スプレー缶や電池はどうやって捨てるの？',
    answer:
      'スプレー缶やカセットボンベは、中身を使い切ってから収集カレンダーで決められた区分で出してください。リチウムイオン電池やそれを内蔵した製品（モバイルバッテリーなど）は、収集車や処理施設の火災の原因になるため、燃やせないごみなどに混ぜないでください。乾電池やボタン電池も含め、出し方は分別の手引きか生活環境課でご確認ください。',
    department: 'environment',
    category: 'ごみ・環境',
    keywords: ['スプレー缶', 'ガスボンベ', '乾電池', 'モバイルバッテリー', 'リチウムイオン電池'],
  },
  {
    id: 'noyaki',
    question: '庭でごみや枯れ草を燃やしてもいいですか？',
    answer:
      'ごみを屋外で燃やす野焼きは、廃棄物処理法で原則禁止されています。煙や臭いで近所の方の迷惑になるほか、火災の原因にもなります。農業を営むためにやむを得ず行う焼却など一部例外はありますが、その場合も周囲に配慮し、消防署への届出が必要な場合があります。家庭のごみは決められた方法で出してください。',
    department: 'environment',
    category: 'ごみ・環境',
    keywords: ['野焼き', 'のやき', '焚き火', '焼却', '煙'],
  },
  {
    id: 'fuho-toki',
    question: '空き地にごみが捨てられています。誰に知らせればいい？',
    answer:
      '不法投棄を見つけたら、場所と投棄されているものの内容を生活環境課または各総合支所へお知らせください。写真があると対応がスムーズです。投棄した人の手がかりになるものがあっても、ご自身で触ったり動かしたりせず、危険物の可能性がある場合は近づかないでください。土地の所有者や警察と連携して対応します。',
    department: 'environment',
    category: 'ごみ・環境',
    keywords: ['不法投棄', 'ポイ捨て', 'ふほうとうき', '通報'],
    links: [{ label: 'お問い合わせフォーム', href: '/ask/inquiry' }],
  },
  {
    id: 'sentei-eda',
    question: '刈った草や剪定した枝はどう出せばいいですか？',
    answer:
      '家庭から出た草や剪定した枝は、決められた長さや太さに切りそろえ、束ねるか袋に入れて出していただきます。量が多い場合は、ご自分で市のごみ処理施設へ持ち込むこともできます。太さや長さの基準、出せる量は品目ごとに決まっていますので、分別の手引きか生活環境課でご確認ください。',
    department: 'environment',
    category: 'ごみ・環境',
    keywords: ['草', '枝', '剪定', 'せんてい', '庭木'],
  },
  {
    id: 'gomi-shusekijo',
    question: 'ごみ集積所を新しく作りたい、場所を変えたいときは？',
    answer:
      'ごみ集積所は、地域の行政区や自治会が設置・管理しています。新設や移設を希望する場合は、まず行政区長や自治会にご相談のうえ、生活環境課へ申し出てください。収集車が安全に停車できるかなどを確認します。集積所の設置に対する支援がある場合もありますので、詳しくは担当課へお問い合わせください。',
    department: 'environment',
    category: 'ごみ・環境',
    keywords: ['ごみステーション', '集積所', '自治会', 'ごみ置き場'],
  },
  {
    id: 'inu-toroku',
    question: '犬を飼い始めました。登録は必要ですか？',
    answer:
      '生後91日以上の犬を飼う場合は、飼い始めてから30日以内に市への登録（生涯1回）と、毎年1回の狂犬病予防注射が義務付けられています。登録手数料は3,000円です（令和8年4月現在）。オンラインでも登録の申請ができます。ペットショップなどでマイクロチップが装着・登録済みの犬は、手続きの扱いが異なりますので生活環境課へお問い合わせください。',
    department: 'environment',
    category: 'ごみ・環境',
    keywords: ['犬の登録', '飼い犬', 'いぬ', '鑑札', 'マイクロチップ'],
    procedure: 'inu-toroku',
  },
  {
    id: 'kyokenbyo',
    question: '狂犬病の予防注射はどこで受けられますか？',
    answer:
      '狂犬病予防注射は毎年1回、春ごろに市内各地で行う集合注射か、動物病院で受けることができます。集合注射の日程と会場は、市の広報や市公式アプリ「ぽちっと奥州」などでお知らせします。動物病院で受けた場合は、注射済証明書を持って注射済票の交付を受けてください。注射済票の交付手数料は550円です（令和8年4月現在）。',
    department: 'environment',
    category: 'ごみ・環境',
    keywords: ['狂犬病', '予防注射', '集合注射', '注射済票'],
  },
  {
    id: 'pet-shibo',
    question: '飼っていた犬が死んでしまいました。届出は必要？',
    answer:
      '登録している犬が死亡したときは、30日以内に生活環境課または各総合支所へ死亡届を出してください。住所や飼い主が変わった場合も届出が必要です。亡くなったペットの遺体の引き取りや火葬については、扱いが地域や方法によって異なりますので、詳しくは担当課へお問い合わせください。',
    department: 'environment',
    category: 'ごみ・環境',
    keywords: ['犬の死亡届', 'ペット', '死んだ', '飼い主変更'],
    procedure: 'inu-toroku',
  },
  {
    id: 'noraneko',
    question: '近所の野良猫に困っています。',
    answer:
      '飼い主のいない猫への無責任なえさやりは、ふん尿や鳴き声などの被害を広げる原因になります。市では、猫の適正飼養や不妊去勢手術の必要性について周知・啓発を行っています。猫を捕まえて処分することは動物愛護管理法上できませんので、被害の状況に応じた対策について生活環境課へご相談ください。',
    department: 'environment',
    category: 'ごみ・環境',
    keywords: ['野良猫', 'ねこ', '餌やり', 'ふん害'],
  },
];
