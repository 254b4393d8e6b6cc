// Hostile YAML and JSON: bombs, depth, size, keys and encodings end in located diagnostics, fast.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecords } from '../../src/load/load-records.js';
import { loadRules } from '../../src/load/load-rules.js';
import { parseNdjsonLine, parseRecordFile } from '../../src/load/record-file.js';
import { MAX_STRUCTURED_FILE_BYTES, readTextFile } from '../../src/load/text-file.js';
import { MAX_NESTING, parseYaml } from '../../src/load/yaml-document.js';
import { validateRecord } from '../../src/validate/validate-record.js';
import type { Diagnostic } from '../../src/types.js';
import { budget } from '../helpers/time-budget.js';

function tmp(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sc-hostile-'));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = f();
  return { value, ms: performance.now() - start };
}

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => d.code);

/** Nine levels of nine aliases: 9^9 = 387,420,489 strings if expanded. */
function billionLaughs(): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return lines.join('\n') + '\n';
}

describe('alias bombs', () => {
  it('refuses a billion-laughs document in well under a second, with bounded memory', () => {
    const heap = process.memoryUsage().heapUsed;
    const { value: doc, ms } = timed(() => parseYaml(billionLaughs(), 'laughs.yaml'));
    expect(ms).toBeLessThan(budget(500));
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 1024 * 1024);
    expect(doc.value).toBeUndefined();
    expect(doc.diagnostics).toEqual([
      expect.objectContaining({ code: 'yaml-aliases', location: { file: 'laughs.yaml', line: 2, column: 10 } }),
    ]);
  });

  it('refuses an alias to the value it stands in (a cycle), naming the alias', () => {
    const doc = parseYaml('a: &a\n  b: [1, *a]\n', 'c.yaml');
    expect(doc.value).toBeUndefined();
    expect(doc.diagnostics).toEqual([expect.objectContaining({ code: 'yaml-aliases', location: { file: 'c.yaml', line: 2, column: 10 } })]);
  });

  it('accepts ordinary anchors and aliases', () => {
    const doc = parseYaml('base: &b { country: KP }\nuse: *b\nother: [*b, *b]\n', 'ok.yaml');
    expect(doc.diagnostics).toEqual([]);
    expect(doc.value).toEqual({ base: { country: 'KP' }, use: { country: 'KP' }, other: [{ country: 'KP' }, { country: 'KP' }] });
  });
});

