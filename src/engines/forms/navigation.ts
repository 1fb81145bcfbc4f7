// Moving through the pages: only visible pages are visited, so a page whose
// condition fails (after an earlier answer changed) is skipped both ways.

import { visiblePages } from './conditions.ts';
import type { Answers, ProcedureDefinition } from './types.ts';

export function firstPageId(def: ProcedureDefinition, answers: Answers): string {
  // parseDefinition refuses a condition on the first page (nothing comes before
  // it to look at), so the first page always shows.
  const first = visiblePages(def, answers)[0] ?? def.pages[0];
  if (!first) throw new Error(`definition ${def.id} has no pages`);
  return first.id;
}

/**
 * The page after currentPageId, or null when the next stop is the
 * check-your-answers page. A current page that is now hidden continues from its
 * position in the definition.
 */
export function nextPageId(def: ProcedureDefinition, answers: Answers, currentPageId: string): string | null {
  const visible = new Set(visiblePages(def, answers).map((p) => p.id));
  const at = def.pages.findIndex((p) => p.id === currentPageId);
  if (at < 0) throw new RangeError(`no page ${currentPageId} in ${def.id}`);
  for (let i = at + 1; i < def.pages.length; i++) {
    const page = def.pages[i];
    if (page && visible.has(page.id)) return page.id;
  }
  return null;
}

/** The visible page before currentPageId, or null on the first one (back goes to the procedure's start page). */
export function previousPageId(def: ProcedureDefinition, answers: Answers, currentPageId: string): string | null {
  const visible = new Set(visiblePages(def, answers).map((p) => p.id));
  const at = def.pages.findIndex((p) => p.id === currentPageId);
  if (at < 0) throw new RangeError(`no page ${currentPageId} in ${def.id}`);
  for (let i = at - 1; i >= 0; i--) {
    const page = def.pages[i];
    if (page && visible.has(page.id)) return page.id;
  }
  return null;
}
