import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecords } from '../../src/load/load-records.js';

function tmp(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sc-records-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('loadRecords', () => {
  it('loads YAML with sources resolved, spans and locations', () => {
    const r = loadRecords(['tests/fixtures/core/records.yaml']);
    expect(r.diagnostics).toEqual([]);
    expect(r.value.records.map((x) => x.record.id)).toEqual(['shells', 'approved-transfer', 'workers-2019', 'workers-no-place', 'food']);
    const shells = r.value.records[0]!;
    expect(shells.location).toEqual({ file: 'tests/fixtures/core/records.yaml', line: 6, column: 5 });
    expect(shells.span).toMatchObject({ start: '2023-01-01', end: '2023-12-31' });
    expect(shells.record.evidence.sources?.[0]).toMatchObject({
      ref: 'paper',
      publisher: 'Example Daily',
      quote: 'Officials believe shells were delivered.',
    });
    expect(r.value.cases).toEqual([{ title: 'Core test case' }]);
  });

  it('loads JSON and NDJSON with line numbers', () => {
    const rec = (id: string) => JSON.stringify({ id, type: 'launch', date: '2023', evidence: { level: 'confirmed' } });
    const dir = tmp({ 'a.json': `[${rec('a')}]`, 'b.ndjson': `${rec('b')}\n\n${rec('c')}\n` });
    const r = loadRecords([dir]);
    expect(r.diagnostics).toEqual([]);
    expect(r.value.records.map((x) => [x.record.id, x.location.line])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ]);
  });

  it('reports every problem with its location, and duplicate ids across files', () => {
    const dir = tmp({
      'a.yaml': '- id: x\n  type: launch\n  date: "2023-02-30"\n  evidence: { level: confirmed }\n  colour: red\n',
      'b.ndjson': '{"id":"x","type":"launch","date":"2023","evidence":{"level":"confirmed"}}\n{"id":"y",\n',
    });
    const r = loadRecords([dir]);
    const lines = r.diagnostics.map((d) => `${path.basename(d.location.file)}:${d.location.line}:${d.location.column}: ${d.code}`);
    // b.ndjson's "x" repeats the id of a.yaml's record, which is invalid: still a duplicate.
    expect(lines).toEqual([
      'a.yaml:3:9: invalid-date',
      'a.yaml:5:3: unknown-field',
      'b.ndjson:1:1: duplicate-record-id',
      'b.ndjson:2:11: invalid-json',
    ]);
    const dup = loadRecords([path.join(dir, 'b.ndjson'), 'tests/fixtures/core/records.yaml', path.join(dir, 'b.ndjson')]);
    expect(dup.diagnostics.map((d) => d.code)).toContain('invalid-json');
  });

  it('finds duplicate record ids', () => {
    const rec = JSON.stringify({ id: 'same', type: 'launch', date: '2023', evidence: { level: 'confirmed' } });
    const dir = tmp({ 'a.ndjson': `${rec}\n${rec}\n` });
    const r = loadRecords([dir]);
    expect(r.diagnostics).toMatchObject([{ code: 'duplicate-record-id', location: { line: 2 } }]);
  });

  it('with skipInvalid, counts and reports what it leaves out', () => {
    const good = JSON.stringify({ id: 'ok', type: 'launch', date: '2023', evidence: { level: 'confirmed' } });
    const dir = tmp({ 'a.ndjson': `${good}\n{"id":\n{"id":"bad","type":"launch","date":"2023-13","evidence":{"level":"confirmed"}}\n` });
    const r = loadRecords([dir], { skipInvalid: true });
    expect(r.value.records).toHaveLength(1);
    expect(r.value.skipped).toBe(2);
    expect(r.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(r.diagnostics.map((d) => d.location.line)).toEqual([2, 3]);
  });

  it('says so when a path is missing or a folder holds no records', () => {
    const dir = tmp({ 'notes.txt': 'x' });
    const r = loadRecords([dir, path.join(dir, 'nope.yaml')]);
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(['io-error', 'no-input-files']);
  });
});
