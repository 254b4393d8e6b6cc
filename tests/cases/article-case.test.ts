import { createHash } from 'node:crypto';
// Checks every case's records against the texts they quote: quotes verbatim, wording inside the quotes, unique ids, well-formed dates.
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const casesDir = join(repoRoot, 'cases');

interface Citation {
  ref?: string;
  file?: string;
  quote?: string;
  [key: string]: unknown;
}

interface CaseRecord {
  id?: unknown;
  date?: unknown;
  evidence?: { level?: unknown; wording?: unknown; sources?: Citation[] };
}

interface CaseFile {
  dir: string;
  path: string;
  sources: Map<string, Citation>;
  records: CaseRecord[];
}

function loadCaseFiles(): CaseFile[] {
  if (!existsSync(casesDir)) return [];
  const files: CaseFile[] = [];
  for (const entry of readdirSync(casesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(casesDir, entry.name);
    const path = join(dir, 'records.yaml');
    if (!existsSync(path)) continue;
    const doc = parse(readFileSync(path, 'utf8')) as unknown;
    const list = Array.isArray(doc) ? doc : (doc as { records?: unknown }).records;
    const sourceList = Array.isArray(doc) ? [] : ((doc as { sources?: Citation[] }).sources ?? []);
    const sources = new Map<string, Citation>();
    for (const source of sourceList) {
      if (typeof source.id === 'string') sources.set(source.id, source);
    }
    files.push({ dir, path, sources, records: Array.isArray(list) ? (list as CaseRecord[]) : [] });
  }
  return files;
}

/** The source a citation stands for: the shared source it refers to, or the citation itself. */
function sourceOf(file: CaseFile, citation: Citation): Citation | undefined {
  return citation.ref === undefined ? citation : file.sources.get(citation.ref);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** First and last day of a date written as YYYY, YYYY-MM or YYYY-MM-DD, or undefined if malformed. */
function span(text: unknown): { start: string; end: string } | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lastDay = (month: number): number => (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
  if (m[2] === undefined) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) {
    return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${String(lastDay(month)).padStart(2, '0')}` };
  }
  const day = Number(m[3]);
  if (day < 1 || day > lastDay(month)) return undefined;
  return { start: text, end: text };
}

function dateProblem(date: unknown): string | undefined {
  if (typeof date === 'string') return span(date) ? undefined : `malformed date ${JSON.stringify(date)}`;
  if (date !== null && typeof date === 'object') {
    const { from, to, ...rest } = date as Record<string, unknown>;
    if (Object.keys(rest).length > 0) return `unexpected keys in date range: ${Object.keys(rest).join(', ')}`;
    const a = span(from);
    const b = span(to);
    if (!a || !b) return `malformed date range ${JSON.stringify(date)}`;
    if (a.start > b.end) return `date range ends before it starts: ${JSON.stringify(date)}`;
    return undefined;
  }
  return `missing or malformed date ${JSON.stringify(date)}`;
}

const caseFiles = loadCaseFiles();

describe('case records', () => {
  it('finds at least one case', () => {
    expect(caseFiles.length).toBeGreaterThan(0);
  });

  for (const file of caseFiles) {
    const label = file.path.slice(repoRoot.length + 1);

    describe(label, () => {
      it('has records', () => {
        expect(file.records.length).toBeGreaterThan(0);
      });

      it('quotes every file-backed source verbatim', () => {
        const problems: string[] = [];
        for (const record of file.records) {
          for (const citation of record.evidence?.sources ?? []) {
            const source = sourceOf(file, citation);
            if (!source) {
              problems.push(`${String(record.id)}: unknown source ref ${JSON.stringify(citation.ref)}`);
              continue;
            }
            if (typeof source.file !== 'string') continue;
            const textPath = join(file.dir, source.file);
            if (!existsSync(textPath)) {
              problems.push(`${String(record.id)}: source file ${source.file} does not exist`);
              continue;
            }
            if (typeof citation.quote !== 'string' || citation.quote.length === 0) {
              problems.push(`${String(record.id)}: a citation of ${source.file} has no quote`);
              continue;
            }
            const text = readFileSync(textPath, 'utf8');
            if (!text.includes(citation.quote)) {
              problems.push(`${String(record.id)}: quote not found verbatim in ${source.file}: ${citation.quote}`);
            }
          }
        }
        expect(problems).toEqual([]);
      });

      it('takes every wording entry from one of the record’s quotes', () => {
        const problems: string[] = [];
        for (const record of file.records) {
          const quotes = (record.evidence?.sources ?? []).map((c) => c.quote).filter((q): q is string => typeof q === 'string');
          const wording = record.evidence?.wording;
          if (wording === undefined) continue;
          if (!Array.isArray(wording)) {
            problems.push(`${String(record.id)}: wording is not a list`);
            continue;
          }
          for (const words of wording) {
            if (typeof words !== 'string' || !quotes.some((q) => q.includes(words))) {
              problems.push(`${String(record.id)}: wording ${JSON.stringify(words)} is in none of its quotes`);
            }
          }
        }
        expect(problems).toEqual([]);
      });

      it('gives every record a well-formed date', () => {
        const problems = file.records.flatMap((record) => {
          const problem = dateProblem(record.date);
          return problem ? [`${String(record.id)}: ${problem}`] : [];
        });
        expect(problems).toEqual([]);
      });
    });
  }

  it('gives every record an id that is unique across all cases', () => {
    const seen = new Map<string, string>();
    const problems: string[] = [];
    for (const file of caseFiles) {
      for (const record of file.records) {
        if (typeof record.id !== 'string' || !/^[A-Za-z0-9._-]+$/.test(record.id)) {
          problems.push(`${file.path}: malformed id ${JSON.stringify(record.id)}`);
          continue;
        }
        const other = seen.get(record.id);
        if (other !== undefined) problems.push(`${record.id}: in ${other} and ${file.path}`);
        seen.set(record.id, file.path);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the article case', () => {
  const caseDir = join(casesDir, '2023-11-dprk-russia-commission');

  it('keeps a byte-exact copy of the article (its SHA-256 as published with the seed)', () => {
    const digest = createHash('sha256')
      .update(readFileSync(join(caseDir, 'article.txt')))
      .digest('hex');
    expect(digest).toBe('94d44f23c94d8779a0a10695f7b86e2aa0b018cc118ec95b889eb5357a2087b2');
  });
});

describe('date checks', () => {
  it('accepts the precisions the format allows and rejects impossible dates', () => {
    expect(dateProblem('2023')).toBeUndefined();
    expect(dateProblem('2023-11')).toBeUndefined();
    expect(dateProblem('2024-02-29')).toBeUndefined();
    expect(dateProblem({ from: '2021', to: '2023-11' })).toBeUndefined();
    expect(dateProblem('2023-02-30')).toBeDefined();
    expect(dateProblem('2023-13')).toBeDefined();
    expect(dateProblem('23-11-15')).toBeDefined();
    expect(dateProblem(20231115)).toBeDefined();
    expect(dateProblem({ from: '2023-11', to: '2023-01' })).toBeDefined();
    expect(dateProblem(undefined)).toBeDefined();
  });
});
