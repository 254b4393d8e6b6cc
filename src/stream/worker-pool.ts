// Worker threads that process chunks of NDJSON lines in parallel. Each worker answers its chunks
// in the order it got them; the caller puts results from all workers back in input order.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChunkResult, ChunkTask } from './chunk-processor.js';
import type { WorkerInit, WorkerReply } from './worker-messages.js';

export type { WorkerInit, WorkerReply } from './worker-messages.js';

const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);

/** Whether worker threads can start: they run the built JavaScript (dist/), not the sources. */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_SCRIPT));
}

interface Slot {
  worker: Worker;
  /** Whether the worker has compiled its rules: chunks sent before wait behind its start-up. */
  ready: boolean;
  /** Chunks it has answered. */
  done: number;
  waiting: { resolve(r: ChunkResult): void; reject(e: Error): void }[];
}

export class WorkerPool {
  private readonly slots: Slot[];
  private failure: Error | undefined;

  constructor(size: number, init: WorkerInit) {
    if (!workersAvailable())
      throw new Error(`worker threads need the built package: ${fileURLToPath(WORKER_SCRIPT)} is missing (run npm run build)`);
    this.slots = Array.from({ length: size }, () => this.start(init));
  }

  private start(init: WorkerInit): Slot {
    // A young generation smaller than the default keeps each worker's memory down (its collections
    // are more frequent, and cheap: records die young).
    const worker = new Worker(WORKER_SCRIPT, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    const slot: Slot = { worker, ready: false, done: 0, waiting: [] };
    const fail = (e: Error): void => {
      this.failure ??= e;
      for (const w of slot.waiting.splice(0)) w.reject(e);
    };
    slot.worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        return;
      }
      const w = slot.waiting.shift();
      if (!w) return;
      slot.done++;
      if ('result' in reply) return w.resolve(reply.result);
      const e = new Error(`in a worker thread: ${reply.error}`);
      w.reject(e);
      fail(e);
    });
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (slot.waiting.length > 0) fail(new Error(`a worker thread stopped (exit code ${code})`));
    });
    return slot;
  }

  get size(): number {
    return this.slots.length;
  }

  /** Chunks waiting or running, over all workers. */
  get inFlight(): number {
    return this.slots.reduce((n, s) => n + s.waiting.length, 0);
  }

  /** Workers that have started and can take chunks without waiting. */
  get ready(): number {
    return this.slots.reduce((n, s) => n + (s.ready ? 1 : 0), 0);
  }

  /** Workers that have answered at least one chunk. */
  get used(): number {
    return this.slots.reduce((n, s) => n + (s.done > 0 ? 1 : 0), 0);
  }

  /** Why a worker failed, if one has. */
  get failed(): Error | undefined {
    return this.failure;
  }

  /**
   * Sends the chunk to the least busy worker (a ready one, when any is). The bytes are moved, not
   * copied, to the worker: they must be a buffer of their own (as lineChunks makes them).
   */
  run(task: ChunkTask): Promise<ChunkResult> {
    if (this.failure) return Promise.reject(this.failure);
    let slot = this.slots[0]!;
    for (const s of this.slots)
      if ((s.ready && !slot.ready) || (s.ready === slot.ready && s.waiting.length < slot.waiting.length)) slot = s;
    return new Promise<ChunkResult>((resolve, reject) => {
      slot.waiting.push({ resolve, reject });
      slot.worker.postMessage(task, [task.bytes.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
