// Escaping for the HTML report: text, attributes, and links that are only links when safe.

import { escapeAttribute, escapeText } from './markup-escape.js';

export { escapeAttribute as attr, escapeText as text };

/** The address when it is an absolute http(s) URL, otherwise undefined: anything else (javascript:,
 * data:, relative paths) is shown as text, never followed. */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? trimmed : undefined;
  } catch {
    return undefined;
  }
}

/** A link to the address with the given label, or the label and the address as text when the
 * address is not http(s). */
export function link(url: string | undefined, label: string): string {
  const href = safeHttpUrl(url);
  if (href !== undefined) return `<a href="${escapeAttribute(href)}" rel="noreferrer">${escapeText(label)}</a>`;
  if (url === undefined || url === label) return escapeText(label);
  return `${escapeText(label)} <span class="url-text">(${escapeText(url)})</span>`;
}
