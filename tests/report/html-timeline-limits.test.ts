// The timeline copes with absurd input: a thousand records dated from the year 1000 to 9999 give a
// small SVG with a few dozen grid lines, one mark per record, and no label that can overlap another.
import { memorySource } from '../../src/report/report-source.js';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { DENSE_ACTIVITIES, renderTimeline } from '../../src/report/html-timeline.js';
import { ticksFor } from '../../src/report/html-timeline-scale.js';
import { absurdReport } from './absurd-report.js';

const svgOf = (figure: string): string => /<svg[\s\S]*<\/svg>/.exec(figure)?.[0] ?? '';

describe('timeline limits', () => {
  it('draws 1,000 records over 1000–9999 in under 200 KB of SVG, one mark each', () => {
    const report = absurdReport(1000);
    const svg = svgOf(renderTimeline(memorySource(report)));
    const bytes = Buffer.byteLength(svg);
    expect(bytes).toBeLessThan(200_000);
    const marks = svg.match(/data-record-id="/g) ?? [];
    expect(marks).toHaveLength(report.activities.length);
    expect(svg).toContain('Activities and resolutions, 1000–9999');
    // Bounded height: a capped number of thin lanes.
    const height = Number(/viewBox="0 0 960 (\d+)"/.exec(svg)?.[1]);
    expect(height).toBeLessThan(1200);
    console.log(`timeline of ${report.activities.length} records, 1000–9999: ${bytes} bytes of SVG, ${height} px high`);
  });

  it('labels only dense-enough years and draws few grid lines over nine millennia', () => {
    const ticks = ticksFor({ firstYear: 1000, lastYear: 9999 });
    expect(ticks.length).toBeLessThanOrEqual(20);
    const labels = ticks.filter((t) => t.label !== '');
    expect(labels.length).toBeGreaterThan(4);
    expect(labels.length).toBeLessThanOrEqual(16);
    // A label is about 26 px wide; 904 px over nine thousand years leaves each more than twice that.
    expect(904 / labels.length).toBeGreaterThan(52);
    expect(ticksFor({ firstYear: 1990, lastYear: 2030 }).length).toBe(42);
  });

  it('writes no activity label and no tooltip per record when dense, and says so', () => {
    const figure = renderTimeline(memorySource(absurdReport(DENSE_ACTIVITIES + 1)));
    expect(figure).not.toContain('class="tl-label');
    expect(figure).toContain('tl-dense');
    expect(figure).toContain(`With more than ${DENSE_ACTIVITIES} activities, each is a thin unlabelled mark`);
    const few = renderTimeline(memorySource(absurdReport(10)));
    expect(few).toContain('class="tl-label');
  });

  it('keeps the whole page reasonable', () => {
    const html = renderHtml(absurdReport(1000));
    expect(Buffer.byteLength(html)).toBeLessThan(2_000_000);
  });
});
