// Deterministic synthetic resident registry (住民基本台帳-like) for demos and
// tests. Nothing here is real personal data: names are drawn from frequency
// tables, addresses combine real town names with invented house numbers, and
// resident codes are random. Pure and I/O-free; the same options always give
// the same registry, and the clock is never read (`today` is an input).

import { AREA_POPULATION_SHARE, AZA_NAMES, DEMO_TOWN_ENTRIES, OUTSIDE_PLACES, AREA_KANA } from './demo-towns.ts';
import type { DemoTownEntry } from './demo-towns.ts';
import { GIVEN_NAMES, SURNAMES, generationOf } from './demo-names.ts';
import type { SurnameEntry } from './demo-names.ts';
import { createSeededRandom } from './seeded-random.ts';
import type { SeededRandom } from './seeded-random.ts';

export type Area = '水沢' | '江刺' | '前沢' | '胆沢' | '衣川';

export interface DemoTown {
  code: string;
  area: Area;
  name: string;
  kana: string;
  postalCode: string;
}

export interface DemoHousehold {
  id: string;
  householdNumber: string;
  townCode: string;
  addressLine: string;
  headResidentId: string;
}

export interface DemoResident {
  id: string;
  residentCode: string;
  householdId: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string;
  sex: 'male' | 'female';
  relationship: string;
  status: 'current' | 'moved_out' | 'deceased';
}

export interface DemoMovement {
  residentId: string;
  kind: '出生' | '転入' | '転居' | '転出' | '死亡' | '世帯主変更';
  effectiveDate: string;
  reportedDate: string;
  fromAddress: string | null;
  toAddress: string | null;
}

export interface DemoRegistry {
  towns: DemoTown[];
  households: DemoHousehold[];
  residents: DemoResident[];
  movements: DemoMovement[];
}

const DEFAULT_SEED = 20260401;
const DEFAULT_RESIDENTS = 2000;
const DEFAULT_TODAY = '2026-04-01';
const OSHU_PREFIX = '032158'; // 全国地方公共団体コード of 奥州市 (with check digit)
const DEMO_ACCOUNT_COUNT = 12;

// ---------------------------------------------------------------- dates

const DAY_MS = 86_400_000;

function dayOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Same month/day n years later (2-29 → 2-28 in common years). */
function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

function ageAt(birth: string, on: string): number {
  const age = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? age - 1 : age;
}

function minIso(a: string, b: string): string {
  return a < b ? a : b;
}

function maxIso(a: string, b: string): string {
  return a > b ? a : b;
}

// ---------------------------------------------------------------- drafts

type Relationship = '世帯主' | '妻' | '夫' | '子' | '父' | '母' | '孫' | '子の妻' | '兄' | '姉' | '弟' | '妹' | '祖母' | '同居人';

/** A resident before ids are assigned, with the facts its movements derive from. */
interface PersonDraft {
  surname: SurnameEntry;
  givenName: string;
  givenNameKana: string;
  birthDate: string;
  sex: 'male' | 'female';
  relationship: Relationship;
  status: DemoResident['status'];
  /** How the person entered the registry: born here, or moved in from outside / from elsewhere in Oshu. */
  origin: { kind: 'birth' } | { kind: 'in'; date: string } | { kind: 'marriage-within-oshu'; date: string };
  /** Date of 転出 or 死亡 for non-current residents. */
  leftDate?: string;
  leftTo?: string;
  /** Date the person became 世帯主 after someone else. */
  headSince?: string;
}

interface HouseholdDraft {
  town: DemoTownEntry;
  townCode: string;
  addressLine: string;
  /** Whole household moved here within Oshu on `date` from `fromAddress`. */
  relocation?: { date: string; fromAddress: string };
  kind: HouseholdKind;
  members: PersonDraft[];
}

type HouseholdKind =
  | 'single-elderly'
  | 'single-adult'
  | 'elderly-couple'
  | 'couple'
  | 'couple-children'
  | 'single-parent'
  | 'three-generations'
  | 'parent-and-child'
  | 'with-grandmother'
  | 'siblings';

