// A worker thread of a parallel run: it processes chunks of NDJSON lines, one at a time, in the
// order they arrive, and posts each result back.
import { parentPort, workerData } from 'node:worker_threads';
import { createChunkProcessor, type ChunkTask } from './chunk-processor.js';
import type { WorkerInit, WorkerReply } from './worker-messages.js';

const init = workerData as WorkerInit;
const processor = createChunkProcessor(init.rules, init.options);
const port = parentPort!;
port.postMessage({ ready: true } satisfies WorkerReply);
let queue: Promise<void> = Promise.resolve();

port.on('message', (task: ChunkTask) => {
  queue = queue.then(async () => {
    let reply: WorkerReply;
    let moved: ArrayBuffer[] = [];
    try {
      const result = await processor.process(task);
      reply = { result };
      // The packed ids are the result's own buffers: moved, not copied.
      moved = [result.ids.codes.buffer as ArrayBuffer, result.ids.ends.buffer as ArrayBuffer];
    } catch (e) {
      reply = { error: (e as Error)?.stack ?? String(e) };
    }
    port.postMessage(reply, moved);
  });
});
