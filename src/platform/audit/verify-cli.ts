/** `npm run audit:verify`: checks the audit chain of the configured database. */
import { loadConfig } from '../config/config.ts';
import { openDatabase } from '../db/database.ts';
import { verifyAuditChain } from './verify.ts';

const config = loadConfig();
const db = await openDatabase(config);
try {
  const result = await verifyAuditChain(db.kysely);
  if (result.ok) {
    console.log(`audit log OK: ${result.entries} entries, chain head ${result.lastHash.slice(0, 16)}…`);
  } else {
    console.error(`audit log BROKEN at entry ${result.brokenAt} (${result.problem}); ${result.entries} entries before it are intact`);
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
