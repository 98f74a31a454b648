/** Where the notes bundle goes under the export (see static-notes.mjs). */
export declare const STATIC_NOTES_DIR: string;
/** Where the static simulator page's bundle goes. */
export declare const STATIC_SIMULATOR_DIR: string;
/** The attribute on the module script the rewrite adds. */
export declare const STATIC_MARK: string;
/** A failure meant for the person running the build. */
export declare class StaticNotesError extends Error {}
/** `'/repo/'`, `'repo'` or `'/repo'` → `'/repo'`; unset → `''`. */
export declare function normalizeBase(raw: string | undefined): string;
/** One notes page without the Next.js runtime, loading the static bundle; throws StaticNotesError. */
export declare function rewriteNotePage(html: string, options: { base: string; entry: string; preload?: readonly string[]; prefetch?: readonly string[]; dir?: string }): string;
