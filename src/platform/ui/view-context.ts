/** What every page needs to render: the language, the user, the CSRF token, where we are. */
import type { ComponentChildren } from 'preact';
import type { Locale, Translate } from '../i18n/i18n.ts';
import type { ResidentActor, StaffActor } from '../access/actor.ts';

export interface ViewContext {
  locale: Locale;
  t: Translate;
  csrfToken: string;
  path: string;
  requestId: string;
  staff: StaffActor | null;
  resident: ResidentActor | null;
  /** Shown at the top of every page (e.g. a notice after an action). */
  flash: { kind: 'success' | 'info' | 'warning' | 'error'; text: string } | null;
  demoIdentity: boolean;
  /** Blocks services show at the foot of every resident page (e.g. the chat form), and their scripts. */
  residentWidgets: ((ctx: ViewContext) => ComponentChildren)[];
  residentScripts: string[];
}
