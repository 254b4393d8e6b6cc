import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/yaml-document.js';

describe('parseYaml', () => {
  it('locates values and keys by path', () => {
    const doc = parseYaml('records:\n  - id: a\n    type: launch\n', 'f.yaml');
    expect(doc.diagnostics).toEqual([]);
    expect(doc.locate(['records', 0])).toEqual({ file: 'f.yaml', line: 2, column: 5 });
    expect(doc.locate(['records', 0, 'type'])).toEqual({ file: 'f.yaml', line: 3, column: 11 });
    expect(doc.locate(['records', 0, 'type'], { key: true })).toEqual({ file: 'f.yaml', line: 3, column: 5 });
    expect(doc.locate(['records', 0, 'missing'])).toEqual({ file: 'f.yaml', line: 2, column: 5 });
  });

  it('reports syntax errors and duplicate keys with positions', () => {
    const dup = parseYaml('a: 1\na: 2\n', 'd.yaml');
    expect(dup.value).toBeUndefined();
    expect(dup.diagnostics[0]).toMatchObject({ code: 'yaml-duplicate-key', location: { line: 2, column: 1 } });
    const bad = parseYaml('a: [1, 2\n', 's.yaml');
    expect(bad.diagnostics[0]?.code).toBe('yaml-syntax');
  });

  it('keeps quoted dates and codes as strings, and unquoted HS codes lose zeros', () => {
    const doc = parseYaml('d: 2023-11-15\nhs: 030617\nq: "030617"\n', 'x.yaml');
    expect(doc.value).toEqual({ d: '2023-11-15', hs: 30617, q: '030617' });
  });

  it('refuses an alias bomb with a diagnostic', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const doc = parseYaml(lines.join('\n'), 'bomb.yaml');
    expect(doc.value).toBeUndefined();
    expect(doc.diagnostics[0]?.code).toBe('yaml-aliases');
  });

  it('reports a second document', () => {
    const doc = parseYaml('a: 1\n---\nb: 2\n', 'm.yaml');
    expect(doc.diagnostics[0]).toMatchObject({ code: 'yaml-multiple-documents', location: { line: 2 } });
  });
});
