// Drafts every article of the drafting dev set (tests/fixtures/draft-dev), the bundled case and the
// held-out set (tests/fixtures/draft-heldout),
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
const dev = readdirSync(devDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const devScores = dev.map((name) => scoreCaseFolder(join(devDir, name), name, list));
const bundled = scoreCaseFolder(join(root, 'cases/2023-11-dprk-russia-commission'), 'bundled case', list, '2023-11-16');
const heldDir = join(root, 'tests/fixtures/draft-heldout');
const held = readdirSync(heldDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const heldScores = held.map((name) => scoreCaseFolder(join(heldDir, name), name, list));

process.stdout.write(`Dev set (${dev.length} articles)\n\n${formatScores(devScores)}\nBundled case\n\n${formatScores([bundled])}`);
process.stdout.write(`\nHeld-out set (${held.length} articles written for testing, not tuned on)\n\n${formatScores(heldScores)}`);
const t = totals(devScores);
const h = totals(heldScores);
const missed = [
  t.recall < 0.8 && `recall ${t.recall.toFixed(2)} < 0.8`,
  t.evidenceAgreement < 0.9 && `evidence agreement ${t.evidenceAgreement.toFixed(2)} < 0.9`,
  t.aboveHedges > 0 && `${t.aboveHedges} draft(s) above their source's hedges`,
  t.notVerbatim > 0 && `${t.notVerbatim} quote(s) not verbatim`,
  h.recall < 0.8 && `held-out recall ${h.recall.toFixed(2)} < 0.8`,
  h.evidenceAgreement < 0.9 && `held-out evidence agreement ${h.evidenceAgreement.toFixed(2)} < 0.9`,
  h.aboveHedges > 0 && `${h.aboveHedges} held-out draft(s) above their source's hedges`,
  h.notVerbatim > 0 && `${h.notVerbatim} held-out quote(s) not verbatim`,
].filter(Boolean);
if (missed.length) {
  process.stdout.write(`\nAims missed: ${missed.join('; ')}\n`);
  process.exitCode = 1;
}
