// The corpus of broken inputs under tests/fixtures/broken: which command each case runs, and
// where its expected diagnostics are kept.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const BROKEN = 'tests/fixtures/broken';
export const EXPECTED = `${BROKEN}/expected`;
/** A valid rule set, so that what fails when a broken record file is checked is the records. */
export const SUPPORT_RULES = `${BROKEN}/support/rules.yaml`;

export interface CorpusCase {
  /** The input, relative to the repository root (as messages show it). */
  input: string;
  args: string[];
  /** The file holding the exact standard error expected. */
  expected: string;
  /**
   * Exit 2 (invalid input), or a run that goes on (0 or 1: warnings, skipped records). A file of
   * skip-invalid/ whose name ends in -fails holds a problem no record can be skipped for.
   */
  fails: boolean;
}

function entries(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** Every case: each file of records/ and rules/ (and each folder of rules/) is one. */
export function corpusCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const add = (input: string, args: string[], fails: boolean) => {
    const rel = path.posix.relative(BROKEN, input);
    cases.push({ input, args, expected: `${EXPECTED}/${rel}.txt`, fails });
  };
  for (const name of entries(`${BROKEN}/records`)) {
    const input = `${BROKEN}/records/${name}`;
    if (statSync(input).isDirectory()) continue;
    add(input, ['check', input, '--rules', SUPPORT_RULES], true);
  }
  for (const name of entries(`${BROKEN}/records/skip-invalid`)) {
    const input = `${BROKEN}/records/skip-invalid/${name}`;
    add(input, ['check', input, '--rules', SUPPORT_RULES, '--skip-invalid'], /-fails\.[a-z]+$/.test(name));
  }
  for (const name of entries(`${BROKEN}/rules`)) {
    if (name === 'warnings') continue;
    const input = `${BROKEN}/rules/${name}`;
    add(input, ['rules', 'validate', input], true);
  }
  for (const name of entries(`${BROKEN}/rules/warnings`)) {
    const input = `${BROKEN}/rules/warnings/${name}`;
    add(input, ['rules', 'validate', input], false);
  }
  return cases;
}

/** Every expected-output file, relative to the repository root. */
export function expectedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of entries(dir)) {
      const full = `${dir}/${name}`;
      if (statSync(full).isDirectory()) walk(full);
      else out.push(full);
    }
  };
  walk(EXPECTED);
  return out;
}
