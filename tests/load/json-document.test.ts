// JSON record files are located without the YAML document tree: every path must land where the
// YAML parser's locate puts it (value or key), and a file it must refuse goes back to that parser.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJson } from '../../src/load/json-document.js';
import { parseRecordFile } from '../../src/load/record-file.js';
import { MAX_NESTING, parseYaml, type PathKey } from '../../src/load/yaml-document.js';

/** Every path in a value, and beside each a step that is not there. */
function pathsOf(value: unknown, at: PathKey[] = [], out: PathKey[][] = []): PathKey[][] {
  out.push(at, [...at, 'missing'], [...at, 7]);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  return out;
}

/** The text with random spacing between tokens (outside strings), as hand-written JSON has it. */
function spaced(value: unknown, spaces: string[]): string {
  let k = 0;
  const gap = () => spaces[k++ % spaces.length]!;
  const write = (v: unknown): string => {
    if (Array.isArray(v)) return `[${gap()}${v.map((x) => write(x) + gap()).join(`,${gap()}`)}]`;
    if (v && typeof v === 'object')
      return `{${gap()}${Object.entries(v)
        .map(([key, x]) => `${JSON.stringify(key)}${gap()}:${gap()}${write(x)}`)
        .join(`${gap()},${gap()}`)}${gap()}}`;
    return JSON.stringify(v);
  };
  return gap() + write(value) + gap();
}

describe('JSON files located without the YAML tree', () => {
  it('put every path, value and key, where the YAML parser does', () => {
    const key = fc.oneof(
      fc.constantFrom('id', 'records', 'a b', 'é', '0', '1', 'quote"d', 'back\\slash', 'line\nbreak'),
      fc.string({ maxLength: 4 }),
    );
    const leaf = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('tree'), { maxLength: 4 }),
        fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
      ),
    }));
    const spaces = fc.array(fc.constantFrom('', ' ', '\n', '\r\n', '\t', '  \n  '), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(tree, spaces, (value, gaps) => {
        const text = spaced(value, gaps);
        const yaml = parseYaml(text, 'r.json');
        const json = locateJson(text, 'r.json', JSON.parse(text), MAX_NESTING);
        if (!json) return; // (a key used twice: the YAML parser's)
        expect(json.value).toEqual(JSON.parse(text));
        for (const path of pathsOf(value)) {
          expect(json.locate(path), JSON.stringify(path)).toEqual(yaml.locate(path));
          expect(json.locate(path, { key: true }), `${JSON.stringify(path)} key`).toEqual(yaml.locate(path, { key: true }));
        }
      }),
      { numRuns: 300, seed: 1718 },
    );
  });

  it('give a key used twice and nesting too deep to the YAML parser, whose messages stay', () => {
    expect(locateJson('[{"a": 1, "b": {"c": 2, "c": 3}}]', 'r.json', null, MAX_NESTING)).toBeUndefined();
    expect(locateJson('{"a": 1, "\\u0061": 2}', 'r.json', null, MAX_NESTING)).toBeUndefined();
    expect(locateJson(`${'['.repeat(MAX_NESTING + 1)}${']'.repeat(MAX_NESTING + 1)}`, 'r.json', null, MAX_NESTING)).toBeUndefined();
    expect(locateJson(`${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}`, 'r.json', [], MAX_NESTING)).toBeDefined();
    const dup = parseRecordFile('[\n  {"id": "a", "id": "b"}\n]\n', 'r.json');
    expect(dup.diagnostics.map((d) => `${d.location.line}:${d.location.column} ${d.code}: ${d.message}`)).toEqual([
      '2:15 yaml-duplicate-key: key "id" appears twice in this mapping (first at column 4)',
    ]);
  });

  it('locate records and their fields in a file of many records', () => {
    const records = Array.from({ length: 300 }, (_, i) => ({ id: `r${i}`, type: 'meeting', parties: [{ name: `P ${i}`, country: 'KP' }] }));
    const text = JSON.stringify({ records }, null, 2);
    const file = parseRecordFile(text, 'big.json');
    const yaml = parseYaml(text, 'big.json');
    expect(file.records).toHaveLength(300);
    expect(file.records.map((r) => r.location)).toEqual(records.map((_, i) => yaml.locate(['records', i])));
    const last = file.records[299]!;
    expect(last.locate(['records', 299, 'parties', 0, 'country'])).toEqual(yaml.locate(['records', 299, 'parties', 0, 'country']));
    expect(last.locate(['records', 299, 'parties', 0, 'nope'], { key: true })).toEqual(
      yaml.locate(['records', 299, 'parties', 0, 'nope'], { key: true }),
    );
  });
});
