// Writes screening results as text, JSON, CSV or NDJSON (one line per query, in input order).
import type { ScreenMatch, ScreenQuery, Thresholds } from './screener.js';

export const SCREEN_FORMATS = ['text', 'json', 'csv', 'ndjson'] as const;
export type ScreenFormat = (typeof SCREEN_FORMATS)[number];

export interface ScreenResult {
  query: ScreenQuery;
  matches: ScreenMatch[];
}

export interface ScreenRun {
  list: { list: string; title: string; date: string }[];
  thresholds: Thresholds;
  results: ScreenResult[];
}

const csvCell = (s: string | number): string => {
  const t = String(s);
  return /[",\r\n]/.test(t) || /^[=+\-@\t]/.test(t) ? `"${t.replace(/^([=+\-@\t])/, "'$1").replace(/"/g, '""')}"` : t;
};

/** Control characters would let a name rewrite the terminal. */
const safe = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');

export function renderScreen(run: ScreenRun, format: ScreenFormat): string {
  switch (format) {
    case 'ndjson':
      return run.results.map((r) => JSON.stringify({ id: r.query.id, matches: r.matches }) + '\n').join('');
    case 'json':
      return (
        JSON.stringify(
          {
            lists: run.list,
            thresholds: run.thresholds,
            results: run.results.map((r) => ({ id: r.query.id, query: r.query, matches: r.matches })),
          },
          null,
          2,
        ) + '\n'
      );
    case 'csv': {
      const rows = [['id', 'query', 'ref', 'name', 'matchedName', 'score', 'decision', 'explanation']];
      for (const r of run.results) {
        if (r.matches.length === 0) rows.push([r.query.id, r.query.name, '', '', '', '', 'none', '']);
        for (const m of r.matches)
          rows.push([r.query.id, r.query.name, m.ref, m.name, m.matchedName, m.score.toFixed(3), m.decision, m.explanation.join(' | ')]);
      }
      return rows.map((r) => r.map(csvCell).join(',') + '\r\n').join('');
    }
    case 'text': {
      const out: string[] = [];
      out.push(
        `Screened against ${run.list.map((l) => `${l.title} of ${l.date}`).join('; ')} (match >= ${run.thresholds.match}, possible >= ${run.thresholds.possible})`,
      );
      for (const r of run.results) {
        out.push(
          '',
          `${safe(r.query.id)}: ${safe(r.query.name)} — ${r.matches.length === 0 ? 'no match' : `${r.matches.length} candidate(s)`}`,
        );
        for (const m of r.matches) {
          out.push(`  ${m.decision.toUpperCase()} ${m.score.toFixed(3)}  ${m.ref} ${safe(m.name)}`);
          for (const e of m.explanation) out.push(`      ${safe(e)}`);
        }
      }
      const matched = run.results.filter((r) => r.matches.some((m) => m.decision === 'match')).length;
      const possible = run.results.filter((r) => r.matches.length > 0).length - matched;
      out.push('', `${run.results.length} name(s) screened: ${matched} match, ${possible} possible only`);
      return out.join('\n') + '\n';
    }
  }
}
