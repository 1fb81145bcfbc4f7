/** `solve` in a worker thread (see solve-worker.mjs). */
import { Worker } from 'node:worker_threads';
import type { Problem, SolveOptions, SolveResult } from '../../engines/darp/index.ts';

export function solveOffThread(problem: Problem, options: SolveOptions): Promise<SolveResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./solve-worker.mjs', import.meta.url), { workerData: { problem, options } });
    worker.once('message', (result: SolveResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`solver worker stopped with code ${code}`));
    });
  });
}
