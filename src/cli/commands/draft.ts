// `sanctions-check draft`: drafts records from an article for an analyst to review.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { Command } from 'commander';
import { DEFAULT_RULES_DIR } from '../../default-rules.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import { InputError, UsageError } from '../../diagnostics/input-error.js';
import { isRealDay, parseArticle } from '../../draft/article.js';
import { draftRecords } from '../../draft/draft-records.js';
import { misplacedQuotes, renderDrafts, validateDraftText } from '../../draft/write-drafts.js';
import { parseDesignationList } from '../../load/designation-list.js';
import { readTextFile } from '../../load/text-file.js';
import { formatDiagnostic } from '../../diagnostics/diagnostic.js';
import type { DesignationList } from '../../types.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import { refuseClashingOutputs, resolveOutput, writeOutputs } from '../output-file.js';
import { parseDay } from '../options.js';

interface DraftFlags {
  date?: string;
  output?: string;
}

function bundledList(): DesignationList | undefined {
  const file = join(DEFAULT_RULES_DIR, 'unsc-dprk', 'lists', 'un-1718.json');
  if (!existsSync(file)) return undefined;
  return parseDesignationList(readFileSync(file, 'utf8'), file).list;
}

export function draftCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('draft')
    .description('draft records (status: draft) from an article in plain text, for an analyst to review before `check`')
    .argument('<article>', 'plain text; optional header lines at the top: Title:, Outlet: (or Source:), Date: YYYY-MM-DD, URL:')
    .option('--date <day>', "the article's date, YYYY-MM-DD, when it has no Date: line (relative dates are resolved against it)", (v) =>
      parseDay(v, '--date'),
    )
    .option('--output <file>', 'write the records file to FILE (whole or not at all) instead of standard output')
    .addHelpText(
      'after',
      '\nEach draft quotes its sentence with offsets, sets the evidence level from the hedges around the claim,\nfinds parties on the 1718 list through the screening matcher (a name that only resembles one is a note,\nnever a party), drafts a place and the exemption facts only where the text states them, and lists in\nits `draft` note what it could not determine. See docs/drafting.md.',
    )
    .action(async (file: string, flags: DraftFlags) => {
      const target = flags.output === undefined ? undefined : resolveOutput(flags.output);
      if (target) refuseClashingOutputs([target], [file]);
      const read = readTextFile(file);
      if (read.diagnostics.length || read.text === undefined) throw new InputError(read.diagnostics);
      const article = parseArticle(read.text);
      const headerDate = article.meta.date;
      let day = flags.date;
      if (!day && headerDate) {
        if (!isRealDay(headerDate)) {
          const line = read.text.slice(0, read.text.indexOf(headerDate)).split('\n').length;
          const col = read.text.split('\n')[line - 1]!.indexOf(headerDate) + 1;
          throw new InputError([
            diagnostic('invalid-date', `the Date: line needs a real day written YYYY-MM-DD, not "${headerDate}"`, {
              file,
              line,
              column: col,
            }),
          ]);
        }
        day = headerDate;
      }
      if (!day) throw new UsageError(`${file} has no Date: line: give the article's date with --date YYYY-MM-DD`);
      const outDir = flags.output ? dirname(resolve(flags.output)) : process.cwd();
      const articleRef = relative(outDir, resolve(file)) || basename(file);
      const list = bundledList();
      const drafted = draftRecords(article, { day, ...(list ? { list } : {}), file: articleRef });
      if (drafted.records.length === 0) {
        io.stderr.write(`no draft records: ${file} names no activity the drafting rules recognise; nothing was written\n`);
        setExit(EXIT.ok);
        return;
      }
      const text = renderDrafts(drafted);
      const problems = validateDraftText(text, flags.output ?? '<drafts>');
      const bad = misplacedQuotes(drafted, read.text);
      if (problems.length || bad.length) {
        // A bug, not bad input: the drafter must write valid records with quotes at their offsets.
        throw new Error(
          `drafted records failed their own checks: ${[...problems.map(formatDiagnostic), ...bad.map((id) => `${id}: quote not at its offsets`)].join('; ')}`,
        );
      }
      if (target) await writeOutputs([{ target, content: text }]);
      else io.stdout.write(text);
      io.stderr.write(
        `${drafted.records.length} draft record(s)${flags.output ? ` written to ${flags.output}` : ''}: review each, then set status: reviewed\n`,
      );
      setExit(EXIT.ok);
    });
}
