/**
 * Runs the static DARP solver off the main thread, so the night re-optimisation (tens
 * of seconds of pure computation) never stalls the web server it shares a process with.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { solve, type Problem, type SolveOptions } from '../../engines/darp/index.ts';

const { problem, options } = workerData as { problem: Problem; options: SolveOptions };
parentPort!.postMessage(solve(problem, options));
