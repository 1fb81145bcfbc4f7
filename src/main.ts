/**
 * `npm start`: validate configuration, open the database (embedded unless
 * DATABASE_URL), apply migrations, load demo data into an empty database,
 * start the job worker and serve.
 */
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './platform/config/config.ts';
import { openDatabase } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { seedDemoStaff } from './platform/staff/demo-staff.ts';

const startedAt = performance.now();
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

let db;
try {
  db = await openDatabase(config);
} catch (error) {
  console.error(`Database error: cannot open ${config.databaseUrl ? 'DATABASE_URL' : `the embedded database in ${config.dataDir}`}: ${(error as Error).message}`);
  process.exit(1);
}
await migrate(db);
const { app, platform } = await buildApp({ config, db });
if (config.demoData) {
  await seedDemoStaff(db.kysely);
  for (const service of platform.services) await service.seedDemo?.(platform);
}
if (config.jobWorker) platform.jobs.start(1000, config.jobConcurrency);
await app.listen({ port: config.port, host: config.host });
app.log.info({ ms: Math.round(performance.now() - startedAt), database: db.kind, url: config.publicUrl }, 'oshu-dx ready');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await platform.jobs.stop();
    await db.close();
    process.exit(0);
  });
}
