// The report the browser test opens: the hand-built sample, with its hostile record. Any report can
// stand here (e.g. one built from a case by runCheck); addHostileRecord keeps the hostile one in it.

import type { Report } from '../../src/types.js';
import { addHostileRecord, sampleReport } from '../report/fixtures.js';

export async function loadBrowserTestReport(): Promise<Report> {
  return addHostileRecord(sampleReport());
}