// Weights tuned so that about 38% of current residents are 65+ and the mean
// household size is about 2.5, as in Oshu.
const HOUSEHOLD_KINDS: ReadonlyArray<readonly [HouseholdKind, number]> = [
  ['single-elderly', 21],
  ['single-adult', 12],
  ['elderly-couple', 20],
  ['couple', 5],
  ['couple-children', 18],
  ['single-parent', 5],
  ['three-generations', 13],
  ['parent-and-child', 7],
  ['with-grandmother', 1],
  ['siblings', 1.5],
];

class RegistryBuilder {
  private readonly townCodes = new Map<DemoTownEntry, string>();

  constructor(
    private readonly rng: SeededRandom,
    private readonly today: string,
  ) {
    DEMO_TOWN_ENTRIES.forEach((t, i) => {
      const areaIndex = Object.keys(AREA_POPULATION_SHARE).indexOf(t.area) + 1;
      this.townCodes.set(t, `${OSHU_PREFIX}${areaIndex}${String(i + 1).padStart(5, '0')}`);
    });
  }

  towns(): DemoTown[] {
    return DEMO_TOWN_ENTRIES.map((t) => ({
      code: this.townCodes.get(t)!,
      area: t.area,
      name: `${t.area}${t.name}`,
      kana: `${AREA_KANA[t.area]}${t.kana}`,
      postalCode: t.postalCode,
    }));
  }

  // ------------------------------------------------------------ picking

  /** A birth date giving exactly `age` completed years today. */
  birthForAge(age: number): string {
    const latest = dayOf(addYears(this.today, -age));
    const earliest = dayOf(addYears(this.today, -age - 1)) + 1;
    return isoOf(this.rng.int(earliest, latest));
  }

  /** A date between two dates (inclusive), clamped to today. */
  dateBetween(from: string, to: string): string {
    const end = minIso(to, this.today);
    if (end <= from) return end < from ? from : end;
    return isoOf(this.rng.int(dayOf(from), dayOf(end)));
  }

  pickSurname(exclude?: SurnameEntry): SurnameEntry {
    for (;;) {
      const s = this.rng.weighted(SURNAMES, (x) => x.weight);
      if (!exclude || s.kana !== exclude.kana) return s;
    }
  }

  pickTown(area?: DemoTownEntry['area']): DemoTownEntry {
    const a = area ?? this.rng.weighted(Object.keys(AREA_POPULATION_SHARE) as Array<DemoTownEntry['area']>, (x) => AREA_POPULATION_SHARE[x]);
    return this.rng.weighted(
      DEMO_TOWN_ENTRIES.filter((t) => t.area === a),
      (t) => t.weight,
    );
  }

  addressLine(town: DemoTownEntry): string {
    const r = this.rng;
    switch (town.style) {
      case 'chome': {
        const sub = r.chance(0.7) ? String(r.int(1, 12)) : '';
        return `${r.int(1, town.maxChome ?? 3)}丁目${r.int(1, 30)}番地${sub}`;
      }
      case 'banchi':
        return r.chance(0.5) ? `${r.int(1, 250)}番地` : `${r.int(1, 250)}番地${r.int(1, 9)}`;
      case 'aza':
        return `字${r.pick(AZA_NAMES)}${r.int(1, 320)}番地${r.chance(0.3) ? r.int(1, 5) : ''}`;
    }
  }

  outsideAddress(): string {
    return `${this.rng.pick(OUTSIDE_PLACES)}${this.rng.int(1, 40)}番${this.rng.int(1, 20)}号`;
  }

