#!/usr/bin/env node
// Builds rules/unsc-dprk/lists/un-1718.json from the UN 1718 list snapshots.
//
//   node scripts/build-un-lists.mjs --entries PATH --vessels PATH [--out PATH]
//                                   [--vessels-date YYYY-MM-DD]
//
// Inputs (both required):
//   --entries  the DPRK entries of the UN Consolidated List, as JSON
//   --vessels  the 1718 Designated Vessels List, as CSV
// Output:
//   --out      rules/unsc-dprk/lists/un-1718.json
//
// Plain Node, no dependencies. The output is deterministic: entries sorted by reference number,
// vessels by IMO number, fixed key order, two-space indentation, trailing newline.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const DEFAULTS = {
  out: resolve(repoRoot, 'rules/unsc-dprk/lists/un-1718.json'),
};

// The CSV's measure columns, in column order, and the label each gets in `measures`.
const MEASURE_COLUMNS = [
  ['res1718_p8d_res2270_p12_asset_freeze', '1718 8(d) / 2270 12 asset freeze'],
  ['res2321_p12a', '2321 12(a)'],
  ['res2321_p12d', '2321 12(d)'],
  ['res2371_p6_res2375_p6_port_entry_ban', '2371 6 / 2375 6 port-entry ban'],
  ['omm_kpe020_economic_resource', 'economic resource of OMM (KPe.020)'],
];

function usage(message) {
  if (message) process.stderr.write(`build-un-lists: ${message}\n`);
  process.stderr.write('usage: node scripts/build-un-lists.mjs --entries PATH --vessels PATH [--out PATH] [--vessels-date YYYY-MM-DD]\n');
  process.exit(message ? 2 : 0);
}

