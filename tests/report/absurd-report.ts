// A report no case would give: many records whose dates run from the year 1000 to 9999, for the
// timeline's and the page's limits.
import type { ActivitySummary, Report } from '../../src/types.js';
import { sampleReport } from './fixtures.js';

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** The sample report with `count` more activities spread over 1000–9999: points, months, years and
 * ranges of up to a few thousand years, deterministic. */
export function absurdReport(count: number): Report {
  const report = sampleReport();
  const extra: ActivitySummary[] = [];
  let seed = 7;
  const next = (limit: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % limit;
  };
  for (let i = 0; i < count; i++) {
    const first = 1000 + next(9000);
    const kind = i % 4;
    const last = kind === 3 ? Math.min(9999, first + next(3000)) : first;
    const month = 1 + next(12);
    const start = kind === 2 ? `${first}-01-01` : `${first}-${pad(month, 2)}-01`;
    const end = kind === 0 ? start : kind === 1 ? `${first}-${pad(month, 2)}-28` : `${last}-12-31`;
    extra.push({
      id: `far-record-${pad(i, 4)}-with-a-rather-long-identifier`,
      type: 'other',
      summary: `Activity ${i}`,
      date: {
        text: kind === 0 ? start : `${start} to ${end}`,
        precision: kind === 0 ? 'day' : kind === 1 ? 'month' : kind === 2 ? 'year' : 'range',
        start,
        end,
      },
      evidence: 'reported',
      location: { file: 'cases/far/records.yaml', line: 1 + i * 10, column: 3 },
      parties: [
        { name: `Company number ${i} of a very long registered name without spaces_${'x'.repeat(40)}`, country: 'KP', role: 'supplier' },
      ],
    });
  }
  return { ...report, records: report.records + count, activities: [...report.activities, ...extra] };
}