  person(
    surname: SurnameEntry,
    sex: 'male' | 'female',
    birthDate: string,
    relationship: Relationship,
    avoid: readonly PersonDraft[] = [],
  ): PersonDraft {
    const list = GIVEN_NAMES[generationOf(Number(birthDate.slice(0, 4)))][sex];
    let name = this.rng.pick(list);
    // Family members do not share a given name.
    for (let i = 0; i < 8 && avoid.some((p) => p.givenName === name.kanji || p.givenNameKana === name.kana); i++) {
      name = this.rng.pick(list);
    }
    return {
      surname,
      givenName: name.kanji,
      givenNameKana: name.kana,
      birthDate,
      sex,
      relationship,
      status: 'current',
      origin: { kind: 'birth' },
    };
  }

  /** Most people born locally; some came for work or came back (U-turn). */
  localOrMovedIn(p: PersonDraft, pLocal: number): void {
    if (this.rng.chance(pLocal)) return;
    p.origin = { kind: 'in', date: this.dateBetween(addYears(p.birthDate, 18), addYears(p.birthDate, 50)) };
  }

  /**
   * The spouse joined on marriage (aged 20+, before the first child was
   * born): from outside Oshu, or from another Oshu address.
   */
  marriedIn(spouse: PersonDraft, children: readonly PersonDraft[]): void {
    const from = addYears(spouse.birthDate, 20);
    const firstChildBirth = children.reduce<string | null>((min, c) => (min === null || c.birthDate < min ? c.birthDate : min), null);
    const to = firstChildBirth ? isoOf(dayOf(firstChildBirth) - 200) : addYears(spouse.birthDate, 34);
    const date = this.dateBetween(from, maxIso(from, to));
    spouse.origin = this.rng.chance(0.55) ? { kind: 'in', date } : { kind: 'marriage-within-oshu', date };
  }

  /** Children of a mother, born when she was 22–41, aged 0..maxAge today. */
  children(surname: SurnameEntry, mother: PersonDraft, count: number, maxAge: number, relationship: Relationship, family: PersonDraft[]): PersonDraft[] {
    const kids: PersonDraft[] = [];
    const motherAge = ageAt(mother.birthDate, this.today);
    let ageAtBirth = this.rng.int(22, 30);
    for (let i = 0; i < count; i++) {
      const childAge = motherAge - ageAtBirth;
      if (childAge < 0 || ageAtBirth > 41) break;
      if (childAge <= maxAge) {
        const birth = this.dateBetween(addYears(mother.birthDate, ageAtBirth), addYears(mother.birthDate, ageAtBirth + 1));
        kids.push(this.person(surname, this.rng.chance(0.51) ? 'male' : 'female', birth, relationship, [...family, ...kids]));
      }
      ageAtBirth += this.rng.int(2, 4);
    }
    return kids;
  }

  couple(surname: SurnameEntry, headAge: number): [PersonDraft, PersonDraft] {
    const head = this.person(surname, 'male', this.birthForAge(headAge), '世帯主');
    const wifeAge = Math.max(20, headAge - this.rng.int(-2, 5));
    const wife = this.person(surname, 'female', this.birthForAge(wifeAge), '妻', [head]);
    // A minority of couples register the wife as 世帯主.
    if (this.rng.chance(0.06)) {
      head.relationship = '夫';
      wife.relationship = '世帯主';
      return [wife, head];
    }
    return [head, wife];
  }

  /** An adult child who left Oshu (転出) some years ago. */
  movedOutChild(surname: SurnameEntry, mother: PersonDraft, family: PersonDraft[]): PersonDraft | null {
    const motherAge = ageAt(mother.birthDate, this.today);
    const childAge = motherAge - this.rng.int(22, 34);
    if (childAge < 19) return null;
    const child = this.person(surname, this.rng.chance(0.5) ? 'male' : 'female', this.birthForAge(childAge), '子', family);
    child.status = 'moved_out';
    child.leftDate = this.dateBetween(addYears(child.birthDate, 18), addYears(this.today, -1));
    child.leftTo = this.outsideAddress();
    return child;
  }

