// Schedules chunks of NDJSON lines on this thread and on worker threads, and hands their results on in the order they were queued.
import type { RuleSet } from '../types.js';
import {
  createChunkProcessor,
  type ChunkProcessor,
  type ChunkProcessorOptions,
  type ChunkResult,
  type ChunkTask,
} from './chunk-processor.js';
import { NO_IDS } from '../load/packed-ids.js';
import { WorkerPool } from './worker-pool.js';

/** Chunks waiting or in work per worker thread: enough to keep each busy, few enough to bound memory. */
const CHUNKS_PER_WORKER = 8;
/** Chunks queued at each worker before this thread takes one itself. */
const QUEUED_PER_WORKER = 3;

export class ChunkScheduler {
  private pending: Promise<ChunkResult>[] = [];
  private maxPending = 0;
  private pool: WorkerPool | undefined;
  private local: ChunkProcessor | undefined;
  /** Chunks this thread has taken on and not finished; they run one after another. */
  private localQueued = 0;
  private localTail: Promise<unknown> = Promise.resolve();

  /** `onResult` receives every result, one at a time, in the order the chunks were queued. */
  constructor(
    private readonly rules: RuleSet,
    private readonly options: Pick<ChunkProcessorOptions, 'engine' | 'keepRecords' | 'refuseDrafts' | 'screening' | 'activities'>,
    private readonly onResult: (r: ChunkResult) => Promise<void>,
  ) {}

  get hasPool(): boolean {
    return this.pool !== undefined;
  }

  /** Threads to start once this many chunks have been read (input of unknown size): never more threads than chunks. */
  private deferredThreads = 0;
  private chunksRead = 0;

  startPoolAfterChunks(threads: number): void {
    this.deferredThreads = threads;
  }

  /** Counts a chunk read; starts the deferred threads once there are as many chunks as threads. */
  chunkRead(): void {
    if (this.deferredThreads > 1 && !this.pool && ++this.chunksRead >= this.deferredThreads) this.startPool(this.deferredThreads);
  }

  /** Work on `threads` threads: this one and threads - 1 worker threads. */
  startPool(threads: number): void {
    if (this.pool || threads < 2) return;
    this.pool = new WorkerPool(threads - 1, { rules: this.rules, options: { ...this.options, deferEngine: true } });
    this.maxPending = threads * CHUNKS_PER_WORKER;
  }

  /** Stops the worker threads; returns the threads that took part (small inputs can be done before a worker has started). */
  async close(): Promise<number> {
    const threads = 1 + (this.pool?.used ?? 0);
    await this.pool?.close();
    return threads;
  }

  /** This thread's processor, made on first use. */
  processor(): ChunkProcessor {
    return (this.local ??= createChunkProcessor(this.rules, this.options));
  }

  /** Runs a job on this thread's engines after the ones before it: json-rules-engine runs must not overlap. */
  serially<T>(job: () => Promise<T>): Promise<T> {
    const p = this.localTail.then(job);
    this.localTail = p.catch(() => undefined);
    return p;
  }

  private runLocally(task: ChunkTask): Promise<ChunkResult> {
    const local = this.processor();
    this.localQueued++;
    return this.serially(() => local.process(task)).finally(() => this.localQueued--);
  }

  /** Queues a chunk; its result is handed on after every chunk queued before it. */
  async submit(task: ChunkTask): Promise<void> {
    // With worker threads, this thread takes a chunk too when it has none and they are all busy,
    // and every chunk while none has started.
    const pool = this.pool;
    if (pool?.failed) throw pool.failed;
    const toPool = pool !== undefined && pool.ready > 0 && (this.localQueued > 0 || pool.inFlight < pool.ready * QUEUED_PER_WORKER);
    const p = toPool ? pool.run(task) : this.runLocally(task);
    p.catch(() => undefined); // handled, in order, by next()
    this.pending.push(p);
    while (this.pending.length > this.maxPending) await this.next();
  }

  /** Queues an already known result (a problem found while reading, or the end of a file). */
  async submitResult(r: Partial<ChunkResult> & { file: string }): Promise<void> {
    this.pending.push(Promise.resolve({ ids: NO_IDS, lines: [], invalid: [], findings: [], bytes: 0, ...r }));
    while (this.pending.length > this.maxPending) await this.next();
  }

  async drain(): Promise<void> {
    while (this.pending.length > 0) await this.next();
  }

  private async next(): Promise<void> {
    const r = await this.pending.shift()!;
    // A worker sends the records that meet rules; json-rules-engine makes their findings here.
    if (r.matches) {
      const local = this.processor();
      await this.serially(() => local.complete(r));
    }
    await this.onResult(r);
  }
}
