// The report the browser test opens: the hand-built sample with its hostile record.

import type { Report } from '../../src/types.js';
import { sampleReport } from '../report/fixtures.js';

export function loadBrowserTestReport(): Report {
  return sampleReport();
}