  /** A spouse or parent who died some years ago, while living here. */
  deceased(p: PersonDraft): PersonDraft {
    p.status = 'deceased';
    const from = maxIso(addYears(p.birthDate, 62), addYears(this.today, -12));
    p.leftDate = this.dateBetween(from, addYears(this.today, 0));
    return p;
  }

  // ------------------------------------------------------------ households

  household(kind: HouseholdKind): PersonDraft[] {
    const r = this.rng;
    const surname = this.pickSurname();
    switch (kind) {
      case 'single-elderly': {
        const sex = r.chance(0.68) ? 'female' : 'male';
        const head = this.person(surname, sex, this.birthForAge(r.int(65, 97)), '世帯主');
        this.localOrMovedIn(head, 0.85);
        if (sex === 'female' && r.chance(0.11)) {
          // Widow: her late husband was 世帯主 until he died.
          const husbandAge = ageAt(head.birthDate, this.today) + r.int(0, 5);
          const husband = this.deceased(this.person(surname, 'male', this.birthForAge(husbandAge), '夫', [head]));
          if (husband.leftDate! <= addYears(head.birthDate, 60)) husband.leftDate = this.dateBetween(addYears(head.birthDate, 60), this.today);
          head.headSince = husband.leftDate;
          this.marriedIn(head, []);
          return [head, husband];
        }
        return [head];
      }
      case 'single-adult': {
        const head = this.person(surname, r.chance(0.58) ? 'male' : 'female', this.birthForAge(r.int(20, 64)), '世帯主');
        this.localOrMovedIn(head, 0.55);
        const members = [head];
        if (r.chance(0.08)) members.push(this.lodger(surname));
        return members;
      }
      case 'elderly-couple': {
        const [a, b] = this.couple(surname, r.int(66, 92));
        const husband = a.sex === 'male' ? a : b;
        const wife = a.sex === 'male' ? b : a;
        this.localOrMovedIn(husband, 0.85);
        const members = [a, b];
        if (r.chance(0.2)) {
          const child = this.movedOutChild(surname, wife, members);
          if (child) members.push(child);
        }
        this.marriedIn(wife, members.slice(2));
        return members;
      }
      case 'couple': {
        const [a, b] = this.couple(surname, r.int(24, 64));
        const husband = a.sex === 'male' ? a : b;
        const wife = a.sex === 'male' ? b : a;
        this.localOrMovedIn(husband, 0.6);
        this.marriedIn(wife, []);
        const members = [a, b];
        if (r.chance(0.05)) members.push(this.lodger(surname));
        return members;
      }
      case 'couple-children': {
        const [a, b] = this.couple(surname, r.int(28, 58));
        const husband = a.sex === 'male' ? a : b;
        const wife = a.sex === 'male' ? b : a;
        this.localOrMovedIn(husband, 0.7);
        const kids = this.children(surname, wife, r.weighted([1, 2, 3], (n) => [30, 45, 25][n - 1]!), 28, '子', [a, b]);
        const members = [a, b, ...kids];
        if (r.chance(0.2)) {
          const child = this.movedOutChild(surname, wife, members);
          if (child) members.push(child);
        }
        this.marriedIn(wife, members.slice(2));
        return members;
      }
      case 'single-parent': {
        const sex = r.chance(0.82) ? 'female' : 'male';
        const head = this.person(surname, sex, this.birthForAge(r.int(28, 55)), '世帯主');
        this.localOrMovedIn(head, 0.7);
        // Children's ages use the head as the parent regardless of sex.
        const kids = this.children(surname, head, r.int(1, 2), 22, '子', [head]);
        return [head, ...kids];
      }
      case 'three-generations':
        return r.chance(0.5) ? this.threeGenerationsElderHead(surname) : this.threeGenerationsSonHead(surname);
      case 'parent-and-child': {
        const parentSex = r.chance(0.72) ? 'female' : 'male';
        const parent = this.person(surname, parentSex, this.birthForAge(r.int(72, 96)), '世帯主');
        const childAge = ageAt(parent.birthDate, this.today) - r.int(24, 36);
        const child = this.person(surname, r.chance(0.6) ? 'male' : 'female', this.birthForAge(Math.max(30, childAge)), '子', [parent]);
        if (parentSex === 'female') this.marriedIn(parent, [child]);
        if (r.chance(0.5)) {
          // The unmarried child has taken over as 世帯主.
          parent.relationship = parentSex === 'female' ? '母' : '父';
          child.relationship = '世帯主';
          child.headSince = this.dateBetween(addYears(child.birthDate, 35), this.today);
          return [child, parent];
        }
        return [parent, child];
      }
      case 'with-grandmother': {
        const head = this.person(surname, r.chance(0.5) ? 'male' : 'female', this.birthForAge(r.int(22, 38)), '世帯主');
        const grandmother = this.person(surname, 'female', this.birthForAge(Math.min(100, ageAt(head.birthDate, this.today) + r.int(48, 60))), '祖母', [head]);
        // Her own child (the head's parent) was born about 25 years before the head.
        this.marriedIn(grandmother, [{ ...head, birthDate: addYears(head.birthDate, -25) }]);
        return [head, grandmother];
      }
      case 'siblings': {
        const head = this.person(surname, r.chance(0.5) ? 'male' : 'female', this.birthForAge(r.int(58, 85)), '世帯主');
        const siblingAge = ageAt(head.birthDate, this.today) + r.pick([-6, -4, -3, -2, 2, 3, 5]);
        const sex = r.chance(0.5) ? 'male' : 'female';
        const older = siblingAge > ageAt(head.birthDate, this.today);
        const rel: Relationship = sex === 'male' ? (older ? '兄' : '弟') : older ? '姉' : '妹';
        return [head, this.person(surname, sex, this.birthForAge(siblingAge), rel, [head])];
      }
    }
  }

