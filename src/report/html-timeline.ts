// The timeline of the HTML report: an inline SVG with resolution adoptions, deadlines, and each
// activity placed by its date span and coloured by the most severe outcome of its findings. When the
// activities cover less than half of the years the resolutions do, a context strip shows every
// resolution and a detail chart below it shows the activities' years.

import type { ActivitySummary, Finding, Milestone, Report } from '../types.js';
import type { ActivityListing, ReportSource } from './report-source.js';
import { resolutionLabel } from './citation.js';
import { attr, text } from './html-escape.js';
import {
  dayNumber,
  type Domain,
  domainOf,
  domainYears,
  linearScale,
  Rows,
  svgNumber as n,
  ticksFor,
  yearStart,
} from './html-timeline-scale.js';
import { type OutcomeOrNone, outcomesByRecord } from './outcome-rank.js';

const WIDTH = 960;
const PAD_X = 28;
const PLOT_LEFT = PAD_X;
const PLOT_RIGHT = WIDTH - PAD_X;
const LEGEND_HEIGHT = 28;
const HEADING_HEIGHT = 20;
const MILESTONE_ROW = 15;
const LANE = 22;
const MARK_HEIGHT = 10;
const AXIS_HEIGHT = 26;
const ZOOM_GAP = 26;
const FONT = 11;
/** A generous average glyph width for the report's sans-serif face at 11px, so that estimated label
 * widths never fall short of the drawn ones. */
const CHAR_WIDTH = 6.4;
const GAP = 6;
const MAX_LABEL_CHARS = 34;
/** Above this many activities the chart is dense: thin unlabelled marks in at most DENSE_LANES
 * lanes (overlapping ones share the last lane), so that the SVG stays small (about 120 bytes a
 * record) and no label can overlap another; the table below lists every record. */
export const DENSE_ACTIVITIES = 150;
const DENSE_LANES = 80;
const DENSE_LANE = 5;
const DENSE_MARK = 4;

const OUTCOME_LABEL: Record<OutcomeOrNone, string> = {
  violation: 'violation',
  review: 'review',
  exempt: 'exempt',
  none: 'no finding',
};

interface DatedMilestone {
  milestone: Milestone;
  day: number;
}

interface DatedActivity {
  activity: ActivitySummary;
  outcome: OutcomeOrNone;
  start: number;
  end: number;
}

interface Block {
  svg: string;
  height: number;
}

function labelWidth(label: string): number {
  return Math.ceil(label.length * CHAR_WIDTH);
}

function truncate(label: string): string {
  return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label;
}

function inDomain(day: number, domain: Domain): boolean {
  return day >= yearStart(domain.firstYear) && day < yearStart(domain.lastYear + 1);
}

/** The report's milestones, plus the adoption of any resolution a finding cites that the report's
 * timeline leaves out, in date order. */
function milestonesOf(report: Report, findings: Iterable<Finding>): DatedMilestone[] {
  const milestones = [...report.timeline];
  const adoptionDates = new Set(milestones.filter((m) => m.kind === 'adoption').map((m) => m.date));
  for (const finding of findings) {
    for (const provision of finding.provisions) {
      if (adoptionDates.has(provision.adopted)) continue;
      adoptionDates.add(provision.adopted);
      milestones.push({ date: provision.adopted, kind: 'adoption', label: `${resolutionLabel(provision)} adopted` });
    }
  }
  return milestones
    .map((milestone, index) => ({ milestone, index, day: dayNumber(milestone.date) }))
    .filter((m): m is { milestone: Milestone; index: number; day: number } => m.day !== undefined)
    .sort((a, b) => a.day - b.day || a.index - b.index)
    .map(({ milestone, day }) => ({ milestone, day }));
}

