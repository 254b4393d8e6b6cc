// Drafts every article of the drafting dev set (tests/fixtures/draft-dev) and the bundled case,
// scores the drafts against the records made by hand, and prints the per-record and per-field tables.
// Run with `npm run eval:draft` (which builds first). Exit code 1 when an aim is missed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatScores, scoreCaseFolder, totals } from '../dist/draft/score.js';
import { parseDesignationList } from '../dist/load/designation-list.js';

const root = new URL('..', import.meta.url).pathname;
const listFile = join(root, 'rules/unsc-dprk/lists/un-1718.json');
const list = parseDesignationList(readFileSync(listFile, 'utf8'), listFile).list;
const devDir = join(root, 'tests/fixtures/draft-dev');
const dev = readdirSync(devDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const devScores = dev.map((name) => scoreCaseFolder(join(devDir, name), name, list));
const bundled = scoreCaseFolder(join(root, 'cases/2023-11-dprk-russia-commission'), 'bundled case', list, '2023-11-16');

process.stdout.write(`Dev set (${dev.length} articles)\n\n${formatScores(devScores)}\nBundled case\n\n${formatScores([bundled])}`);
const t = totals(devScores);
const missed = [
  t.recall < 0.8 && `recall ${t.recall.toFixed(2)} < 0.8`,
  t.evidenceAgreement < 0.9 && `evidence agreement ${t.evidenceAgreement.toFixed(2)} < 0.9`,
  t.aboveHedges > 0 && `${t.aboveHedges} draft(s) above their source's hedges`,
  t.notVerbatim > 0 && `${t.notVerbatim} quote(s) not verbatim`,
].filter(Boolean);
if (missed.length) {
  process.stdout.write(`\nAims missed on the dev set: ${missed.join('; ')}\n`);
  process.exitCode = 1;
}