  private lodger(householdSurname: SurnameEntry): PersonDraft {
    const p = this.person(this.pickSurname(householdSurname), this.rng.chance(0.5) ? 'male' : 'female', this.birthForAge(this.rng.int(20, 70)), '同居人');
    p.origin = { kind: 'in', date: this.dateBetween(addYears(this.today, -10), this.today) };
    return p;
  }

  /** Grandparents head the household; son, his wife and grandchildren live with them. */
  private threeGenerationsElderHead(surname: SurnameEntry): PersonDraft[] {
    const r = this.rng;
    const [head, grandma] = this.couple(surname, r.int(68, 90));
    const husband = head.sex === 'male' ? head : grandma;
    const wife = head.sex === 'male' ? grandma : head;
    this.localOrMovedIn(husband, 0.9);
    const sonAge = ageAt(wife.birthDate, this.today) - r.int(23, 33);
    const son = this.person(surname, 'male', this.birthForAge(Math.max(25, sonAge)), '子', [head, grandma]);
    const daughterInLaw = this.person(surname, 'female', this.birthForAge(Math.max(22, ageAt(son.birthDate, this.today) - r.int(-2, 5))), '子の妻', [head, grandma, son]);
    this.marriedIn(wife, [son]);
    const members = [head, grandma, son, daughterInLaw];
    const grandkids = this.children(surname, daughterInLaw, r.int(1, 3), 26, '孫', members);
    this.marriedIn(daughterInLaw, grandkids);
    return [...members, ...grandkids];
  }

