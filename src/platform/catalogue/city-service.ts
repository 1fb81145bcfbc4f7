/**
 * A city service plugs into the platform by describing itself here: its
 * routes, its entry on the resident home page, its section of "my page",
 * its staff menu items, its messages and jobs. The app registers every
 * service listed in src/services/index.ts; nothing else needs editing.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ComponentChildren } from 'preact';
import type { ResidentActor, StaffActor } from '../access/actor.ts';
import type { PlatformTables } from '../db/platform-tables.ts';
import type { Messages } from '../i18n/i18n.ts';
import type { JobHandler } from '../jobs/job-queue.ts';
import type { Platform } from '../platform.ts';
import type { ViewContext } from '../ui/view-context.ts';

export interface MyPageSection {
  titleKey: string;
  body: ComponentChildren;
}

/** Facts from the identity provider used to match a login to a registered resident. */
export interface IdentityClaims {
  name: string;
  nameKana: string | null;
  birthdate: string | null;
  gender: string | null;
  address: string | null;
}

/** A person the embedded demo identity provider can log in as (the national service's four basic facts). */
export interface DemoIdentity {
  sub: string;
  name: string;
  nameKana: string;
  birthdate: string;
  gender: 'male' | 'female';
  address: string;
}

/** A link on the resident home page. */
export interface ResidentEntry {
  href: string;
  titleKey: string;
  descriptionKey: string;
  category: string;
}

export interface CityService {
  id: string;
  /** Message key of the service's name. */
  titleKey: string;
  messages?: Messages;
  /** Shown on the resident home page when present. */
  residentEntry?: ResidentEntry;
  /** Further entries on the resident home page, after residentEntry (a service with more than one front door). */
  residentEntries?: ResidentEntry[];
  /** A block at the foot of every resident page (works without JavaScript; scripts only enhance it). */
  residentWidget?: { render: (ctx: ViewContext) => ComponentChildren; scripts?: string[] };
  staffMenu?: { href: string; titleKey: string; descriptionKey: string; allowed: (staff: StaffActor) => boolean }[];
  myPage?: (ctx: { db: Kysely<PlatformTables>; resident: ResidentActor; view: ViewContext }) => Promise<MyPageSection | null>;
  /** Matches a resident login to a registry record (only the registry service provides this). */
  matchResident?: (db: Kysely<PlatformTables>, claims: IdentityClaims) => Promise<string | null>;
  /** People the embedded demo identity provider offers (demo only; the registry provides them). */
  demoIdentities?: () => DemoIdentity[];
  /** Background job handlers by queue name (built once the platform exists). */
  jobs?: (platform: Platform) => Record<string, JobHandler>;
  /** Loads demo data into an empty database when DEMO_DATA is on. */
  seedDemo?: (platform: Platform) => Promise<void>;
  routes: (app: FastifyInstance, platform: Platform) => Promise<void>;
}

export function defineService(service: CityService): CityService {
  return service;
}
