import { h } from './dom.js'

/*
 * The widget's styles, inside its shadow root. Hosts theme it with --sg-* custom properties
 * and ::part(); it follows the reader's colour scheme, reduced motion and forced colours.
 * Text is never below 16px and every target is at least 44px high.
 */
const CSS = `
:host{display:block;--t:var(--sg-text,#1b1b1b);--b:var(--sg-background,#fff);--m:var(--sg-muted,#4a4a4a);--l:var(--sg-link,#0b57d0);--r:var(--sg-border,#767676);--e:var(--sg-emergency,#a4001d);--et:var(--sg-emergency-text,#fff);--x:var(--sg-exit,#ffdd00);--xt:var(--sg-exit-text,#0b0c0c);--ob:#e6f4ea;--ot:#0b5a27;--cb:#eceff1;--ct:#37474f;--ub:#fff4d6;--ut:#5c4300}
@media (prefers-color-scheme:dark){:host{--t:var(--sg-text,#f1f1f1);--b:var(--sg-background,#1e1e1e);--m:var(--sg-muted,#c8c8c8);--l:var(--sg-link,#9ec3ff);--r:var(--sg-border,#9a9a9a);--e:var(--sg-emergency,#ffb4ab);--et:var(--sg-emergency-text,#1e1e1e);--ob:#0f3d1f;--ot:#b6e3c2;--cb:#33373a;--ct:#e8eaed;--ub:#3d2e00;--ut:#fde293}}
.sg{font:max(16px,1rem)/1.5 var(--sg-font,system-ui,sans-serif);color:var(--t);background:var(--b);border:1px solid var(--r);border-radius:var(--sg-radius,8px);padding:1rem;overflow-wrap:anywhere}
h2,h3,h4{line-height:1.25;margin:1rem 0 .5rem}h2{font-size:1.375em}h3{font-size:1.125em}h4{font-size:1em}
p{margin:.5rem 0}ul,ol{margin:.5rem 0;padding-left:1.5rem}
a{color:var(--l)}.small{color:var(--m)}
.top{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-start;justify-content:space-between}
.emergency{flex:1 1 14rem;margin:0;font-weight:700;border-left:6px solid var(--e);padding-left:.75rem}
.emergency a,.exit button,.postcode button{display:inline-flex;align-items:center;min-height:44px;padding:0 1rem;margin-top:.25rem;border-radius:4px;font:inherit;font-weight:700;text-decoration:none}
.emergency a{background:var(--e);color:var(--et)}
.exit{flex:0 1 18rem}.exit p{margin:.25rem 0;font-size:1rem}
.exit button{background:var(--x);color:var(--xt);border:2px solid var(--xt);cursor:pointer}
.steps{padding:0;list-style:none}.step{border-top:1px solid var(--r);padding-top:.25rem;margin-top:1rem}
.when{font-weight:700}.warn{color:var(--t)}
.contacts{padding:0;list-style:none}.contact{margin:.75rem 0}
.action{display:flex;flex-direction:column;justify-content:center;min-height:44px;margin:0;padding:.25rem .75rem;border:1px solid var(--r);border-radius:4px}
a.action .label{text-decoration:underline}.value{font-weight:700}.off{border-style:dashed}.note{color:var(--m)}
.meta{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center;color:var(--m)}
.badge{padding:0 .5rem;border-radius:4px;font-weight:700}.open{background:var(--ob);color:var(--ot)}.closed{background:var(--cb);color:var(--ct)}.unknown{background:var(--ub);color:var(--ut)}
.more{display:inline-flex;align-items:center;min-height:44px}
.council{border-left:4px solid var(--r);padding-left:.75rem}
.postcode label{display:block;font-weight:700}.row{display:flex;flex-wrap:wrap;gap:.5rem}
.postcode input{font:inherit;min-height:44px;box-sizing:border-box;width:9em;padding:0 .5rem;border:2px solid var(--t);border-radius:4px;color:var(--t);background:var(--b)}
.postcode button{background:var(--l);color:var(--b);border:0;cursor:pointer}
.error{color:var(--e);font-weight:700}
:focus-visible{outline:3px solid var(--l);outline-offset:2px}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important;scroll-behavior:auto!important}}
@media (forced-colors:active){.badge,.action,.emergency a,button{border:2px solid}:focus-visible{outline-color:Highlight}}
`

let sheet: CSSStyleSheet | undefined

/**
 * Styles a shadow root. A constructed stylesheet is not inline style, so a host page's strict
 * CSP (no 'unsafe-inline') lets it apply; browsers without one get a <style> element.
 */
export function adoptStyles (root: ShadowRoot): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    sheet ??= new CSSStyleSheet()
    if (sheet.cssRules.length === 0) sheet.replaceSync(CSS)
    root.adoptedStyleSheets = [sheet]
  } else {
    root.append(h('style', {}, CSS))
  }
}
