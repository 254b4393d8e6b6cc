// The command-line program: commander wiring, with output streams passed in.
import { Command, CommanderError } from 'commander';
import { UsageError } from '../diagnostics/input-error.js';
import { TOOL } from '../version.js';
import { checkCommand } from './commands/check.js';
import { draftCommand } from './commands/draft.js';
import { explainCommand } from './commands/explain.js';
import { rulesCommand } from './commands/rules.js';
import { verifyCommand } from './commands/verify.js';
import { screenCommand } from './commands/screen.js';
import { listsCommand } from './commands/lists.js';
import type { Io } from './io.js';

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command(TOOL.name)
    .description('Check records of activity against UN Security Council DPRK sanctions, written as YAML rules.')
    .version(TOOL.version)
    .option('--debug', 'print stack traces of internal errors')
    .showHelpAfterError('(run with --help for usage)');
  program.addCommand(checkCommand(io, setExit));
  program.addCommand(rulesCommand(io, setExit));
  program.addCommand(explainCommand(io, setExit));
  program.addCommand(verifyCommand(io, setExit));
  program.addCommand(screenCommand(io, setExit));
  program.addCommand(listsCommand(io, setExit));
  program.addCommand(draftCommand(io, setExit));
  const configure = (cmd: Command): void => {
    cmd.exitOverride();
    cmd.configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
    cmd.commands.forEach(configure);
  };
  configure(program);
  return program;
}

/** Commander's own errors: help and version are successes, the rest are usage errors. */
export function commanderExit(e: unknown): number | undefined {
  if (!(e instanceof CommanderError)) return undefined;
  if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code)) return 0;
  if (e.code === 'commander.executeSubCommandAsync') return undefined;
  return 2;
}

export { UsageError };