  /** The son has taken over as 世帯主; his parents are 父/母. */
  private threeGenerationsSonHead(surname: SurnameEntry): PersonDraft[] {
    const r = this.rng;
    const head = this.person(surname, 'male', this.birthForAge(r.int(38, 62)), '世帯主');
    const wife = this.person(surname, 'female', this.birthForAge(Math.max(30, ageAt(head.birthDate, this.today) - r.int(-2, 5))), '妻', [head]);
    const mother = this.person(surname, 'female', this.birthForAge(Math.min(100, ageAt(head.birthDate, this.today) + r.int(23, 33))), '母', [head, wife]);
    const father = this.person(surname, 'male', this.birthForAge(Math.min(101, ageAt(mother.birthDate, this.today) + r.int(0, 5))), '父', [head, wife, mother]);
    const kids = this.children(surname, wife, r.int(1, 3), 26, '子', [head, wife, mother, father]);
    this.marriedIn(wife, kids);
    this.marriedIn(mother, [head]);
    const members = [head, wife, ...kids, mother];
    const fatherFate = r.next();
    if (fatherFate < 0.55) {
      members.push(father);
      head.headSince = this.dateBetween(addYears(head.birthDate, 32), addYears(head.birthDate, 55));
    } else if (fatherFate < 0.75) {
      // The father died as 世帯主 and the son took over that day.
      members.push(this.deceased(father));
      head.headSince = father.leftDate!;
    }
    return members;
  }

  draftHousehold(): HouseholdDraft {
    const kind = this.rng.weighted(HOUSEHOLD_KINDS, ([, w]) => w)[0];
    const town = this.pickTown();
    const members = this.household(kind);
    const draft: HouseholdDraft = { town, townCode: this.townCodes.get(town)!, addressLine: this.addressLine(town), kind, members };
    // About one household in six moved here from elsewhere in Oshu.
    const head = members.find((m) => m.relationship === '世帯主')!;
    if (this.rng.chance(0.17) && ageAt(head.birthDate, this.today) >= 24) {
      const previous = this.pickTown(this.rng.chance(0.7) ? town.area : undefined);
      draft.relocation = {
        date: this.dateBetween(maxIso(addYears(head.birthDate, 22), addYears(this.today, -20)), this.today),
        fromAddress: `奥州市${previous.area}${previous.name}${this.addressLine(previous)}`,
      };
    }
    return draft;
  }
}

// ---------------------------------------------------------------- movements

function reported(rng: SeededRandom, effective: string, today: string, maxDelay: number): string {
  return minIso(isoOf(dayOf(effective) + rng.int(0, maxDelay)), today);
}

function movementsFor(rng: SeededRandom, h: HouseholdDraft, p: PersonDraft, id: string, today: string, builder: RegistryBuilder): DemoMovement[] {
  const here = `奥州市${h.town.area}${h.town.name}${h.addressLine}`;
  const reloc = h.relocation;
  const out: DemoMovement[] = [];
  const originDate = p.origin.kind === 'birth' ? p.birthDate : p.origin.date;
  // Where the person was at a date: before the household's relocation, the old address.
  const addressAt = (date: string) => (reloc && date < reloc.date ? reloc.fromAddress : here);
  const firstAddress = addressAt(originDate);

  switch (p.origin.kind) {
    case 'birth':
      out.push({ residentId: id, kind: '出生', effectiveDate: p.birthDate, reportedDate: reported(rng, p.birthDate, today, 13), fromAddress: null, toAddress: firstAddress });
      break;
    case 'in':
      out.push({ residentId: id, kind: '転入', effectiveDate: p.origin.date, reportedDate: reported(rng, p.origin.date, today, 13), fromAddress: builder.outsideAddress(), toAddress: firstAddress });
      break;
    case 'marriage-within-oshu': {
      // Born elsewhere in Oshu, moved into the family home on marriage.
      const t = builder.pickTown();
      const parentsHome = `奥州市${t.area}${t.name}${builder.addressLine(t)}`;
      out.push({ residentId: id, kind: '出生', effectiveDate: p.birthDate, reportedDate: reported(rng, p.birthDate, today, 13), fromAddress: null, toAddress: parentsHome });
      out.push({ residentId: id, kind: '転居', effectiveDate: p.origin.date, reportedDate: reported(rng, p.origin.date, today, 13), fromAddress: parentsHome, toAddress: firstAddress });
      break;
    }
  }

  const present = (date: string) => originDate < date && (p.leftDate === undefined || p.leftDate > date);
  if (reloc && present(reloc.date)) {
    out.push({ residentId: id, kind: '転居', effectiveDate: reloc.date, reportedDate: reported(rng, reloc.date, today, 13), fromAddress: reloc.fromAddress, toAddress: here });
  }
  if (p.headSince !== undefined) {
    out.push({ residentId: id, kind: '世帯主変更', effectiveDate: p.headSince, reportedDate: reported(rng, p.headSince, today, 13), fromAddress: null, toAddress: null });
  }
  if (p.status === 'moved_out' && p.leftDate) {
    // 転出届 is filed up to 14 days before the move.
    const filed = maxIso(isoOf(dayOf(p.leftDate) - rng.int(0, 14)), originDate);
    out.push({ residentId: id, kind: '転出', effectiveDate: p.leftDate, reportedDate: filed, fromAddress: addressAt(p.leftDate), toAddress: p.leftTo ?? null });
  }
  if (p.status === 'deceased' && p.leftDate) {
    out.push({ residentId: id, kind: '死亡', effectiveDate: p.leftDate, reportedDate: reported(rng, p.leftDate, today, 6), fromAddress: addressAt(p.leftDate), toAddress: null });
  }
  return out;
}

