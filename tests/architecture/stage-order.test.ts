// The folders of src/ are the stages of the pipeline and import only from earlier stages (or from
// another folder of their own stage); neither folders nor files import in a circle.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph, type ImportEdge } from './import-graph.js';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

/**
 * The stages, earliest first. A folder (or a file at the top of src/) may import from its own
 * stage and the ones before it. validate comes before load: validate checks values that already
 * carry their positions and knows nothing of files, and load validates each file as it reads it
 * (which lets a large file stream). New modules that work on findings (accountability, screen,
 * draft) sit after evaluate and stream and before report, so that report can show their fields.
 */
const STAGES: readonly (readonly string[])[] = [
  ['vocabulary', 'diagnostics', 'dates', 'types.ts', 'version.ts', 'default-rules.ts'],
  ['validate'],
  ['load'],
  ['compile'],
  ['evaluate'],
  ['screen'],
  ['stream'],
  ['tester', 'accountability', 'draft'],
  ['report'],
  ['pipeline.ts'],
  ['cli'],
  ['index.ts'],
];

/**
 * Imports that break the order today, as `from -> to` (files relative to src/). Each entry is a
 * debt: remove it when the import is fixed; the test fails on an entry that no longer applies.
 */
const ALLOWED_VIOLATIONS: readonly string[] = [];

/** Cycles between folders that exist today, written as the walk finds them; the same rule applies. */
const ALLOWED_FOLDER_CYCLES: readonly string[] = [];

/** Cycles between files that exist today; the same rule applies. */
const ALLOWED_FILE_CYCLES: readonly string[] = [];

/** Nothing found beyond the allow-list, and nothing on the list that is gone (so it only shrinks). */
function expectOnly(found: readonly string[], allowed: readonly string[]): void {
  expect(found.filter((v) => !allowed.includes(v))).toEqual([]);
  expect(allowed.filter((v) => !found.includes(v))).toEqual([]);
}

/** The stage unit of a file: its top folder, or the file itself when it sits at the top of src/. */
const unitOf = (file: string): string => file.split('/')[0]!;

function rankOf(unit: string): number {
  const rank = STAGES.findIndex((stage) => stage.includes(unit));
  if (rank === -1) throw new Error(`src/${unit} belongs to no stage: add it to STAGES in ${path.basename(import.meta.url)}`);
  return rank;
}

/** Imports from a later stage, as `from -> to`, sorted. */
function backwardImports(edges: readonly ImportEdge[]): string[] {
  return edges
    .filter((e) => rankOf(unitOf(e.to)) > rankOf(unitOf(e.from)))
    .map((e) => `${e.from} -> ${e.to}`)
    .sort();
}

describe('import graph of src/', () => {
  const { files, edges } = importGraph(SRC);

  it('is drawn from the code', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(edges).toContainEqual({ from: 'pipeline.ts', to: 'report/build-report.ts' });
  });

  it('places every folder and top file in a stage', () => {
    for (const f of files) expect(() => rankOf(unitOf(f)), f).not.toThrow();
  });

  it('imports only from the same or earlier stages (allow-list aside)', () => {
    expectOnly(backwardImports(edges), ALLOWED_VIOLATIONS);
  });

  it('has no cycle between folders', () => {
    const units = [...new Set(files.map(unitOf))];
    const unitEdges = [
      ...new Set(edges.filter((e) => unitOf(e.from) !== unitOf(e.to)).map((e) => `${unitOf(e.from)}\n${unitOf(e.to)}`)),
    ].map((s) => s.split('\n') as [string, string]);
    expectOnly(
      findCycles(units, unitEdges).map((c) => c.join(' -> ')),
      ALLOWED_FOLDER_CYCLES,
    );
  });

  it('has no cycle between files', () => {
    const cycles = findCycles(
      files,
      edges.map((e) => [e.from, e.to] as const),
    );
    expectOnly(
      cycles.map((c) => c.join(' -> ')),
      ALLOWED_FILE_CYCLES,
    );
  });
});

describe('stage check', () => {
  it('flags an import from a later stage and passes one from an earlier stage or the same folder', () => {
    expect(
      backwardImports([
        { from: 'load/record-file.ts', to: 'stream/packed-ids.ts' },
        { from: 'stream/chunk-processor.ts', to: 'load/record-file.ts' },
        { from: 'validate/schemas.ts', to: 'validate/suggest.ts' },
        { from: 'report/json.ts', to: 'cli/io.ts' },
      ]),
    ).toEqual(['load/record-file.ts -> stream/packed-ids.ts', 'report/json.ts -> cli/io.ts']);
  });

  it('refuses a folder that belongs to no stage', () => {
    expect(() => rankOf('somewhere')).toThrow(/belongs to no stage/);
  });
});

describe('cycle finder', () => {
  it('finds a cycle and passes a chain', () => {
    expect(
      findCycles(
        ['a', 'b', 'c'],
        [
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
        ],
      ),
    ).toEqual([['a', 'b', 'c', 'a']]);
    expect(
      findCycles(
        ['a', 'b', 'c'],
        [
          ['a', 'b'],
          ['b', 'c'],
        ],
      ),
    ).toEqual([]);
  });
});
