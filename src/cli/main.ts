#!/usr/bin/env node
// The sanctions-check executable.
import { discardTemporaries, writeProblem } from './output-file.js';
import { EXIT } from './exit-codes.js';
import { processIo } from './io.js';
import { run } from './run.js';

// A reader that stops early (`| head`) closes the pipe: that ends the run quietly, not with a trace.
// Any other failure to write ends it with one line and exit 2, leaving no temporary file behind.
for (const [name, stream] of [
  ['standard output', process.stdout],
  ['standard error', process.stderr],
] as const) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    discardTemporaries();
    if (stream !== process.stderr) process.stderr.write(`error: cannot write to ${name}: ${writeProblem(e)}\n`);
    process.exit(EXIT.invalid);
  });
}

run(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 3;
  },
);