describe('deep nesting', () => {
  it.each([
    ['100,000 nested flow sequences', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['100,000 unclosed flow sequences', '['.repeat(100_000)],
    ['100,000 nested flow mappings', '{a: '.repeat(100_000) + '1' + '}'.repeat(100_000)],
    ['5,000 nested block sequences', Array.from({ length: 5_000 }, (_, i) => ' '.repeat(i) + '- ').join('\n')],
    ['5,000 nested block mappings', Array.from({ length: 5_000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n')],
  ])('gives a located diagnostic for %s, not a stack overflow', (_, text) => {
    const { value: doc, ms } = timed(() => parseYaml(text, 'deep.yaml'));
    expect(ms).toBeLessThan(budget(3000));
    expect(doc.value).toBeUndefined();
    expect(codes(doc.diagnostics)).toEqual(['yaml-too-deep']);
    expect(doc.diagnostics[0]!.location.line).toBeGreaterThanOrEqual(1);
    expect(doc.diagnostics[0]!.location.column).toBeGreaterThanOrEqual(1);
  });

  it('points at the first list nested too deep', () => {
    const doc = parseYaml('x: ' + '['.repeat(MAX_NESTING + 5) + ']'.repeat(MAX_NESTING + 5), 'd.yaml');
    // The mapping is level 1, so the list at level MAX_NESTING + 1 is the MAX_NESTING-th bracket.
    expect(doc.diagnostics[0]!.location).toEqual({ file: 'd.yaml', line: 1, column: 3 + MAX_NESTING });
  });

  it('accepts nesting up to the limit', () => {
    const doc = parseYaml('['.repeat(MAX_NESTING) + ']'.repeat(MAX_NESTING), 'ok.yaml');
    expect(doc.diagnostics).toEqual([]);
  });

  it('survives a deeply nested NDJSON line and a deeply nested JSON file', () => {
    const line = `{"id": "a", "type": "other", "date": "2023", "evidence": {"level": "alleged"}, "notes": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const raw = parseNdjsonLine(line, 7, 'deep.ndjson');
    expect('code' in raw).toBe(false);
    const r = validateRecord(raw as Exclude<typeof raw, Diagnostic>, new Map());
    expect(r.loaded).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ code: 'invalid-type', location: { file: 'deep.ndjson', line: 7 } });

    const file = tmp('deep.json', '['.repeat(100_000) + ']'.repeat(100_000));
    const loaded = loadRecords([file]);
    expect(codes(loaded.diagnostics)).toEqual(['json-too-deep']);
  });
});

describe('keys', () => {
  it('reports duplicate keys, also 1 beside "1", which would merge into one property', () => {
    const doc = parseYaml('a: 1\nb: 2\na: 3\nm:\n  1: x\n  "1": y\n', 'k.yaml');
    expect(doc.value).toBeUndefined();
    expect(doc.diagnostics.map((d) => [d.code, d.location.line, d.location.column])).toEqual([
      ['yaml-duplicate-key', 3, 1],
      ['yaml-duplicate-key', 6, 3],
    ]);
  });

  it('finds duplicates among 100,000 keys in linear time', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`).join('\n') + '\nk5: again\n';
    const { value: doc, ms } = timed(() => parseYaml(text, 'many.yaml'));
    expect(ms).toBeLessThan(budget(5000));
    expect(doc.diagnostics).toEqual([
      expect.objectContaining({ code: 'yaml-duplicate-key', location: { file: 'many.yaml', line: 100_001, column: 1 } }),
    ]);
  });

  it('refuses keys that are lists, mappings or aliases', () => {
    const doc = parseYaml('? [a, b]\n: 1\n{x: 1}: 2\n', 'c.yaml');
    expect(doc.value).toBeUndefined();
    expect(codes(doc.diagnostics)).toEqual(['yaml-complex-key', 'yaml-complex-key']);
  });

  it('keeps __proto__ and constructor as plain keys, never as prototypes', () => {
    const doc = parseYaml('__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\n', 'p.yaml');
    const v = doc.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('tags, documents and odd files', () => {
  it('refuses tags that would build binary data, sets, dates or custom objects', () => {
    const doc = parseYaml(
      'a: !!binary aGVsbG8=\nb: !!set { x }\nc: !!timestamp 2023-01-01\nd: !js/function "f"\ne: !!str 2023\n',
      't.yaml',
    );
    expect(doc.value).toBeUndefined();
    expect(doc.diagnostics.map((d) => [d.code, d.location.line])).toEqual([
      ['yaml-tag', 1],
      ['yaml-tag', 2],
      ['yaml-tag', 3],
      ['yaml-tag', 4],
    ]);
    expect(doc.diagnostics[0]!.message).toContain('!!binary');
  });

  it('reports a second document where it starts', () => {
    const doc = parseYaml('- a\n---\n- b\n', 'm.yaml');
    expect(doc.diagnostics).toEqual([
      expect.objectContaining({ code: 'yaml-multiple-documents', location: { file: 'm.yaml', line: 2, column: 1 } }),
    ]);
  });

  it('names a tab in the indentation instead of the parser echoes', () => {
    const doc = parseYaml('- id: a\n\ttype: b\n  date: c\n', 'tab.yaml');
    expect(doc.diagnostics).toEqual([expect.objectContaining({ code: 'yaml-syntax', location: { file: 'tab.yaml', line: 2, column: 1 } })]);
    expect(doc.diagnostics[0]!.message).toContain('tab');
  });

  it('counts lines the same with CRLF endings and after a byte-order mark', () => {
    const file = tmp(
      'crlf.yaml',
      Buffer.from('\ufeff- id: a\r\n  type: launch\r\n  date: "2023-02-30"\r\n  evidence: { level: reported }\r\n'),
    );
    const r = loadRecords([file]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'invalid-date', location: expect.objectContaining({ line: 3, column: 9 }) }),
    ]);
  });

  it('reads empty, comment-only and whitespace-only files as holding no records', () => {
    for (const text of ['', '# nothing\n', '   \n\n']) {
      expect(codes(parseRecordFile(text, 'e.yaml').diagnostics)).toEqual(['empty-file']);
    }
  });

  it('refuses binary, UTF-16, non-UTF-8 and lone-CR files with a position', () => {
    const cases: [string, Buffer, string, number, number][] = [
      ['bin.yaml', Buffer.from([0x61, 0x0a, 0x62, 0x00, 0x63]), 'binary-file', 2, 2],
      ['u16.yaml', Buffer.from('\ufeffa: 1\n', 'utf16le'), 'invalid-utf8', 1, 1],
      ['latin1.yaml', Buffer.from([0x61, 0x3a, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]), 'invalid-utf8', 1, 7],
      ['after-multibyte.yaml', Buffer.concat([Buffer.from('é: '), Buffer.from([0xff])]), 'invalid-utf8', 1, 4],
      ['surrogate.yaml', Buffer.from([0x61, 0xed, 0xa0, 0x80]), 'invalid-utf8', 1, 2],
      ['cr.yaml', Buffer.from('a: 1\rb: 2\r'), 'line-endings', 1, 5],
    ];
    for (const [name, bytes, code, line, column] of cases) {
      const file = tmp(name, bytes);
      expect(readTextFile(file, name).diagnostics, name).toEqual([
        expect.objectContaining({ code, location: { file: name, line, column } }),
      ]);
    }
  });
});

describe('size', () => {
  it('loads a file with a 5 MB scalar quickly and names the over-long field', () => {
    const file = tmp('big.yaml', `- id: "${'x'.repeat(5_000_000)}"\n  type: other\n  date: "2023"\n  evidence: { level: alleged }\n`);
    const { value: r, ms } = timed(() => loadRecords([file]));
    expect(ms).toBeLessThan(budget(3000));
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'invalid-value', location: expect.objectContaining({ line: 1, column: 7 }) }),
    ]);
    expect(r.diagnostics[0]!.message).toContain('5000000 characters long');
  });

  it('refuses a YAML or JSON file over the limit before reading it', () => {
    const file = tmp('huge.yaml', Buffer.alloc(MAX_STRUCTURED_FILE_BYTES + 1, 0x61));
    const { value: r, ms } = timed(() => loadRecords([file]));
    expect(ms).toBeLessThan(budget(1000));
    expect(codes(r.diagnostics)).toEqual(['file-too-large']);
    expect(codes(loadRules([file]).diagnostics)).toEqual(['file-too-large']);
  });

  it('refuses a file of millions of tiny values quickly, where it passes the limit, in JSON and YAML alike', () => {
    const items = new Array(1_500_000).fill('{}').join(',');
    for (const [name, text] of [
      ['tiny.json', `[{"id": "r1", "type": "other", "date": "2023", "evidence": {"level": "alleged"}, "facts": {"purpose": [${items}]}}]`],
      ['tiny.yaml', `- id: r1\n  facts: {purpose: [${items}]}\n`],
    ] as const) {
      const file = tmp(name, text);
      const { value: r, ms } = timed(() => loadRecords([file]));
      expect(ms).toBeLessThan(budget(3000));
      expect(r.diagnostics).toEqual([
        expect.objectContaining({ code: 'too-many-values', location: expect.objectContaining({ line: name.endsWith('.json') ? 1 : 2 }) }),
      ]);
      if (name.endsWith('.yaml')) expect(codes(loadRules([file]).diagnostics)).toEqual(['too-many-values']);
    }
  });

  it('lists at most 500 problems of a file, and counts the rest', () => {
    const file = tmp('many.json', JSON.stringify(Array.from({ length: 2_000 }, (_, i) => ({ id: `r${i}` }))));
    const r = loadRecords([file]);
    expect(r.diagnostics).toHaveLength(501);
    const last = r.diagnostics[500]!;
    expect(last.code).toBe('too-many-problems');
    expect(last.message).toBe('5500 more errors in this file from here on are not listed');
  });
});
