/**
 * The moving one-stop (引越しワンストップ, "tell us once"): which other departments
 * must act when a resident files a move, decided from the answers of the move
 * notification and the register. Pure (no I/O), unit-tested in moving-rules.test.ts;
 * moving-one-stop.ts turns the result into `procedure_tasks` rows.
 *
 * The three move procedures of the catalogue and what they tell us:
 * - 転出届 `tenshutsu` (leaving Oshu): moveDate, applicantAddress (the old address),
 *   newAddress, scope (all / part of the household), movers (group), related (checkboxes);
 * - 転入届の来庁予約 `tennyu-reservation` (coming to Oshu): arrivalDate, previousAddress,
 *   newAddress, movers, joinHousehold (new / join), related;
 * - 転居届 `tenkyo` (within Oshu): moveDate, applicantAddress, newAddress, scope, movers
 *   (only when part of the household moves), newHeadType, related.
 *
 * `related` options read here: nhi, elderlyInsurance, careInsurance, childAllowance,
 * childMedical, school, nursery, dog (in the catalogue today) and lightVehicle
 * (軽自動車・原付), water (開栓・閉栓が必要), demandBus (デマンド交通の利用登録あり), which the
 * catalogue is asked to add; an option the definition does not offer is simply never
 * answered, so the rules work with either.
 *
 * Ages are full years on the move date (the birthday counts), because what matters
 * is the person's situation when they arrive or leave, not on the day they apply.
 */
import { addressSearchKey, normalizeOshuAddress } from '../../platform/text/address.ts';
import type { ResidentFacts } from '../registry/resident-facts.ts';

export const MOVE_PROCEDURES = { tenshutsu: 'out', 'tennyu-reservation': 'in', tenkyo: 'within' } as const satisfies Record<string, MoveDirection>;
export type MoveDirection = 'out' | 'in' | 'within';

export function isMoveProcedure(procedureId: string): procedureId is keyof typeof MOVE_PROCEDURES {
  return Object.hasOwn(MOVE_PROCEDURES, procedureId);
}

/** Every kind of follow-up task and the department that owns it. */
export const TASK_DEPARTMENTS = {
  'water-stop': 'water',
  'water-start': 'water',
  school: 'education',
  childcare: 'childcare',
  'health-insurance': 'insurance',
  'light-vehicle': 'tax',
  'care-insurance': 'welfare',
  dog: 'environment',
  'demand-bus': 'transport',
} as const;
export type TaskKind = keyof typeof TASK_DEPARTMENTS;
export const TASK_KINDS = Object.keys(TASK_DEPARTMENTS) as TaskKind[];

export function isTaskKind(value: unknown): value is TaskKind {
  return typeof value === 'string' && Object.hasOwn(TASK_DEPARTMENTS, value);
}

/** Why a rule fired (shown to the department as a sentence; see staff-messages.ts). */
export type TaskReason =
  | 'household-moves'
  | 'new-household'
  | 'answered'
  | 'school-age'
  | 'under-six'
  | 'over-75'
  | 'over-65'
  | 'maesawa-old-address'
  | 'maesawa-new-address';

export const SCHOOL_AGE = { from: 6, to: 15 } as const;
export const PRESCHOOL_BELOW = 6;
/** 介護保険の第1号被保険者. */
export const CARE_INSURANCE_FROM = 65;
/** 後期高齢者医療: everyone from 75 is insured there, whatever they answered. */
export const LATE_ELDERLY_FROM = 75;

export interface MovePerson {
  name: string;
  kana: string;
  birthDate: string | null;
  /** Full years on the move date (null without a birth date). */
  age: number | null;
}

export interface MoveFacts {
  direction: MoveDirection;
  moveDate: string;
  /** The address left (null when it is outside Oshu and unknown). */
  oldAddress: string | null;
  newAddress: string | null;
  people: MovePerson[];
  related: string[];
  /** Whole household (転出・転居 scope "all"). */
  wholeHousehold: boolean;
  /** The movers set up a household of their own at the new address (転入 "new", 転居 "newHousehold"). */
  newHousehold: boolean;
  /** A daytime phone number the department can call (from the answers). */
  phone: string | null;
}

