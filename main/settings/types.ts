/** What the settings store, as plain types (the API contract and the renderer name them). */

/** A file in the recent list. */
export interface RecentFile {
  path: string;
  name: string;
  openedAt: string;
}
