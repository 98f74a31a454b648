/** A message shown under the toolbar. */
export type Notice = { kind: 'info' | 'error'; text: string; details?: string[]; action?: { label: string; run: () => void } };

/** The panel open under the toolbar, if any. */
export type Panel = 'library' | 'aws' | null;

/** A share link and the text it holds: once the scenario changes, the link no longer shows it. */
export type SharedLink = { url: string; text: string };

/** What the page's hooks may change around the scenario: the notice, the open panel, the share link. */
export interface Chrome {
  setNotice: (notice: Notice | null) => void;
  setPanel: (panel: Panel) => void;
  setShareLink: (link: SharedLink | null) => void;
}
