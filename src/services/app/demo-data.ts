/**
 * Demo news for a fresh demo database: twenty notices across the six categories and
 * Oshu's five areas, published over the last weeks, plus one scheduled and one draft.
 * Inserted as already notified (invented news must not message anyone).
 */
import type { AppDb } from './tables.ts';
import type { AreaCode, CategoryCode } from './taxonomy.ts';

interface DemoArticle {
  title: string;
  summary: string;
  body: string;
  category: CategoryCode;
  area: AreaCode;
}

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    title: '大雨に備えて 胆沢川・衣川周辺の避難所と避難の目安',
    summary: '大雨の時期を前に、胆沢・衣川地域の指定避難所と、避難を始める目安をお知らせします。',
    body: '梅雨から秋にかけては大雨による増水や土砂災害のおそれが高まります。\n\n胆沢川・衣川の周辺にお住まいの方は、市が発表する「高齢者等避難」で、高齢の方や支援が必要な方は避難を始めてください。「避難指示」が出たら、危険な場所から全員避難してください。\n\n指定避難所は胆沢総合支所・衣川総合支所のほか、各地区センターです。開設状況はこのアプリの防災のお知らせでお伝えします。',
    category: 'disaster',
    area: 'isawa',
  },
  {
    title: '奥州市防災マップ（ハザードマップ）を改訂しました',
    summary: '洪水・土砂災害の想定区域を最新の情報に更新しました。各総合支所で配布しています。',
    body: '北上川水系の浸水想定区域の見直しにあわせて、奥州市防災マップを改訂しました。\n\nご自宅や勤務先、お子さんの学校の周りが想定区域に入っていないか、避難所までの道順とあわせてご確認ください。\n\n市役所本庁・各総合支所の窓口で配布しているほか、市のホームページからもご覧いただけます。',
    category: 'disaster',
    area: 'all',
  },
  {
    title: '水沢地域で総合防災訓練を行います',
    summary: '地震を想定した避難訓練・初期消火訓練・避難所開設訓練を行います。どなたでも参加できます。',
    body: '水沢地域の自主防災組織と消防団、市が合同で総合防災訓練を行います。\n\n当日は防災行政無線で訓練の放送が流れます。訓練の放送ですので、落ち着いて参加してください。\n\n炊き出し訓練や起震車体験もあります。動きやすい服装でお越しください。',
    category: 'disaster',
    area: 'mizusawa',
  },
  {
    title: '雪下ろし中の事故に注意してください',
    summary: '屋根の雪下ろしは必ず2人以上で。命綱とヘルメットを着けましょう。',
    body: '屋根からの転落や落雪による事故が毎年起きています。\n\n・雪下ろしは2人以上で、家族や近所の方に声をかけてから\n・命綱とヘルメットを着用する\n・はしごは固定する\n・晴れて気温が上がった日は、屋根からの落雪に特に注意する\n\n高齢の方のお宅の雪下ろしについては、各地区センターにご相談ください。',
    category: 'disaster',
    area: 'all',
  },
  {
    title: '児童手当の制度が変わりました',
    summary: '所得制限がなくなり、高校生年代まで支給されます。申請が必要な方がいます。',
    body: '制度改正により、児童手当の所得制限がなくなり、支給対象が高校生年代（18歳になった後の最初の3月31日まで）に広がりました。第3子以降の支給額も増えています。\n\nこれまで所得制限で受け取っていなかった方や、高校生年代のお子さんだけを養育している方は申請が必要です。\n\n申請はオンライン（マイナポータル）または、こども家庭課・各総合支所の窓口でできます。',
    category: 'childcare',
    area: 'all',
  },
  {
    title: '江刺地域 乳幼児健診の日程（秋）',
    summary: '江刺総合支所で行う4か月児・1歳6か月児・3歳児健診の日程です。対象の方には個別にご案内します。',
    body: '江刺地域の乳幼児健診を江刺総合支所で行います。対象のお子さんのご家庭には、健診の約1か月前に通知をお送りします。\n\n母子健康手帳と問診票をお持ちください。都合が悪い場合は、他の地域の日程で受けることもできます。',
    category: 'childcare',
    area: 'esashi',
  },
  {
    title: '前沢地域 子育てサロン「ぽかぽか広場」を開きます',
    summary: '0歳から就学前のお子さんと保護者の方が自由に遊べる広場です。予約はいりません。',
    body: '前沢地区センターで子育てサロンを開きます。おもちゃや絵本で自由に遊べるほか、保健師・保育士に子育ての相談ができます。\n\n予約は不要です。上履きと飲み物をお持ちください。',
    category: 'childcare',
    area: 'maesawa',
  },
  {
    title: '子育て支援センターの夏休みイベント',
    summary: '水沢の子育て支援センターで、水遊びや読み聞かせの会を行います。',
    body: '夏休み期間中、水沢の子育て支援センターで親子向けのイベントを行います。\n\n水遊びの日は、着替えとタオルをお持ちください。雨の日は室内で行います。\n\n参加は無料です。各回の定員がありますので、電話でお申し込みください。',
    category: 'childcare',
    area: 'mizusawa',
  },
  {
    title: '特定健診・がん検診の受付を始めました',
    summary: '40歳以上の国民健康保険の方の特定健診と、各種がん検診の申込みを受け付けています。',
    body: '今年度の特定健診と各種がん検診（胃・大腸・肺・乳・子宮）の受付を始めました。\n\n対象の方には受診券をお送りしています。集団健診の日程は地域ごとに異なります。医療機関で受ける個別健診もあります。\n\n早期発見のため、年に一度の受診をおすすめします。',
    category: 'health',
    area: 'all',
  },
  {
    title: '高齢者のインフルエンザ予防接種の費用を助成します',
    summary: '65歳以上の方などを対象に、インフルエンザ予防接種の自己負担を軽くします。',
    body: '65歳以上の方と、60歳から64歳で心臓・腎臓・呼吸器などに重い障がいのある方は、定期予防接種として自己負担を軽くして受けられます。\n\n市内の実施医療機関に予約のうえ、健康保険証（マイナ保険証）をお持ちください。',
    category: 'health',
    area: 'all',
  },
  {
    title: '熱中症に気をつけましょう',
    summary: 'こまめな水分補給とエアコンの上手な利用で、熱中症を防ぎましょう。',
    body: '気温が高い日が続いています。のどが渇く前の水分補給、暑い日の外出を控えること、室内でもエアコンを使うことを心がけてください。\n\n高齢の方は暑さを感じにくくなります。ご家族やご近所で声をかけ合いましょう。\n\n市内の公共施設を「涼みどころ」として開放しています。',
    category: 'health',
    area: 'all',
  },
  {
    title: '日高火防祭（ひたかひぶせまつり）の交通規制',
    summary: '水沢の中心市街地で、まつり当日は交通規制を行います。',
    body: '水沢の春の風物詩、日高火防祭が行われます。町内ごとの「はやし屋台」が市街地を練り歩きます。\n\n当日は水沢駅周辺から中心市街地にかけて交通規制を行います。路線バスも迂回しますので、ご注意ください。\n\n臨時駐車場をご利用ください。',
    category: 'events',
    area: 'mizusawa',
  },
  {
    title: '江刺甚句まつりを開催します',
    summary: '江刺の中心部で、甚句踊りや郷土芸能の披露、夜の花火が楽しめます。',
    body: '江刺の初夏を彩る江刺甚句まつりを開催します。市民総踊りや鹿踊・剣舞などの郷土芸能、夜には花火も上がります。\n\nまつりの期間中、会場周辺では交通規制があります。',
    category: 'events',
    area: 'esashi',
  },
  {
    title: '衣川 夏まつりと灯籠流し',
    summary: '衣川の河川敷で、夏まつりと灯籠流しを行います。',
    body: '衣川の夏の夜を灯籠の明かりが彩ります。屋台や子ども向けのゲームコーナーもあります。\n\n雨天の場合は衣川総合支所で内容を変更して行います。',
    category: 'events',
    area: 'koromogawa',
  },
  {
    title: 'マイナンバーカードの出張申請窓口（衣川・胆沢）',
    summary: '総合支所に出張窓口を開きます。写真撮影も無料で行います。',
    body: 'マイナンバーカードの申請を、衣川総合支所・胆沢総合支所の出張窓口で受け付けます。顔写真の撮影は無料で行いますので、そのままお越しください。\n\n本人確認書類（運転免許証など）と、お持ちの方は交付申請書をお持ちください。',
    category: 'government',
    area: 'koromogawa',
  },
  {
    title: 'オンラインで申請できる手続きが増えました',
    summary: '住民票の写しの請求や児童手当の手続きなどが、スマートフォンから申請できます。',
    body: '奥州市DX全体方針に基づき、オンラインで申請できる手続きを増やしています。\n\nマイナンバーカードでログインすると、住民票の記録の確認やデマンド交通の予約などをこのサイトから行えます。\n\n使い方が分からないときは、市役所の窓口やお近くの地区センターでお手伝いします。',
    category: 'government',
    area: 'all',
  },
  {
    title: '年末年始のごみ収集日程',
    summary: '年末年始は収集日が変わります。地域ごとの日程をご確認ください。',
    body: '年末年始はごみの収集日程が通常と異なります。\n\n各地域の収集カレンダーをご確認のうえ、決められた日の朝8時30分までに出してください。\n\n胆沢地域の一部の地区では、収集場所も変わります。',
    category: 'government',
    area: 'isawa',
  },
  {
    title: 'えさし藤原の郷 秋の特別公開',
    summary: '平安時代の建物を再現した歴史公園で、秋の特別公開と夜間ライトアップを行います。',
    body: '大河ドラマのロケ地としても知られる、えさし藤原の郷で秋の特別公開を行います。\n\n期間中の週末は夜間ライトアップも行います。平安衣装の着付け体験もあります（予約制）。',
    category: 'tourism',
    area: 'esashi',
  },
  {
    title: '奥州湖（胆沢ダム）の紅葉と見学会',
    summary: '胆沢ダムの見学会を開きます。ダム湖周辺の紅葉もお楽しみください。',
    body: '日本有数の大きさを誇るロックフィルダム、胆沢ダムの見学会を行います。普段は入れない監査廊も見学できます。\n\n奥州湖周辺の紅葉は見ごろを迎えています。山道ですので、運転にはご注意ください。',
    category: 'tourism',
    area: 'isawa',
  },
  {
    title: '前沢牛のふるさと 前沢地域の直売所めぐり',
    summary: '前沢地域の直売所で、地元の野菜や加工品を味わいませんか。',
    body: '前沢牛で知られる前沢地域には、地元の野菜や果物、加工品の直売所がいくつもあります。\n\n直売所をめぐるスタンプラリーを行っています。スタンプを集めると、抽選で地元の特産品が当たります。',
    category: 'tourism',
    area: 'maesawa',
  },
];

