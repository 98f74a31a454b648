/** The `type` of a parked script tag (see defer-notes-runtime.mjs). */
export declare const DEFERRED_SCRIPT_TYPE: string;
/** One notes page with its Next.js scripts parked, or undefined when it has no loader or nothing to park. */
export declare function deferPage(html: string): string | undefined;
