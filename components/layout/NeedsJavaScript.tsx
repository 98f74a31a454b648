import { withBase } from '@/lib/content/basePath';

/**
 * What a page that runs in the browser says when JavaScript is off: instead of a "Loading…"
 * that never ends, a plain sentence and a way on. `hide` is a CSS selector of the parts that
 * cannot work without it (their loading placeholders); `detail` says what still shows.
 */
export function NeedsJavaScript({ what, hide, detail }: { what: string; hide: string; detail?: string }) {
  return (
    <noscript>
      <style>{`${hide}{display:none!important}`}</style>
      <div className="needs-js" role="note">
        <p>
          <strong>{what} needs JavaScript</strong>, which is off or blocked in this browser. Turn it on and reload the page. The{' '}
          <a href={withBase('/notes/')}>study notes</a> work without it.
        </p>
        {detail && <p>{detail}</p>}
      </div>
    </noscript>
  );
}
