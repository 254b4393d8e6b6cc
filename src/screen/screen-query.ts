// One name to screen, with the qualifiers that raise or lower a candidate's score.
import type { ScreenKind } from './name-forms.js';

export interface ScreenQuery {
  id: string;
  name: string;
  kind?: ScreenKind;
  /** ISO 3166 code or country name. */
  country?: string;
  /** Date or year of birth, YYYY or YYYY-MM-DD. */
  born?: string;
  imo?: string;
}
