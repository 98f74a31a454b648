import { THEME_STORAGE_KEY } from '@/components/layout/theme';

/**
 * The `type` that parks a Next.js script tag on a reading page: the browser neither fetches nor
 * runs it. scripts/defer-notes-runtime.mjs (after `next build`) rewrites the note pages' script
 * tags to `<script type="sts/deferred" data-src="…">`; {@link deferredRuntimeScript} restores them.
 */
export const DEFERRED_SCRIPT_TYPE = 'sts/deferred';

/** The events that mean the reader is about to do more than read: any of them loads the runtime. */
const wakeEvents = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'focusin', 'wheel'];

/**
 * Runs inline on every notes page. A note reads in full from its HTML; React and the Next.js
 * runtime (about 140 kB of JavaScript) are only needed for the search box, the diagrams and the
 * theme switch. So the page loads them when the reader first interacts (pointer, touch, key,
 * focus, wheel) or when a diagram comes near the viewport, not during the first paint. Until
 * then this script keeps the theme switch working and showing the stored choice (the same
 * logic as components/layout/theme.ts). Pages whose scripts were not parked (`next dev`) are
 * left alone. Tiny and dependency-free, like the theme script.
 */
export const deferredRuntimeScript = `(function(){var d=document,w=window,sel='script[type="${DEFERRED_SCRIPT_TYPE}"]',K=${JSON.stringify(
  THEME_STORAGE_KEY,
)},ev=${JSON.stringify(wakeEvents)},done=0,io;if(!d.querySelector(sel))return;
function load(){if(done)return;done=1;ev.forEach(function(t){w.removeEventListener(t,load,true)});if(io)io.disconnect();var l=d.querySelectorAll(sel);for(var i=0;i<l.length;i++){var o=l[i],s=d.createElement('script');s.src=o.getAttribute('data-src');s.async=true;o.parentNode.replaceChild(s,o)}}
function pressed(p){var b=d.querySelectorAll('[data-theme-pref]');for(var i=0;i<b.length;i++)b[i].setAttribute('aria-pressed',String(b[i].getAttribute('data-theme-pref')===p))}
var t='system';try{var v=localStorage.getItem(K);if(v==='light'||v==='dark')t=v}catch(e){}pressed(t);
d.addEventListener('click',function(e){var b=e.target&&e.target.closest&&e.target.closest('[data-theme-pref]');if(!b)return;var p=b.getAttribute('data-theme-pref');try{if(p==='system')localStorage.removeItem(K);else localStorage.setItem(K,p)}catch(x){}if(p==='system')delete d.documentElement.dataset.theme;else d.documentElement.dataset.theme=p;pressed(p)});
ev.forEach(function(t){w.addEventListener(t,load,{capture:true,passive:true})});
function watch(){var c=d.querySelectorAll('.diagram__canvas[data-source]');if(!c.length||!w.IntersectionObserver)return;io=new IntersectionObserver(function(es){for(var i=0;i<es.length;i++)if(es[i].isIntersecting)return load()},{rootMargin:'400px 0px'});for(var i=0;i<c.length;i++)io.observe(c[i])}
if(d.readyState==='loading')d.addEventListener('DOMContentLoaded',watch);else watch()})();`;
