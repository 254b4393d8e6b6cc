// Runs every broken input through the command line, in-process, and compares what it prints on
// standard error with the expected file, line for line. UPDATE_GOLDEN=1 writes the expected files
// instead (then read each one: the message must be right and point at the right place).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { corpusCases, expectedFiles } from './corpus.js';
import { prototypeSnapshot } from './prototype.js';
import { budget } from '../helpers/time-budget.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const before = prototypeSnapshot();

/** A diagnostic line: file:line:column: [warning ]code: message. */
const DIAGNOSTIC = /^[^\s:][^:]*:[1-9]\d*:[1-9]\d*: (warning )?[a-z0-9]+(-[a-z0-9]+)*: \S.*$/;
/** The lines that close a run's diagnostics. */
const SUMMARY = /^(\d+ error\(s\); nothing was written|\d+ invalid record\(s\) skipped)$/;

describe('the corpus of broken inputs', () => {
  const cases = corpusCases();

  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  for (const c of cases) {
    it(`${c.input}`, async () => {
      const started = performance.now();
      const r = await runCli(c.args);
      const elapsed = performance.now() - started;
      if (UPDATE) {
        mkdirSync(path.dirname(c.expected), { recursive: true });
        writeFileSync(c.expected, r.stderr);
      }
      if (c.fails) {
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toMatch(/\d+ error\(s\); nothing was written\n$/);
      } else {
        expect([0, 1], r.stderr).toContain(r.code);
      }
      const lines = r.stderr.split('\n').slice(0, -1);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).toMatch(SUMMARY.test(line) ? SUMMARY : DIAGNOSTIC);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+\)?\n/);
      // Each diagnostic names this input (or a file inside it).
      for (const line of lines.filter((l) => !SUMMARY.test(l))) expect(line.startsWith(c.input)).toBe(true);
      expect(elapsed).toBeLessThan(budget(5000));
      expect(existsSync(c.expected), `no expected output ${c.expected}: run with UPDATE_GOLDEN=1 and read it`).toBe(true);
      expect(r.stderr).toBe(readFileSync(c.expected, 'utf8'));
    });
  }

  it('has no expected output without its input', () => {
    const wanted = new Set(cases.map((c) => c.expected));
    const orphans = expectedFiles().filter((f) => !wanted.has(f));
    expect(orphans, 'expected outputs whose input is gone: delete them, or restore the input').toEqual([]);
  });

  afterAll(() => {
    expect(prototypeSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
