// One measurement of the benchmark, run in a child process of bench/run.mjs so that its peak
// memory is its own. Prints one JSON line: {records, ms, maxRssMb, ...}.
//   node bench/measure.mjs floor <records.ndjson>
//   node bench/measure.mjs reference <records.ndjson> <rules> <sample> <findings.ndjson>
//   node bench/measure.mjs check <records.ndjson> <rules> <workers> <findings.ndjson>
import { createReadStream, createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const dist = new URL('../dist/', import.meta.url);
const load = (p) => import(new URL(p, dist).href);

const [mode, file, ...rest] = process.argv.slice(2);
const t0 = performance.now();
let extra = {};
let records = 0;

if (mode === 'floor') {
  // Reading and JSON.parse of every line, nothing else.
  let carry = '';
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20, encoding: 'utf8' })) {
    const lines = (carry + chunk).split('\n');
    carry = lines.pop();
    for (const line of lines)
      if (line.length > 0) {
        JSON.parse(line);
        records++;
      }
  }
  if (carry.length > 0) {
    JSON.parse(carry);
    records++;
  }
} else if (mode === 'reference') {
  // json-rules-engine used naively: one Engine holding every rule, one run per record; the rules
  // that fire (and whose dates reach the record) are turned into findings.
  const [rulesDir, sample, out] = rest;
  const { loadRules } = await load('load/load-rules.js');
  const { compileRule, makeEngine } = await load('compile/compile-rules.js');
  const { buildDesignationIndex } = await load('compile/designation-index.js');
  const { deriveFacts } = await load('compile/derive-facts.js');
  const { createEvaluator } = await load('evaluate/evaluate-records.js');
  const { parseNdjsonLine } = await load('load/record-file.js');
  const { validateRecord } = await load('validate/validate-record.js');
  const { relateToWindow } = await load('dates/date-span.js');
  const { displayPath } = await load('load/input-paths.js');
  const name = displayPath(path.resolve(file));
  const ruleSet = loadRules([rulesDir]).value;
  const compiled = ruleSet.rules.map(compileRule);
  const engine = makeEngine(compiled.map((c) => c.main));
  const index = buildDesignationIndex(ruleSet.lists);
  const evaluator = createEvaluator(ruleSet);
  const byId = new Map(ruleSet.rules.map((r) => [r.rule.id, r.rule]));
  const limit = Number(sample);
  const findings = [];
  let text = '';
  let lineNo = 0;
  const tStart = performance.now();
  outer: for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20, encoding: 'utf8' })) {
    const lines = (text + chunk).split('\n');
    text = lines.pop();
    for (const line of lines) {
      lineNo++;
      if (records >= limit) break outer;
      if (line.trim() === '') continue;
      const raw = parseNdjsonLine(line, lineNo, name);
      if ('code' in raw) continue;
      const { loaded } = validateRecord(raw, new Map());
      if (!loaded) continue;
      records++;
      const { results } = await engine.run(deriveFacts(loaded.record, index));
      const fired = results
        .map((r) => String(r.name))
        .filter((id) => relateToWindow(loaded.span, byId.get(id).applies.from, byId.get(id).applies.until) !== 'outside')
        .sort();
      for (const id of fired) {
        const { finding } = await evaluator.evaluatePair(loaded, id);
        findings.push(JSON.stringify(finding) + '\n');
      }
    }
  }
  extra = { rules: ruleSet.rules.length, loopMs: performance.now() - tStart };
  writeFileSync(out, findings.join(''));
} else if (mode === 'check') {
  // The command line, in this process: sanctions-check check <file> --format ndjson --workers N.
  const [rulesDir, workers, out] = rest;
  const { run } = await load('cli/run.js');
  const sink = createWriteStream(out);
  let stderr = '';
  const code = await run(['check', file, '--rules', rulesDir, '--format', 'ndjson', '--workers', workers, '--fail-on', 'none'], {
    stdout: sink,
    stderr: { write: (s) => (stderr += s), isTTY: false },
    env: {},
  });
  sink.end();
  await once(sink, 'finish');
  if (code !== 0) {
    console.error(stderr);
    process.exit(1);
  }
  extra = { exit: code };
} else {
  console.error('usage: measure.mjs floor|reference|check ...');
  process.exit(2);
}

const ms = performance.now() - t0;
console.log(JSON.stringify({ mode, records, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, ...extra }));
