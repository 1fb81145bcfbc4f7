/**
 * The nearest free alternatives to a slot someone else just took: the same room at
 * another time that day, the same time on nearby days, then similar rooms (enough
 * capacity, the purpose allowed) at the same time — in the same facility first, then
 * the same area, then elsewhere. Offered with one click on the "just taken" page.
 */
import { addDays, japanClock } from '../../platform/time/today.ts';
import { loadFacilities, type FacilityInfo, type RoomInfo } from './catalogue.ts';
import { closedReason, slotsOn, type Slot } from './calendar.ts';
import { horizonOf } from './booking-rules.ts';
import { occupationsBetween, overlapping, type Occupation } from './booked-times.ts';
import type { FacilitiesDb } from './tables.ts';

export interface Alternative {
  roomId: string;
  roomName: string;
  facilityName: string;
  area: string;
  date: string;
  blockCodes: string[];
  startsAt: number;
  endsAt: number;
  /** Slot names joined, e.g. 「午前・午後」 or 「10:00〜11:00・11:00〜12:00」. */
  slotLabel: string;
  why: 'same_room_same_day' | 'same_room_other_day' | 'similar_room';
}

const MAX_ALTERNATIVES = 6;
const DAYS_AROUND = 14;

interface Wanted {
  roomId: string;
  date: string;
  blockCodes: string[];
  headcount: number;
  purpose: string;
}

/** Free runs of `length` consecutive slots on a date, in time order. */
function freeRuns(facility: FacilityInfo, room: RoomInfo, date: string, length: number, occupations: Occupation[], nowDate: string, nowMinutes: number): Slot[][] {
  if (closedReason(facility, date)) return [];
  const slots = slotsOn(facility, room, date);
  const runs: Slot[][] = [];
  for (let i = 0; i + length <= slots.length; i++) {
    const run = slots.slice(i, i + length);
    if (date === nowDate && run[0]!.startsAt <= nowMinutes) continue;
    if (run.every((s) => !overlapping(occupations, room.id, date, s.startsAt, s.endsAt))) runs.push(run);
  }
  return runs;
}

function asAlternative(facility: FacilityInfo, room: RoomInfo, date: string, run: Slot[], why: Alternative['why']): Alternative {
  return { roomId: room.id, roomName: room.name, facilityName: facility.name, area: facility.area, date, blockCodes: run.map((s) => s.code), startsAt: run[0]!.startsAt, endsAt: run.at(-1)!.endsAt, slotLabel: run.map((s) => s.nameJa).join('・'), why };
}

export async function nearestAlternatives(db: FacilitiesDb, wanted: Wanted, now: Date): Promise<Alternative[]> {
  const facilities = await loadFacilities(db);
  const home = facilities.find((f) => f.rooms.some((r) => r.id === wanted.roomId));
  const room = home?.rooms.find((r) => r.id === wanted.roomId);
  if (!home || !room) return [];
  const { date: today, seconds } = japanClock(now);
  const nowMinutes = Math.floor(seconds / 60);
  const wantedSlots = slotsOn(home, room, wanted.date).filter((s) => wanted.blockCodes.includes(s.code));
  const length = Math.max(1, wantedSlots.length);
  const similar = facilities.flatMap((f) => f.rooms.filter((r) => r.id !== room.id && r.kind === room.kind && r.capacity >= wanted.headcount && r.purposes.includes(wanted.purpose)).map((r) => ({ facility: f, room: r })));
  const from = wanted.date < today ? today : addDays(wanted.date, -DAYS_AROUND) < today ? today : addDays(wanted.date, -DAYS_AROUND);
  const occupations = await occupationsBetween(db, [room.id, ...similar.map((s) => s.room.id)], from, addDays(wanted.date, DAYS_AROUND));
  const out: Alternative[] = [];
  const push = (a: Alternative) => {
    if (out.length < MAX_ALTERNATIVES && !out.some((o) => o.roomId === a.roomId && o.date === a.date && o.startsAt === a.startsAt)) out.push(a);
  };
  const within = (f: FacilityInfo, date: string) => date >= today && date <= horizonOf(f, today);

  // 1. The same room, another time the same day (closest start first).
  const wantedStart = wantedSlots[0]?.startsAt ?? 0;
  const sameDay = freeRuns(home, room, wanted.date, length, occupations, today, nowMinutes).sort((a, b) => Math.abs(a[0]!.startsAt - wantedStart) - Math.abs(b[0]!.startsAt - wantedStart));
  for (const run of sameDay.slice(0, 2)) push(asAlternative(home, room, wanted.date, run, 'same_room_same_day'));

  // 2. Similar rooms at the same time: same facility, then same area, then the rest.
  const rank = (f: FacilityInfo) => (f.id === home.id ? 0 : f.area === home.area ? 1 : 2);
  for (const s of [...similar].sort((a, b) => rank(a.facility) - rank(b.facility))) {
    if (out.length >= 4 || !within(s.facility, wanted.date)) continue;
    const match = freeRuns(s.facility, s.room, wanted.date, length, occupations, today, nowMinutes).find((run) => run[0]!.startsAt === wantedStart);
    if (match) push(asAlternative(s.facility, s.room, wanted.date, match, 'similar_room'));
  }

  // 3. The same room and time on the nearest other days.
  for (let d = 1; d <= DAYS_AROUND && out.length < MAX_ALTERNATIVES; d++) {
    for (const date of [addDays(wanted.date, d), addDays(wanted.date, -d)]) {
      if (!within(home, date)) continue;
      const match = freeRuns(home, room, date, length, occupations, today, nowMinutes).find((run) => run[0]!.startsAt === wantedStart);
      if (match) push(asAlternative(home, room, date, match, 'same_room_other_day'));
    }
  }
  return out;
}
