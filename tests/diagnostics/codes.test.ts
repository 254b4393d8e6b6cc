// The diagnostic codes: docs/diagnostics.md lists exactly the codes of src/diagnostics/codes.ts, with the same meanings.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, DIAGNOSTIC_CODE_LIST } from '../../src/diagnostics/codes.js';
import { diagnostic } from '../../src/diagnostics/diagnostic.js';

const doc = readFileSync(new URL('../../docs/diagnostics.md', import.meta.url), 'utf8');

/** The table rows of the page, as [code, meaning]. */
function documented(text: string): [string, string][] {
  return [...text.matchAll(/^\| `([a-z0-9-]+)` \| (.*) \|$/gm)].map((m) => [m[1]!, m[2]!.replace(/\\\|/g, '|')]);
}

describe('diagnostic codes', () => {
  it('are listed in docs/diagnostics.md, in order, each with its meaning', () => {
    expect(documented(doc)).toEqual(Object.entries(DIAGNOSTIC_CODES));
  });

  it('are kebab-case, unique, and each has a meaning that is a sentence', () => {
    expect(new Set(DIAGNOSTIC_CODE_LIST).size).toBe(DIAGNOSTIC_CODE_LIST.length);
    for (const code of DIAGNOSTIC_CODE_LIST) {
      expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(DIAGNOSTIC_CODES[code]).toMatch(/^[A-Z`'].*\.$/);
    }
  });

  it('are the only codes a diagnostic takes (checked by the compiler)', () => {
    const d = diagnostic('yaml-syntax', 'x', { file: 'f', line: 1, column: 1 });
    expect(d.code).toBe('yaml-syntax');
    // @ts-expect-error: a code that is not in the list does not compile.
    diagnostic('no-such-code', 'x', { file: 'f', line: 1, column: 1 });
  });

  it('are each made somewhere in src/ (no code is listed that nothing reports)', () => {
    const sources = readdirSync(new URL('../../src/', import.meta.url), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('codes.ts'))
      .map((f) => readFileSync(new URL(`../../src/${f}`, import.meta.url), 'utf8'))
      .join('\n');
    expect(DIAGNOSTIC_CODE_LIST.filter((code) => !sources.includes(`'${code}'`))).toEqual([]);
  });

  it('the page test reads rows as written', () => {
    expect(documented('| `a-b` | Means \\| this. |\n| x | y |')).toEqual([['a-b', 'Means | this.']]);
  });
});
