// tests/ mirrors src/: each folder of src/ has its folder of tests, a test of a module sits in its stage's folder, and the other folders are the documented cross-cutting ones.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Folders of tests/ that are no stage of src/: what each holds is in CONTRIBUTING.md ("Tests"). */
const CROSS_CUTTING = ['architecture', 'browser', 'cases', 'docs', 'examples', 'fixtures', 'helpers', 'hostile', 'pipeline', 'rules'];

const folders = (dir: string) =>
  readdirSync(dir)
    .filter((n) => statSync(path.join(dir, n)).isDirectory())
    .sort();

describe('tests/ mirrors src/', () => {
  const stages = folders('src');

  it('has a folder for each folder of src/', () => {
    expect(stages.filter((s) => !folders('tests').includes(s))).toEqual([]);
  });

  it('has no other folders than the stages and the cross-cutting ones', () => {
    expect(folders('tests').filter((f) => !stages.includes(f) && !CROSS_CUTTING.includes(f))).toEqual([]);
  });

  it('holds no test at its top', () => {
    expect(readdirSync('tests').filter((n) => n.endsWith('.ts'))).toEqual([]);
  });

  it('names every test after a module of its stage, or says what it covers', () => {
    // A test named for a module (tests/load/load-records.test.ts) tests src/load/load-records.ts; a
    // test named for a module of another stage is in the wrong folder.
    const misplaced: string[] = [];
    for (const stage of stages) {
      for (const name of readdirSync(path.join('tests', stage)).filter((n) => n.endsWith('.test.ts'))) {
        const module = name.replace(/\.test\.ts$/, '.ts');
        const home = stages.filter((s) => readdirSync(path.join('src', s), { recursive: true }).map(String).includes(module));
        if (home.length > 0 && !home.includes(stage)) misplaced.push(`tests/${stage}/${name} tests src/${home[0]}/${module}`);
      }
    }
    expect(misplaced).toEqual([]);
  });
});
