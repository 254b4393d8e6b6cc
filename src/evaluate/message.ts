// Fills a rule's message template ({{record.id}}, {{facts.supplierCountries}}) from a record.
import { resolvePath } from '../compile/path-resolver.js';

function show(v: unknown): string {
  if (v === undefined || v === null || v === '') return '(unknown)';
  if (Array.isArray(v)) return v.length === 0 ? '(none)' : v.map(show).join(', ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.from === 'string' && typeof o.to === 'string') return `${o.from} to ${o.to}`;
    if (typeof o.name === 'string') return o.name;
    return JSON.stringify(v);
  }
  return String(v);
}

export function fillMessage(template: string, context: Record<string, unknown>): string {
  return template.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_, path: string) => show(resolvePath(context, `$.${path}`)));
}
