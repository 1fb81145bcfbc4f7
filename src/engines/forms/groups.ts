// Adding and removing group items (family members …) with plain buttons, for
// pages without JavaScript: the page posts, the service changes the saved
// answers with these and shows the page again. Both return new objects.

import type { Answers, GroupItem } from './types.ts';

function itemsOf(answers: Answers, groupId: string): GroupItem[] {
  const items = answers[groupId];
  return Array.isArray(items) ? (items as GroupItem[]) : [];
}

/** One more, empty item at the end (an empty item left unfilled is dropped when the page is read). */
export function addGroupItem(answers: Answers, groupId: string): Answers {
  return { ...answers, [groupId]: [...itemsOf(answers, groupId), {}] };
}

/** Without the item at `index` (later items move up); an index out of range changes nothing. */
export function removeGroupItem(answers: Answers, groupId: string, index: number): Answers {
  const items = itemsOf(answers, groupId);
  if (!Number.isInteger(index) || index < 0 || index >= items.length) return answers;
  const rest = items.filter((_, i) => i !== index);
  const out: Answers = { ...answers, [groupId]: rest };
  if (rest.length === 0) delete out[groupId];
  return out;
}
