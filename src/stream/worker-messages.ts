// The messages between the main thread and a worker thread: what a worker starts with, and what it answers.
import type { RuleSet } from '../types.js';
import type { ChunkProcessorOptions, ChunkResult } from './chunk-processor.js';

export interface WorkerInit {
  rules: RuleSet;
  options: ChunkProcessorOptions;
}

/** A worker's messages: that it is ready (its rules compiled), then one reply per chunk. */
export type WorkerReply = { ready: true } | { result: ChunkResult } | { error: string };
