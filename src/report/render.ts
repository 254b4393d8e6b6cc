// Renders a report in the format asked for.
import type { Report } from '../types.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import type { FailOn } from './outcome-rank.js';
import { renderSarif } from './sarif.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

export const FORMATS = ['text', 'json', 'markdown', 'html', 'sarif', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  color?: boolean;
  failOn?: FailOn;
  /** With a baseline: only new findings fail (JUnit failures follow the exit code). */
  failOnNew?: boolean;
}

export function renderReport(report: Report, format: Format, opts: RenderOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(report, { color: opts.color ?? false });
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
    case 'sarif':
      return renderSarif(report);
    case 'junit':
      return renderJunit(report, opts.failOn ?? 'violation', { onlyNew: opts.failOnNew ?? false });
  }
}
