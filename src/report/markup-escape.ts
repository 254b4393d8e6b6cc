// Text from input made safe for HTML and XML: terminal escapes and characters XML 1.0 forbids are
// removed, and the five markup characters are written as character references.

// CSI and OSC terminal sequences (colours, cursor moves, titles), e.g. "\u001b[31m".
const TERMINAL_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?)/g;

// Everything outside XML 1.0's Char production (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
// [#x10000-#x10FFFF]), lone surrogates included; plus DEL and the C1 controls, which HTML parsers
// report as errors and which print as nothing useful.
const FORBIDDEN_CHARACTERS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with terminal escape sequences and characters forbidden in XML 1.0 removed. */
export function cleanText(text: string): string {
  return text.replace(TERMINAL_SEQUENCE, '').replace(FORBIDDEN_CHARACTERS, '');
}

const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for element content: cleaned, with & < > " ' escaped. */
export function escapeText(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => REFERENCES[c] ?? c);
}

/** Text for a quoted attribute value: as escapeText, and line breaks and tabs kept as references
 * (an XML parser would otherwise turn them into spaces). */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}
