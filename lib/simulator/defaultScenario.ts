/**
 * The built-in scenario a first visit of /simulator/ opens. Shared by the page (which renders
 * it at build time, so the first paint already shows its outcome) and the simulator island.
 */
export const DEFAULT_SCENARIO_ID = 'cross-account-external-id';

/**
 * Runs in the page before the build-time preview is parsed. The preview is for a plain visit
 * that opens the default scenario; any other (a `?scenario=`/`?mine=` address, a share link, or
 * another scenario opened last in this browser, see lib/stores/drafts.ts) marks `<html>`, so CSS
 * hides the preview (out of sight and of the accessibility tree) instead of flashing the wrong
 * scenario or offering controls that do not work yet. Tiny and dependency-free, like the theme
 * script.
 * @param draftsKey the localStorage key of My scenarios (DRAFTS_KEY)
 */
export function previewGuardScript(draftsKey: string): string {
  const id = JSON.stringify(DEFAULT_SCENARIO_ID);
  return `(function(){var h=document.documentElement;try{var d=JSON.parse(localStorage.getItem(${JSON.stringify(draftsKey)})||'{}')||{},l=d.last;if(location.search||location.hash.length>1||(l&&!(l.kind==='builtin'&&l.id===${id})))h.classList.add('sim-no-preview');}catch(e){h.classList.add('sim-no-preview');}})();`;
}

/**
 * Scenario runs the fixes of one failed step may take. The simulator asks for one step's fixes
 * with this budget in the browser, and the build-time preview computes them with the same one,
 * so both offer the same fixes.
 */
export const FIX_BUDGET_RUNS = 16;

/** The id of the element that holds the simulator island (the static page hydrates it alone). */
export const SIMULATOR_ISLAND_ID = 'sim-island';

/** What the island's error boundary calls it ("The simulator failed…"). */
export const SIMULATOR_WHAT = 'The simulator';

/**
 * The localStorage key of "Hide outcomes until played" ('1' when on). The static page starts the
 * island at once when it is on, so the build-time outcomes do not stay on screen.
 */
export const HIDE_OUTCOMES_KEY = 'sts-sim:hide-outcomes';
