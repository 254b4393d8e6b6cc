// A strict reading of the markup the renderers write: every "<" must open a tag whose attributes are
// all double-quoted, so any markup smuggled in from input shows up as a tag here or as a parse error.

export interface Tag {
  name: string;
  closing: boolean;
  attributes: Map<string, string>;
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<]*")?)*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"<]*)")?/g;

/** Every tag in the document, in order. Throws at a "<" that does not open a well-formed tag. */
export function tagsOf(markup: string): Tag[] {
  const tags: Tag[] = [];
  let at = markup.indexOf('<');
  while (at !== -1) {
    if (markup.startsWith('<!DOCTYPE', at) || markup.startsWith('<?xml', at)) {
      at = markup.indexOf('<', markup.indexOf('>', at));
      continue;
    }
    TAG.lastIndex = at;
    const match = TAG.exec(markup);
    if (!match) throw new Error(`not a well-formed tag at ${at}: ${JSON.stringify(markup.slice(at, at + 80))}`);
    const attributes = new Map<string, string>();
    for (const [, name, value] of (match[3] ?? '').matchAll(ATTRIBUTE)) attributes.set(name as string, value ?? '');
    tags.push({ name: (match[2] as string).toLowerCase(), closing: match[1] === '/', attributes });
    at = markup.indexOf('<', TAG.lastIndex);
  }
  return tags;
}

/** Undoes the character references the renderers write. */
export function unescapeMarkup(value: string): string {
  return value
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