function legend(): string {
  const items: string[] = [];
  let x = PLOT_LEFT;
  const y = 12;
  for (const outcome of ['violation', 'review', 'exempt', 'none'] as const) {
    const label = OUTCOME_LABEL[outcome];
    items.push(
      `<rect class="tl-mark o-${outcome}" x="${n(x)}" y="${y - 5}" width="14" height="${MARK_HEIGHT}" rx="2"/>` +
        `<text x="${n(x + 19)}" y="${y + 4}">${label}</text>`,
    );
    x += 19 + labelWidth(label) + 16;
  }
  items.push(`<circle class="tl-mark o-none" cx="${n(x + 5)}" cy="${y}" r="4.5"/><text x="${n(x + 14)}" y="${y + 4}">one day</text>`);
  x += 14 + labelWidth('one day') + 16;
  items.push(
    `<rect class="tl-mark o-none" x="${n(x)}" y="${y - 5}" width="26" height="${MARK_HEIGHT}" rx="2"/><text x="${n(x + 31)}" y="${y + 4}">month, year or range</text>`,
  );
  x += 31 + labelWidth('month, year or range') + 16;
  items.push(
    `<line class="tl-adoption-line" x1="${n(x)}" y1="${y - 7}" x2="${n(x)}" y2="${y + 7}"/><text x="${n(x + 6)}" y="${y + 4}">resolution adopted</text>`,
  );
  x += 6 + labelWidth('resolution adopted') + 16;
  items.push(
    `<line class="tl-deadline-line" x1="${n(x)}" y1="${y - 7}" x2="${n(x)}" y2="${y + 7}"/><text x="${n(x + 6)}" y="${y + 4}">deadline</text>`,
  );
  return `<g class="tl-legend">${items.join('')}</g>`;
}

function tooltip(activity: ActivitySummary, outcome: OutcomeOrNone): string {
  return [
    activity.summary ? `${activity.id}: ${activity.summary}` : activity.id,
    `${activity.date.text} (${activity.date.start} to ${activity.date.end})`,
    `${activity.type}; evidence ${activity.evidence}; ${OUTCOME_LABEL[outcome]}`,
  ].join('\n');
}

interface LabelPlace {
  x: number;
  anchor: 'start' | 'end';
  /** The label sits inside its extent (a wide bar), not beside it. */
  inside: boolean;
  from: number;
  to: number;
}

/** Where a label goes: beside its extent on the right, else on the left, else inside the extent. */
function placeLabel(x0: number, x1: number, width: number): LabelPlace {
  if (x1 + GAP + width <= WIDTH - 2) return { x: x1 + GAP, anchor: 'start', inside: false, from: x0, to: x1 + GAP + width };
  if (x0 - GAP - width >= 2) return { x: x0 - GAP, anchor: 'end', inside: false, from: x0 - GAP - width, to: x1 };
  const x = Math.max(x0, PLOT_LEFT) + GAP;
  return { x, anchor: 'start', inside: true, from: x0, to: Math.max(x1, x + width) };
}

