// The report the browser test opens: the article case, checked against the shipped rules, with a
// hostile record added so that the test also proves input cannot run script in the page.

import { runCheck } from '../../src/pipeline.js';
import type { Report } from '../../src/types.js';
import { addHostileRecord } from '../report/fixtures.js';

export async function loadBrowserTestReport(): Promise<Report> {
  const { report } = await runCheck({ records: ['cases/2023-11-dprk-russia-commission'] });
  return addHostileRecord(report);
}