function parseArgs(argv) {
  const opts = { ...DEFAULTS, vesselsDate: undefined };
  const names = { '--entries': 'entries', '--vessels': 'vessels', '--out': 'out', '--vessels-date': 'vesselsDate' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') usage();
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const key = names[flag];
    if (!key) usage(`unknown argument ${arg}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') usage(`${flag} needs a value`);
    opts[key] = key === 'vesselsDate' ? value : resolve(process.cwd(), value);
  }
  if (!opts.entries || !opts.vessels) usage('--entries and --vessels are required');
  return opts;
}

/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF; a field in double quotes may
 * hold commas, line breaks and doubled quotes ("") standing for one quote. Returns rows of strings.
 */
export function parseCsv(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [];
  let field = '';
  let inQuotes = false;
  let quotedField = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
    quotedField = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '' && !quotedField) {
      inQuotes = true;
      quotedField = true;
      i++;
    } else if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      endRow();
      i += 2;
    } else if (c === '\n' || c === '\r') {
      endRow();
      i++;
    } else {
      field += c;
      i++;
    }
  }
  if (inQuotes) throw new Error('CSV: unterminated quoted field');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

function csvObjects(text) {
  const rows = parseCsv(text).filter((r) => !(r.length === 1 && r[0].trim() === ''));
  const [header, ...body] = rows;
  if (!header) throw new Error('CSV: no header row');
  return body.map((r, n) => {
    if (r.length !== header.length) {
      throw new Error(`CSV: row ${n + 2} has ${r.length} fields, the header has ${header.length}`);
    }
    return Object.fromEntries(header.map((h, k) => [h.trim(), r[k]]));
  });
}

const byString = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const isDay = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s);

// A name as listed, with surrounding whitespace removed and inner runs collapsed. A name that the
// list wraps in straight double quotes (the short form "KOMID") loses the quotes, so it can match.
function cleanName(s) {
  let t = String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  if (t.length > 2 && t.startsWith('"') && t.endsWith('"')) t = t.slice(1, -1).trim();
  return t;
}

function buildEntries(raw) {
  const list = Array.isArray(raw) ? raw : raw.entries;
  if (!Array.isArray(list)) throw new Error('entries file: no "entries" array');
  const seen = new Set();
  const entries = list.map((e) => {
    const ref = String(e.reference_number ?? '').trim();
    if (!/^KP[ie]\.\d{3}$/.test(ref)) throw new Error(`entries file: unexpected reference number ${JSON.stringify(e.reference_number)}`);
    if (seen.has(ref)) throw new Error(`entries file: duplicate reference number ${ref}`);
    seen.add(ref);
    const name = cleanName(e.name);
    const aliases = [];
    const keys = new Set([name.toLowerCase()]);
    const add = (alias) => {
      if (alias === '' || keys.has(alias.toLowerCase())) return;
      keys.add(alias.toLowerCase());
      aliases.push(alias);
    };
    const listed = (e.aliases ?? []).map((a) => cleanName(typeof a === 'string' ? a : a.alias_name));
    listed.forEach(add);
    // Derived: a name or alias that ends in a bracketed abbreviation, "FOREIGN TRADE BANK (FTB)",
    // is also matchable without it, "FOREIGN TRADE BANK". Added after the listed aliases.
    for (const n of [name, ...listed]) {
      const m = /^(.*\S)\s*\(([A-Z]{2,8})\)$/.exec(n);
      if (m) add(m[1].replace(/[,\s]+$/, ''));
    }
    const entry = {
      ref,
      type: String(e.type ?? '')
        .trim()
        .toLowerCase(),
      name,
      aliases,
    };
    const listedOn = String(e.listed_on ?? '').trim();
    if (listedOn) {
      if (!isDay(listedOn)) throw new Error(`entries file: ${ref} has listed_on ${JSON.stringify(listedOn)}`);
      entry.listedOn = listedOn;
    }
    return entry;
  });
  return entries.sort((a, b) => byString(a.ref, b.ref));
}

function buildVessels(rows) {
  const vessels = [];
  const skipped = [];
  const seen = new Set();
  for (const r of rows) {
    const imo = String(r.imo_number ?? '').trim();
    const names = [];
    for (const n of String(r.all_names ?? r.primary_name ?? '').split('|')) {
      const name = cleanName(n);
      if (name && !names.some((x) => x.toLowerCase() === name.toLowerCase())) names.push(name);
    }
    if (!/^\d{7}$/.test(imo)) {
      skipped.push(names[0] ?? `row ${r.list_no}`);
      continue;
    }
    if (seen.has(imo)) throw new Error(`vessels file: duplicate IMO number ${imo}`);
    seen.add(imo);
    const measures = [];
    for (const [column, label] of MEASURE_COLUMNS) {
      if (
        String(r[column] ?? '')
          .trim()
          .toLowerCase() === 'yes'
      )
        measures.push(label);
    }
    // A second designation row (HAO FAN 6) is written as "column=Yes; column=Yes".
    for (const part of String(r.second_designation_measures ?? '').split(/[;|]/)) {
      const [column, value] = part.split('=').map((s) => s.trim());
      const label = MEASURE_COLUMNS.find(([c]) => c === column)?.[1];
      if (label && String(value).toLowerCase() === 'yes' && !measures.includes(label)) measures.push(label);
    }
    const order = MEASURE_COLUMNS.map(([, l]) => l);
    measures.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const vessel = { imo, names };
    const listedOn = String(r.date_of_designation ?? '').trim();
    if (listedOn) {
      if (!isDay(listedOn)) throw new Error(`vessels file: IMO ${imo} has date ${JSON.stringify(listedOn)}`);
      vessel.listedOn = listedOn;
    }
    vessel.measures = measures;
    vessels.push(vessel);
  }
  vessels.sort((a, b) => byString(a.imo, b.imo));
  return { vessels, skipped };
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const rawEntries = JSON.parse(readFileSync(opts.entries, 'utf8'));
  const entries = buildEntries(rawEntries);
  const { vessels, skipped } = buildVessels(csvObjects(readFileSync(opts.vessels, 'utf8')));

  const generated = String(rawEntries?.meta?.dateGenerated ?? '');
  const date = generated.slice(0, 10) || basename(opts.entries).match(/\d{4}-\d{2}-\d{2}/)?.[0];
  if (!date || !isDay(date)) throw new Error('cannot tell the list date: no meta.dateGenerated and no date in the file name');
  const vesselsDate = opts.vesselsDate ?? basename(opts.vessels).match(/\d{4}-\d{2}-\d{2}/)?.[0];
  if (!vesselsDate || !isDay(vesselsDate)) throw new Error('cannot tell the vessel-list date: pass --vessels-date YYYY-MM-DD');

  const meta = rawEntries.meta ?? {};
  const origin = meta.source_repository
    ? ` (${meta.source_file ?? 'consolidated list'} in ${meta.source_repository}${meta.source_commit ? ` at ${meta.source_commit}` : ''})`
    : '';
  const source =
    `UN Security Council Consolidated List generated ${generated || date}${origin}, DPRK (1718) entries as extracted in ${basename(opts.entries)}; ` +
    `1718 Committee Designated Vessels List of ${vesselsDate} (https://main.un.org/securitycouncil/sites/default/files/1718_designated_vessels_list_final.pdf) as transcribed in ${basename(opts.vessels)}`;

  const out = {
    list: 'un-1718',
    title: 'UN Security Council 1718 Sanctions List (DPRK)',
    date,
    vesselsDate,
    source,
    entries,
    vessels,
  };
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, JSON.stringify(out, null, 2) + '\n');
  const individuals = entries.filter((e) => e.type === 'individual').length;
  process.stdout.write(
    `wrote ${opts.out}: ${entries.length} entries (${individuals} individuals, ${entries.length - individuals} entities), ` +
      `${vessels.length} vessels` +
      (skipped.length ? `; left out ${skipped.length} vessel(s) without an IMO number: ${skipped.join(', ')}` : '') +
      '\n',
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`build-un-lists: ${err.message}\n`);
    process.exit(1);
  }
}
