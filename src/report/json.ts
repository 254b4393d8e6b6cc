// The JSON report: the contract other tools parse (fields may be added, never renamed or dropped).
import type { Report } from '../types.js';

export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
