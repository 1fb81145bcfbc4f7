// Runs the static DARP solver off the main thread, so the night re-optimisation (tens
// of seconds of pure computation) never stalls the web server it shares a process with.
// Plain JavaScript: a worker thread does not inherit the parent's TypeScript loader,
// so it registers tsx itself before loading the engine.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { solve } = await tsImport('../../engines/darp/index.ts', import.meta.url);
parentPort.postMessage(solve(workerData.problem, workerData.options));
