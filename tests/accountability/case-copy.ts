// Copies of the bundled case, changed in one way each, in a temporary folder.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';

export const CASE_DIR = 'cases/2023-11-dprk-russia-commission';
export const CASE_FILE = `${CASE_DIR}/records.yaml`;

export interface CaseDoc {
  case?: unknown;
  sources?: unknown[];
  records: Record<string, unknown>[];
}

export function caseDoc(): CaseDoc {
  return parse(readFileSync(CASE_FILE, 'utf8')) as CaseDoc;
}

export function tempDir(prefix = 'sc-account-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Writes a case document to `name` in `dir` (YAML, or JSON for .json) and returns the path. */
export function writeCase(dir: string, name: string, doc: CaseDoc, opts: { flow?: boolean } = {}): string {
  const file = path.join(dir, name);
  const text = name.endsWith('.json')
    ? JSON.stringify(doc, null, 4)
    : stringify(doc, opts.flow ? { collectionStyle: 'flow', lineWidth: 0 } : { indent: 4 });
  writeFileSync(file, text);
  return file;
}

export function record(doc: CaseDoc, id: string): Record<string, unknown> {
  const r = doc.records.find((x) => x.id === id);
  if (!r) throw new Error(`no record ${id}`);
  return r;
}

/** The same mapping with its keys in reverse order, at every level. */
export function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}
