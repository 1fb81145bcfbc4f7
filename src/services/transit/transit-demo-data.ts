/**
 * Demo network of the Maesawa (前沢) on-demand bus: stops at places people go
 * (station, branch office, hospital, shops, community centres) and in each
 * district, weekday service hours, four vehicles and two drivers. Positions are
 * approximate, placed for the demo; a city loads its own list.
 */
export const DEMO_STOPS: { id: string; name: string; nameKana: string; lat: number; lng: number; description: string }[] = [
  { id: 'maesawa-station', name: 'JR前沢駅', nameKana: 'じぇいあーるまえさわえき', lat: 39.0486, lng: 141.1163, description: '駅前ロータリー' },
  { id: 'maesawa-branch', name: '前沢総合支所', nameKana: 'まえさわそうごうししょ', lat: 39.0522, lng: 141.1208, description: '正面玄関前' },
  { id: 'magokoro-hospital', name: 'まごころ病院', nameKana: 'まごころびょういん', lat: 39.0571, lng: 141.1262, description: '病院玄関前' },
  { id: 'maesawa-center', name: '前沢地区センター', nameKana: 'まえさわちくせんたー', lat: 39.0531, lng: 141.1172, description: '駐車場入口' },
  { id: 'ushi-museum', name: '牛の博物館', nameKana: 'うしのはくぶつかん', lat: 39.0618, lng: 141.1317, description: '正面入口' },
  { id: 'sportsland', name: 'いきいきスポーツランド', nameKana: 'いきいきすぽーつらんど', lat: 39.0447, lng: 141.1251, description: '体育館前' },
  { id: 'shopping-plaza', name: '前沢ショッピングプラザ', nameKana: 'まえさわしょっぴんぐぷらざ', lat: 39.0462, lng: 141.1208, description: '店舗入口' },
  { id: 'maesawa-clinic', name: '前沢駅前クリニック', nameKana: 'まえさわえきまえくりにっく', lat: 39.0494, lng: 141.1189, description: '医院前' },
  { id: 'shirayama', name: '白山地区センター', nameKana: 'しらやまちくせんたー', lat: 39.0732, lng: 141.0968, description: '地区センター前' },
  { id: 'kojo', name: '古城地区センター', nameKana: 'こじょうちくせんたー', lat: 39.0368, lng: 141.1052, description: '地区センター前' },
  { id: 'mero', name: '目呂木公民館', nameKana: 'めろきこうみんかん', lat: 39.0287, lng: 141.0832, description: '公民館前' },
  { id: 'omo', name: '生母地区センター', nameKana: 'おもちくせんたー', lat: 39.0171, lng: 141.1348, description: '地区センター前' },
  { id: 'akoutsu', name: '赤生津地区センター', nameKana: 'あこうづちくせんたー', lat: 39.0408, lng: 141.1511, description: '地区センター前' },
  { id: 'nishi-danchi', name: '前沢西団地', nameKana: 'まえさわにしだんち', lat: 39.0509, lng: 141.1064, description: '集会所前' },
  { id: 'higashi-danchi', name: '前沢東団地', nameKana: 'まえさわひがしだんち', lat: 39.0552, lng: 141.1352, description: '集会所前' },
  { id: 'onsen', name: '前沢温泉舞鶴の湯', nameKana: 'まえさわおんせんまいづるのゆ', lat: 39.0652, lng: 141.1105, description: '玄関前' },
];

/** ISO weekday → [opens, closes] in seconds after midnight: weekdays 8:00–17:00. */
export const DEMO_HOURS: [number, number, number][] = [1, 2, 3, 4, 5].map((d) => [d, 8 * 3600, 17 * 3600]);

export const DEMO_VEHICLES = [
  { id: 'maesawa-1', name: '前沢1号車（ワゴン・車いす対応）', seats: 8, wheelchairSpaces: 1, depot: 'maesawa-branch' },
  { id: 'maesawa-2', name: '前沢2号車（ワゴン）', seats: 9, wheelchairSpaces: 0, depot: 'maesawa-branch' },
  { id: 'maesawa-3', name: '前沢3号車（セダン）', seats: 4, wheelchairSpaces: 0, depot: 'maesawa-station' },
  { id: 'maesawa-4', name: '前沢4号車（ワゴン・車いす対応）', seats: 6, wheelchairSpaces: 2, depot: 'maesawa-station' },
];

export const DEMO_DRIVERS = [
  { id: 'sasaki', name: '佐々木 運転士', phone: '0197-56-0001', loginId: 'driver.sasaki' },
  { id: 'oikawa', name: '及川 運転士', phone: '0197-56-0002', loginId: 'driver.oikawa' },
];