/** One chart: a heading, milestone labels in rows, activity lanes, and the axis. */
function chart(
  domain: Domain,
  heading: string,
  milestones: readonly DatedMilestone[],
  activities: readonly DatedActivity[],
  window?: Domain,
): Block & { axisY: number; windowX?: [number, number] } {
  const scale = linearScale(domain, PLOT_LEFT, PLOT_RIGHT);
  const dense = activities.length > DENSE_ACTIVITIES;

  const milestoneRows = new Rows(GAP);
  const placedMilestones = milestones.map((m) => {
    const x = scale(m.day);
    const label = placeLabel(x - 3, x, labelWidth(m.milestone.label));
    return { ...m, x, label, row: milestoneRows.place(Math.min(label.from, x), Math.max(label.to, x)) };
  });

  const lanes = new Rows(dense ? 1 : GAP);
  const placedActivities = [...activities]
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.activity.id < b.activity.id ? -1 : a.activity.id > b.activity.id ? 1 : 0))
    .map((a) => {
      const point = a.activity.date.precision === 'day' || a.start === a.end;
      let x0 = scale(a.start);
      let x1 = scale(a.end + 1);
      const half = dense ? (x1 - x0 < 3 ? 1.5 : 0) : point ? 5 : x1 - x0 < 4 ? 2 : 0;
      if (half > 0) [x0, x1] = [(x0 + x1) / 2 - half, (x0 + x1) / 2 + half];
      const name = truncate(a.activity.id);
      if (dense) {
        const label: LabelPlace = { x: x0, anchor: 'start', inside: false, from: x0, to: x1 };
        return { ...a, point, x0, x1, name, label, lane: Math.min(lanes.place(x0, x1), DENSE_LANES - 1) };
      }
      const label = placeLabel(x0, x1, labelWidth(name));
      return { ...a, point, x0, x1, name, label, lane: lanes.place(label.from, label.to) };
    });
  const laneCount = dense ? Math.min(lanes.count, DENSE_LANES) : lanes.count;
  const laneHeight = dense ? DENSE_LANE : LANE;

  const headingY = 14;
  const milestoneTop = HEADING_HEIGHT + 4;
  const lanesTop = milestoneTop + milestoneRows.count * MILESTONE_ROW + 6;
  const axisY = lanesTop + (laneCount > 0 ? laneCount * laneHeight + 4 : 10);
  const height = axisY + AXIS_HEIGHT;

  const windowX = window ? ([scale(yearStart(window.firstYear)), scale(yearStart(window.lastYear + 1))] as [number, number]) : undefined;
  const parts: string[] = [`<text class="tl-heading" x="${PLOT_LEFT}" y="${headingY}">${text(heading)}</text>`];
  if (windowX) {
    parts.push(
      `<rect class="tl-window" x="${n(windowX[0])}" y="${milestoneTop - 4}" width="${n(windowX[1] - windowX[0])}" height="${n(axisY - milestoneTop + 4)}"/>`,
    );
  }

  const grid: string[] = [];
  const ticks: string[] = [];
  for (const tick of ticksFor(domain)) {
    const x = n(scale(tick.day));
    grid.push(`<line class="${tick.major ? 'major' : 'minor'}" x1="${x}" y1="${milestoneTop - 4}" x2="${x}" y2="${axisY}"/>`);
    ticks.push(`<line x1="${x}" y1="${axisY}" x2="${x}" y2="${axisY + (tick.major ? 5 : 3)}"/>`);
    if (tick.label)
      ticks.push(`<text x="${x}" y="${axisY + 17}" text-anchor="middle"${tick.major ? ' class="major"' : ''}>${tick.label}</text>`);
  }
  parts.push(`<g class="tl-grid">${grid.join('')}</g>`);

  parts.push(
    `<g class="tl-milestones">${placedMilestones
      .map(({ milestone, x, label, row }) => {
        const labelY = milestoneTop + row * MILESTONE_ROW + 10;
        return (
          `<g class="tl-milestone tl-${milestone.kind}"><title>${text(`${milestone.date}: ${milestone.label}`)}</title>` +
          `<line x1="${n(x)}" y1="${labelY - 9}" x2="${n(x)}" y2="${axisY}"/>` +
          `<text x="${n(label.x)}" y="${labelY}" text-anchor="${label.anchor}">${text(milestone.label)}</text></g>`
        );
      })
      .join('')}</g>`,
  );
  parts.push(`<line class="tl-axis" x1="${PLOT_LEFT}" y1="${axisY}" x2="${PLOT_RIGHT}" y2="${axisY}"/>`);
  parts.push(`<g class="tl-ticks">${ticks.join('')}</g>`);
  if (dense) {
    // One small mark per record, coloured through its data-outcome: no label, no tooltip.
    parts.push(
      `<g class="tl-activities tl-dense">${placedActivities
        .map((d) => {
          const y = lanesTop + d.lane * DENSE_LANE + (DENSE_LANE - DENSE_MARK) / 2;
          return (
            `<g class="tl-activity" data-record-id="${attr(d.activity.id)}" data-outcome="${d.outcome}">` +
            `<rect x="${n(d.x0)}" y="${n(y)}" width="${n(d.x1 - d.x0)}" height="${DENSE_MARK}"/></g>`
          );
        })
        .join('')}</g>`,
    );
    return { svg: parts.join(''), height, axisY, windowX };
  }
  parts.push(
    `<g class="tl-activities">${placedActivities
      .map((d) => {
        const cy = lanesTop + d.lane * LANE + LANE / 2;
        // A bar wide enough to hold its label is drawn tinted and taller, with the label inside.
        const barHeight = d.label.inside ? LANE - 6 : MARK_HEIGHT;
        const shape = d.point
          ? `<circle class="tl-mark o-${d.outcome}" cx="${n((d.x0 + d.x1) / 2)}" cy="${n(cy)}" r="5"/>`
          : `<rect class="tl-mark o-${d.outcome}${d.label.inside ? ' tl-wide' : ''}" x="${n(d.x0)}" y="${n(cy - barHeight / 2)}" width="${n(d.x1 - d.x0)}" height="${barHeight}" rx="2"/>`;
        return (
          `<g class="tl-activity" data-record-id="${attr(d.activity.id)}" data-outcome="${d.outcome}">` +
          `<title>${text(tooltip(d.activity, d.outcome))}</title>${shape}` +
          `<text class="tl-label${d.label.inside ? ' tl-inside' : ''}" x="${n(d.label.x)}" y="${n(cy + 4)}" text-anchor="${d.label.anchor}">${text(d.name)}</text></g>`
        );
      })
      .join('')}</g>`,
  );
  return { svg: parts.join(''), height, axisY, windowX };
}

