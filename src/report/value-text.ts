// One-line text for a value from a rule or a record, as explanations show expected and actual values.

/** JSON for values, "(absent)" for undefined. */
export function valueText(value: unknown): string {
  if (value === undefined) return '(absent)';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
