// The benchmark's record files read whole: the same seeded records as NDJSON (streamed), as one
// JSON array and as YAML (`records:`), each checked by the command line with --format ndjson on
// one thread; time end to end and peak RSS measured from outside, as for the report formats.
//   node bench/structured.mjs [--records N] [--seed N]   (after npm run build; default 9,000 records,
//   which keeps the YAML file under the 8 MiB limit for files read whole)
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { designatedNames, measureFormat } from './formats.mjs';
import { makeGenerator } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

async function write(file, text) {
  const out = createWriteStream(file);
  out.write(text);
  out.end();
  await once(out, 'finish');
}

/** Writes the three files; returns their paths. */
async function inputs(dir, records, seed, names) {
  const next = makeGenerator(seed, { designatedNames: names });
  const list = Array.from({ length: records }, (_, i) => next(i + 1));
  const files = { ndjson: path.join(dir, 'records.ndjson'), json: path.join(dir, 'records.json'), yaml: path.join(dir, 'records.yaml') };
  await write(files.ndjson, list.map((r) => JSON.stringify(r) + '\n').join(''));
  // Compact: a file read whole is held to 1,000,000 commas, colons, brackets and lines, which an
  // indented file of this size passes.
  await write(files.json, JSON.stringify(list));
  await write(files.yaml, stringify({ records: list }));
  return files;
}

/** Runs each kind of file; returns one row a kind: {kind, records, mib, exit, seconds, peakRssMb}. */
export async function benchStructured({ records = 9000, seed = 1718, rules = path.join(root, 'rules'), log = console.log } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sanctions-check-structured-'));
  try {
    const files = await inputs(dir, records, seed, designatedNames(rules));
    const rows = [];
    for (const [kind, file] of Object.entries(files)) {
      const m = await measureFormat({ input: file, records, format: 'ndjson', rules, extra: ['--workers', '1'] });
      const mib = statSync(file).size / 1048576;
      const row = {
        kind,
        records,
        mib: Number(mib.toFixed(1)),
        exit: m.exit,
        seconds: Number((m.ms / 1000).toFixed(2)),
        peakRssMb: m.peakRssMb,
      };
      log(
        `${`${kind.toUpperCase()} file, ${records.toLocaleString('en-US')} records, ${mib.toFixed(1)} MiB`.padEnd(38)} ${m.exit === 0 ? '' : `failed (exit ${m.exit}) `}${row.seconds.toFixed(2).padStart(7)} s  ${String(m.peakRssMb).padStart(5)} MB peak RSS`,
      );
      rows.push(row);
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const option = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i === -1 ? fallback : Number(process.argv[i + 1]);
  };
  const rows = await benchStructured({ records: option('records', 9000), seed: option('seed', 1718) });
  console.log(JSON.stringify(rows));
}