/** Loads the demo news into an empty table; returns false when news already exists. */
export async function seedDemoNews(db: AppDb, now: Date): Promise<boolean> {
  const any = await db.selectFrom('app_articles').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  const hour = 3600_000;
  await db
    .insertInto('app_articles')
    .values(
      DEMO_ARTICLES.map((a, i) => {
        // Newest first, about one every day and a half, published at 9:00-ish.
        const at = new Date(now.getTime() - (i * 36 + 2) * hour);
        return { ...a, status: 'published' as const, published_at: at, notified_at: at, updated_at: at, created_by: null, updated_by: null, image_file_id: null };
      }),
    )
    .execute();
  await db
    .insertInto('app_articles')
    .values([
      {
        title: '市民公開講座「災害に強いまちづくり」（予約公開の例）',
        summary: '防災士による講座を行います。',
        body: '水沢の市民会館で、防災士による市民公開講座を行います。申込みは不要です。',
        category: 'disaster',
        area: 'mizusawa',
        status: 'scheduled',
        publish_at: new Date(now.getTime() + 7 * 24 * hour),
        updated_at: now,
        created_by: null,
        updated_by: null,
        image_file_id: null,
      },
      {
        title: '図書館の臨時休館（下書きの例）',
        summary: '',
        body: '蔵書点検のため臨時休館します。',
        category: 'government',
        area: 'mizusawa',
        status: 'draft',
        updated_at: now,
        created_by: null,
        updated_by: null,
        image_file_id: null,
      },
    ])
    .execute();
  return true;
}