export interface TaskSpec {
  kind: TaskKind;
  department: (typeof TASK_DEPARTMENTS)[TaskKind];
  reasons: TaskReason[];
  /** The people the task is about (e.g. the school-age children); empty when it is the household as a whole. */
  people: MovePerson[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Full years from `birthDate` to `on` (both YYYY-MM-DD): the age on that day, the birthday counted. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const isoOrNull = (value: unknown): string | null => (typeof value === 'string' && ISO_DATE.test(value) ? value : null);

function person(name: string, kana: string, birthDate: string | null, moveDate: string): MovePerson {
  return { name, kana, birthDate, age: birthDate && birthDate <= moveDate ? ageOn(birthDate, moveDate) : birthDate ? 0 : null };
}

/** The people moving: the answered group, else (転居 of the whole household) the register's household, else the applicant. */
function peopleOf(answers: Record<string, unknown>, registry: ResidentFacts | null, direction: MoveDirection, moveDate: string): MovePerson[] {
  const movers = Array.isArray(answers.movers) ? answers.movers : [];
  const answered = movers
    .filter((m): m is Record<string, unknown> => m !== null && typeof m === 'object')
    .map((m) => person(text(m.name), text(m.nameKana), isoOrNull(m.birthDate), moveDate))
    .filter((p) => p.name || p.birthDate);
  if (answered.length) return answered;
  if (direction !== 'in' && registry && registry.household.members.length) {
    return registry.household.members.map((m) => person(m.name, m.nameKana, isoOrNull(m.birthDate), moveDate));
  }
  const name = text(answers.applicantName) || registry?.resident.name || '';
  const birth = isoOrNull(answers.applicantBirthDate) ?? isoOrNull(registry?.resident.birthDate);
  return name || birth ? [person(name, text(answers.applicantKana) || registry?.resident.nameKana || '', birth, moveDate)] : [];
}

/**
 * What a move notification tells us, or null when the procedure is not a move.
 * `today` stands in for a missing move date (the date is required by every move form,
 * so this only matters for an answer set from an older definition).
 */
export function moveFacts(procedureId: string, answers: Record<string, unknown>, registry: ResidentFacts | null, today: string): MoveFacts | null {
  if (!isMoveProcedure(procedureId)) return null;
  const direction = MOVE_PROCEDURES[procedureId];
  const moveDate = isoOrNull(direction === 'in' ? answers.arrivalDate : answers.moveDate) ?? today;
  const oldAddress = direction === 'in' ? text(answers.previousAddress) || null : text(answers.applicantAddress) || registry?.resident.address || null;
  const related = Array.isArray(answers.related) ? answers.related.filter((v): v is string => typeof v === 'string') : [];
  return {
    direction,
    moveDate,
    oldAddress,
    newAddress: text(answers.newAddress) || null,
    people: peopleOf(answers, registry, direction, moveDate),
    related,
    wholeHousehold: direction !== 'in' && answers.scope === 'all',
    newHousehold: (direction === 'in' && answers.joinHousehold === 'new') || (direction === 'within' && answers.newHeadType === 'newHousehold'),
    phone: text(answers.applicantPhone) || null,
  };
}

/** An address in 前沢 (Oshu's Maesawa area, where the on-demand bus runs), written with or without 岩手県・奥州市・区. */
export function isMaesawaAddress(address: string | null): boolean {
  if (!address) return false;
  const canonical = normalizeOshuAddress(address);
  const inOshu = canonical.startsWith('奥州市') || /^(水沢|江刺|前沢|胆沢|衣川)/u.test(canonical);
  return inOshu && addressSearchKey(address).startsWith('前沢');
}

const between = (p: MovePerson, from: number, to: number) => p.age !== null && p.age >= from && p.age <= to;

/**
 * The follow-up tasks a move creates, at most one per kind, in a stable order.
 * A rule errs on the side of creating the task: a department closes an unneeded one
 * as "not needed" in a minute, while a missed one means the resident is not told.
 */
export function movingTasks(facts: MoveFacts): TaskSpec[] {
  const tasks: TaskSpec[] = [];
  const add = (kind: TaskKind, reasons: TaskReason[], people: MovePerson[] = []) => {
    if (reasons.length) tasks.push({ kind, department: TASK_DEPARTMENTS[kind], reasons, people });
  };
  const answered = (option: string) => facts.related.includes(option);
  const { direction } = facts;

  // Water: the old supply is closed when nobody stays behind; a new one is opened when the movers start a household in Oshu.
  const leavesOld = direction !== 'in';
  const opensNew = direction !== 'out';
  const stopReasons: TaskReason[] = [];
  if (leavesOld && facts.wholeHousehold) stopReasons.push('household-moves');
  if (leavesOld && answered('water')) stopReasons.push('answered');
  add('water-stop', stopReasons);
  const startReasons: TaskReason[] = [];
  if (opensNew && facts.wholeHousehold) startReasons.push('household-moves');
  if (opensNew && facts.newHousehold) startReasons.push('new-household');
  if (opensNew && answered('water')) startReasons.push('answered');
  add('water-start', startReasons);

  const schoolAge = facts.people.filter((p) => between(p, SCHOOL_AGE.from, SCHOOL_AGE.to));
  add('school', [...(schoolAge.length ? (['school-age'] as const) : []), ...(answered('school') ? (['answered'] as const) : [])], schoolAge);

  const young = facts.people.filter((p) => p.age !== null && p.age < PRESCHOOL_BELOW);
  const childcareAnswered = ['nursery', 'childAllowance', 'childMedical'].some(answered);
  add('childcare', [...(young.length ? (['under-six'] as const) : []), ...(childcareAnswered ? (['answered'] as const) : [])], young);

  const lateElderly = facts.people.filter((p) => p.age !== null && p.age >= LATE_ELDERLY_FROM);
  const insuranceAnswered = answered('nhi') || answered('elderlyInsurance');
  add('health-insurance', [...(insuranceAnswered ? (['answered'] as const) : []), ...(lateElderly.length ? (['over-75'] as const) : [])], lateElderly);

  add('light-vehicle', answered('lightVehicle') ? ['answered'] : []);

  const elderly = facts.people.filter((p) => p.age !== null && p.age >= CARE_INSURANCE_FROM);
  add('care-insurance', [...(elderly.length ? (['over-65'] as const) : []), ...(answered('careInsurance') ? (['answered'] as const) : [])], elderly);

  add('dog', answered('dog') ? ['answered'] : []);

  // The on-demand bus register belongs to the transit service, which this one must not read:
  // transport checks its own register for everyone leaving a Maesawa address (and for anyone
  // who says they are registered), and closes the task as not needed when they are not riders.
  const busReasons: TaskReason[] = [];
  if (leavesOld && isMaesawaAddress(facts.oldAddress)) busReasons.push('maesawa-old-address');
  if (opensNew && answered('demandBus') && isMaesawaAddress(facts.newAddress)) busReasons.push('maesawa-new-address');
  if (busReasons.length && answered('demandBus')) busReasons.push('answered');
  add('demand-bus', busReasons);

  return tasks;
}
