// One-line text for a value from a rule or a record, as explanations show expected and actual values.

/** JSON for values, lists spaced after commas for reading, "(absent)" for undefined. */
export function valueText(value: unknown): string {
  if (value === undefined) return '(absent)';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : valueText(item))).join(', ')}]`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
