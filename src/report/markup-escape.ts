// Text from input made safe for HTML and XML: terminal escapes and characters XML 1.0 forbids are
// removed, bidirectional controls are shown as visible markers, and the five markup characters are
// written as character references.

// CSI and OSC terminal sequences (colours, cursor moves, titles), e.g. "\u001b[31m".
const TERMINAL_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?)/g;

// Everything outside XML 1.0's Char production (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
// [#x10000-#x10FFFF]), lone surrogates included; plus DEL and the C1 controls, which HTML parsers
// report as errors and which print as nothing useful.
const FORBIDDEN_CHARACTERS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// Bidirectional formatting characters: embeddings and overrides (U+202A–U+202E), isolates
// (U+2066–U+2069) and the marks U+200E, U+200F and U+061C. Rendered as they are, an override turns
// "AEROK" into what reads as "KOREA"; each is shown as a marker such as "⟨U+202E⟩" instead.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text with each bidirectional control shown as a visible marker, e.g. "⟨U+202E⟩". */
export function showBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `\u27e8U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}\u27e9`);
}

/** The text with terminal escape sequences and characters forbidden in XML 1.0 removed, and
 * bidirectional controls made visible. */
export function cleanText(text: string): string {
  return showBidiControls(text.replace(TERMINAL_SEQUENCE, '').replace(FORBIDDEN_CHARACTERS, ''));
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