/** Makes every date in a draft consistent: nothing before birth, nothing after today. */
function settleDates(p: PersonDraft, today: string): void {
  const clamp = (d: string) => minIso(maxIso(d, p.birthDate), today);
  if (p.origin.kind !== 'birth') {
    const date = clamp(p.origin.date);
    p.origin = date === p.birthDate ? { kind: 'birth' } : { ...p.origin, date };
  }
  const originDate = p.origin.kind === 'birth' ? p.birthDate : p.origin.date;
  if (p.leftDate !== undefined) p.leftDate = minIso(maxIso(p.leftDate, isoOf(dayOf(originDate) + 1)), today);
  if (p.headSince !== undefined) p.headSince = minIso(maxIso(p.headSince, originDate), today);
}

// ---------------------------------------------------------------- codes

/** 11-digit code shaped like a 住民票コード: 10 digits plus a modulus-11 check digit. Synthetic. */
function residentCode(rng: SeededRandom, used: Set<string>): string {
  for (;;) {
    let body = String(rng.int(1, 9));
    for (let i = 0; i < 9; i++) body += String(rng.int(0, 9));
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += Number(body[9 - i]) * ((i % 6) + 2);
    const check = (11 - (sum % 11)) % 11;
    const code = `${body}${check >= 10 ? 0 : check}`;
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

// ---------------------------------------------------------------- main

// Demo logins r0001–r0012: one per household, spread over the five areas,
// with varied household types so every screen has something to show.
const DEMO_ACCOUNT_PLAN: ReadonlyArray<readonly [Area, HouseholdKind]> = [
  ['水沢', 'couple-children'],
  ['江刺', 'elderly-couple'],
  ['前沢', 'three-generations'],
  ['胆沢', 'single-adult'],
  ['衣川', 'couple-children'],
  ['水沢', 'single-elderly'],
  ['江刺', 'three-generations'],
  ['水沢', 'couple'],
  ['胆沢', 'parent-and-child'],
  ['前沢', 'couple-children'],
  ['水沢', 'single-parent'],
  ['江刺', 'single-adult'],
];
/** Demo accounts whose household is registered with an old-form surname (for variant search). */
const DEMO_OLD_FORM_SURNAMES: ReadonlyArray<readonly [number, string]> = [
  [1, '髙橋'],
  [8, '渡邊'],
];

function chooseDemoHouseholds(drafts: HouseholdDraft[], today: string): HouseholdDraft[] {
  const chosen: HouseholdDraft[] = [];
  const eligible = (h: HouseholdDraft) => {
    const head = h.members.find((m) => m.relationship === '世帯主')!;
    const age = ageAt(head.birthDate, today);
    return !chosen.includes(h) && age >= 20 && age <= 85;
  };
  for (const [area, kind] of DEMO_ACCOUNT_PLAN) {
    const h =
      drafts.find((d) => d.town.area === area && d.kind === kind && eligible(d)) ??
      drafts.find((d) => d.town.area === area && eligible(d)) ??
      drafts.find(eligible);
    if (!h) throw new Error('not enough households for the demo accounts; increase options.residents');
    chosen.push(h);
  }
  return chosen;
}

/** Generates the synthetic registry. Same options → identical output. */
export function generateDemoRegistry(options: { seed?: number; residents?: number; today?: string } = {}): DemoRegistry {
  const seed = options.seed ?? DEFAULT_SEED;
  const target = Math.max(options.residents ?? DEFAULT_RESIDENTS, 60);
  const today = options.today ?? DEFAULT_TODAY;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(dayOf(today))) throw new RangeError(`today must be YYYY-MM-DD: ${today}`);

  const rng = createSeededRandom(seed);
  const builder = new RegistryBuilder(rng, today);

  const drafts: HouseholdDraft[] = [];
  let count = 0;
  while (count < target) {
    const h = builder.draftHousehold();
    for (const p of h.members) settleDates(p, today);
    drafts.push(h);
    count += h.members.length;
  }

  const demo = chooseDemoHouseholds(drafts, today);
  for (const [index, kanji] of DEMO_OLD_FORM_SURNAMES) {
    const h = demo[index]!;
    const entry = SURNAMES.find((s) => s.kanji === kanji)!;
    const old = h.members.find((m) => m.relationship === '世帯主')!.surname;
    for (const m of h.members) if (m.surname === old && m.relationship !== '同居人') m.surname = entry;
  }
  const ordered = [...demo, ...drafts.filter((d) => !demo.includes(d))];

  const households: DemoHousehold[] = [];
  const residents: DemoResident[] = [];
  const movements: DemoMovement[] = [];
  const usedCodes = new Set<string>();
  const idOf = new Map<PersonDraft, string>();
  const pad4 = (n: number) => String(n).padStart(4, '0');

  // r0001–r0012 are the heads of h0001–h0012; everyone else follows in household order.
  ordered.slice(0, DEMO_ACCOUNT_COUNT).forEach((h, i) => idOf.set(h.members.find((m) => m.relationship === '世帯主')!, `r${pad4(i + 1)}`));
  let next = DEMO_ACCOUNT_COUNT + 1;
  for (const h of ordered) for (const m of h.members) if (!idOf.has(m)) idOf.set(m, `r${pad4(next++)}`);

  ordered.forEach((h, i) => {
    const householdId = `h${pad4(i + 1)}`;
    const head = h.members.find((m) => m.relationship === '世帯主')!;
    households.push({
      id: householdId,
      householdNumber: `3215${String(i + 1).padStart(6, '0')}`,
      townCode: h.townCode,
      addressLine: h.addressLine,
      headResidentId: idOf.get(head)!,
    });
    for (const m of h.members) {
      const id = idOf.get(m)!;
      residents.push({
        id,
        residentCode: residentCode(rng, usedCodes),
        householdId,
        familyName: m.surname.kanji,
        givenName: m.givenName,
        familyNameKana: m.surname.kana,
        givenNameKana: m.givenNameKana,
        birthDate: m.birthDate,
        sex: m.sex,
        relationship: m.relationship,
        status: m.status,
      });
      movements.push(...movementsFor(rng, h, m, id, today, builder));
    }
  });

  residents.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const kindOrder: DemoMovement['kind'][] = ['出生', '転入', '転居', '世帯主変更', '転出', '死亡'];
  movements.sort(
    (a, b) =>
      a.effectiveDate.localeCompare(b.effectiveDate) ||
      (a.residentId < b.residentId ? -1 : a.residentId > b.residentId ? 1 : 0) ||
      kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind),
  );

  return { towns: builder.towns(), households, residents, movements };
}
