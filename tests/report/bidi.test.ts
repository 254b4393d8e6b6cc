// Bidirectional control characters in input never reorder what a report shows: every human-read
// format shows each one as a visible marker, so "AEROK" after a right-to-left override never reads
// as "KOREA".
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import type { Report } from '../../src/types.js';
import { sampleReport } from './fixtures.js';

const CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const RAW = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The sample report with bidirectional controls in the record id, summary, parties, message and quotes. */
function bidiReport(): Report {
  const report = sampleReport();
  const id = 'ship-\u202eAEROK';
  const first = report.findings[0]!;
  const recordId = first.recordId;
  const all = CONTROLS.join('x');
  report.findings = report.findings.map((f) =>
    f.recordId !== recordId
      ? f
      : {
          ...f,
          recordId: id,
          message: `Cargo for \u202eAEROK\u202c and ${all}`,
          evidenceDetail: {
            ...f.evidenceDetail,
            sources: f.evidenceDetail.sources.map((s) => ({ ...s, quote: `\u2067AEROK\u2069 ${all}` })),
          },
        },
  );
  report.activities = report.activities.map((a) =>
    a.id !== recordId ? a : { ...a, id, summary: `\u202eAEROK ${all}`, parties: [{ name: '\u202eAEROK', country: 'KP' }] },
  );
  return report;
}

describe('bidirectional controls in input', () => {
  const report = bidiReport();

  it('are shown as ⟨U+XXXX⟩ markers in the HTML report, never as themselves', () => {
    const html = renderHtml(report);
    expect(html).not.toMatch(RAW);
    expect(html).toContain('ship-\u27e8U+202E\u27e9AEROK');
    expect(html).toContain('Cargo for \u27e8U+202E\u27e9AEROK\u27e8U+202C\u27e9');
    for (const c of CONTROLS) expect(html).toContain(`\u27e8U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}\u27e9`);
  });

  it('are shown as \\uXXXX in the markdown and text reports', () => {
    // Markdown escapes the backslash itself ("\\u202e" renders as "\u202e").
    for (const out of [renderMarkdown(report).replaceAll('\\\\', '\\'), renderText(report, { color: false })]) {
      expect(out).not.toMatch(RAW);
      expect(out).toContain('ship-\\u202eAEROK');
      for (const c of CONTROLS) expect(out).toContain(`\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    }
  });

  it('are shown as markers in the JUnit report', () => {
    const xml = renderJunit(report, 'violation');
    expect(xml).not.toMatch(RAW);
    expect(xml).toContain('ship-\u27e8U+202E\u27e9AEROK');
  });
});
