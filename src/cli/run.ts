// Runs the command line in-process and returns the exit code: the single top-level catch.
import { errorCount, formatDiagnostic } from '../diagnostics/diagnostic.js';
import { InputError, UsageError } from '../diagnostics/input-error.js';
import { terminalSafe } from '../report/plain-text.js';
import { EXIT, exitCodeForError } from './exit-codes.js';
import { discardTemporaries, installInterruptHandlers } from './output-file.js';
import type { Io } from './io.js';
import { buildProgram, commanderExit } from './program.js';

/** The files named by --output (as `--output FILE` or `--output=FILE`). */
function outputsIn(argv: readonly string[]): string[] {
  const out: string[] = [];
  argv.forEach((a, i) => {
    if (a === '--output' && argv[i + 1] !== undefined) out.push(argv[i + 1]!);
    else if (a.startsWith('--output=')) out.push(a.slice('--output='.length));
  });
  return out;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const code = await runCommand(argv, io);
  // A run that fails leaves nothing behind: no temporary file beside an output.
  if (code >= 2) discardTemporaries();
  return code;
}

async function runCommand(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  const debug = argv.includes('--debug');
  // A run that writes files removes their temporaries if it is interrupted, whenever that comes.
  if (outputsIn(argv).length > 0) installInterruptHandlers();
  const program = buildProgram(io, (c) => {
    code = c;
  });
  if (argv.filter((a) => a !== '--debug').length === 0) {
    // No command: the usage, on stderr (standard output is for results), and exit 2.
    program.outputHelp({ error: true });
    return EXIT.invalid;
  }
  try {
    await program.parseAsync(['node', 'sanctions-check', ...argv]);
    return code;
  } catch (e) {
    const fromCommander = commanderExit(e);
    if (fromCommander !== undefined) return fromCommander;
    if (e instanceof InputError) {
      for (const d of e.diagnostics) io.stderr.write(terminalSafe(formatDiagnostic(d)) + '\n');
      const errors = errorCount(e.diagnostics);
      io.stderr.write(`${errors} error(s); nothing was written\n`);
    } else if (e instanceof UsageError) {
      io.stderr.write(`error: ${terminalSafe(e.message)}\n`);
    } else {
      io.stderr.write(`internal error: ${terminalSafe((e as Error)?.message ?? String(e))}\n`);
      if (debug) io.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
      else io.stderr.write('(run again with --debug for details)\n');
    }
    return exitCodeForError(e);
  }
}