function yearsText(domain: Domain): string {
  return domain.firstYear === domain.lastYear ? String(domain.firstYear) : `${domain.firstYear}–${domain.lastYear}`;
}

/** The timeline as a figure holding an inline SVG. Each activity is one `g[data-record-id]`. */
export function renderTimeline(source: ReportSource, listing: ActivityListing = 'all'): string {
  const { report } = source;
  const milestones = milestonesOf(report, source.findings());
  const activities: DatedActivity[] = [];
  let undated = 0;
  for (const { activity, findings } of listing === 'all' ? source.records() : source.withFindings()) {
    const outcomes = outcomesByRecord(findings);
    const start = dayNumber(activity.date.start);
    const end = dayNumber(activity.date.end);
    if (start === undefined || end === undefined) {
      undated += 1;
      continue;
    }
    const outcome = outcomes.get(activity.id)?.outcome ?? 'none';
    activities.push({ activity, outcome, start, end: Math.max(start, end) });
  }
  const activityDays = activities.flatMap((a) => [a.start, a.end]);
  const allDays = [...activityDays, ...milestones.map((m) => m.day)];
  if (allDays.length === 0) {
    return '<figure class="timeline"><p class="empty">No dated activities or milestones to draw.</p></figure>';
  }

  const full = domainOf(allDays);
  const detail = activityDays.length > 0 ? domainOf(activityDays) : undefined;
  const zoom = detail !== undefined && domainYears(detail) * 2 <= domainYears(full);

  const blocks: string[] = [];
  let y = LEGEND_HEIGHT;
  if (zoom && detail) {
    const context = chart(full, `Resolutions and deadlines, ${yearsText(full)}`, milestones, [], detail);
    blocks.push(`<g class="tl-context" transform="translate(0 ${y})">${context.svg}</g>`);
    const [wx0, wx1] = context.windowX ?? [PLOT_LEFT, PLOT_RIGHT];
    const top = y + context.height - 4;
    const bottom = y + context.height + ZOOM_GAP - 6;
    blocks.push(
      `<polygon class="tl-zoom" points="${n(wx0)},${n(top)} ${n(wx1)},${n(top)} ${PLOT_RIGHT},${n(bottom)} ${PLOT_LEFT},${n(bottom)}"/>`,
    );
    y += context.height + ZOOM_GAP;
    const within = milestones.filter((m) => inDomain(m.day, detail));
    const main = chart(detail, `Activities, ${yearsText(detail)}`, within, activities);
    blocks.push(`<g class="tl-detail" transform="translate(0 ${y})">${main.svg}</g>`);
    y += main.height;
  } else {
    const main = chart(full, `Activities and resolutions, ${yearsText(full)}`, milestones, activities);
    blocks.push(`<g class="tl-detail" transform="translate(0 ${y})">${main.svg}</g>`);
    y += main.height;
  }

  const description =
    `${activities.length} activities and ${milestones.length} adoption dates and deadlines, ${yearsText(full)}.` +
    (undated > 0 ? ` ${undated} activities without a readable date are not drawn.` : '') +
    (listing === 'findings' && report.records > source.recordsWithFindings
      ? ` Only activities with findings are drawn: ${report.records - source.recordsWithFindings} without are not (--list-activities all draws them).`
      : '') +
    (activities.length > DENSE_ACTIVITIES
      ? ` With more than ${DENSE_ACTIVITIES} activities, each is a thin unlabelled mark; the table of activities names them.`
      : '');
  return [
    '<figure class="timeline">',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${y}" width="${WIDTH}" height="${y}" role="img" aria-labelledby="tl-title tl-desc" font-size="${FONT}">`,
    `<title id="tl-title">Timeline of activities and resolutions</title><desc id="tl-desc">${text(description)}</desc>`,
    legend(),
    ...blocks,
    '</svg>',
    `<figcaption>${text(description)} Each mark is one record, coloured by its most severe finding${activities.length > DENSE_ACTIVITIES ? '' : '; hover it for details'}.</figcaption>`,
    '</figure>',
  ].join('\n');
}
