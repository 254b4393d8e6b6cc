// `sanctions-check lists import`: the UN consolidated list (XML) and the 1718 vessel list into the bundled list format.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { UsageError } from '../../diagnostics/input-error.js';
import { importUnList } from '../../screen/un-list-import.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import { refuseClashingOutputs, resolveOutput, writeOutputs } from '../output-file.js';
import { parseDay } from '../options.js';

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export function listsCommand(io: Io, setExit: (code: number) => void): Command {
  const lists = new Command('lists').description('designation lists: import the UN lists as data the rules use');
  lists
    .command('import')
    .description('read the UN Security Council Consolidated List (XML) and the 1718 Designated Vessels List into the bundled list format')
    .argument('<consolidated.xml>', 'the consolidated list in the UN XML format')
    .option('--vessels <file>', '1718 Designated Vessels List as CSV (imo_number, all_names, date_of_designation, ...) or JSON')
    .option('--vessels-date <date>', 'the vessel list date (default: a YYYY-MM-DD in its file name)')
    .option('--source <text>', 'provenance to record in the list (default: the file names and dates)')
    .option('--output <file>', 'write the list here (default: standard output), e.g. rules/unsc-dprk/lists/un-1718.json')
    .action(async (xmlFile: string, flags: { vessels?: string; vesselsDate?: string; source?: string; output?: string }) => {
      const target = flags.output === undefined ? undefined : resolveOutput(flags.output);
      if (target) refuseClashingOutputs([target], [xmlFile, ...(flags.vessels ? [flags.vessels] : [])]);
      const vesselsDate = flags.vesselsDate ? parseDay(flags.vesselsDate, '--vessels-date') : undefined;
      const { list, skippedVessels } = importUnList({
        xml: read(xmlFile),
        xmlFile,
        ...(flags.vessels
          ? { vessels: { content: read(flags.vessels), file: flags.vessels, ...(vesselsDate ? { date: vesselsDate } : {}) } }
          : {}),
        ...(flags.source ? { source: flags.source } : {}),
      });
      const json = JSON.stringify(list, null, 2) + '\n';
      if (target) await writeOutputs([{ target, content: json }]);
      else io.stdout.write(json);
      const people = list.entries.filter((e) => e.type === 'individual').length;
      io.stderr.write(
        `${list.title} of ${list.date}${list.vesselsDate ? ` (vessels of ${list.vesselsDate})` : ''}: ${list.entries.length} entries ` +
          `(${people} individuals, ${list.entries.length - people} entities), ${list.vessels.length} vessels` +
          (skippedVessels.length
            ? `; left out ${skippedVessels.length} vessel(s) without an IMO number: ${skippedVessels.join(', ')}`
            : '') +
          (flags.output ? `; written to ${flags.output}` : '') +
          '\n',
      );
      setExit(EXIT.ok);
    });
  return lists;
}
