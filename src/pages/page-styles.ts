import { cspHash } from './html.js'

/*
 * The one stylesheet of the server-rendered pages (the no-JS help pages, their error page and
 * the demo), inline and allowed by its hash: the pages load nothing else. The same look as
 * the web component: 16px text at least, 44px targets, the reader's colour scheme.
 */
export const PAGE_CSS = `
:root{--t:#1b1b1b;--b:#fff;--m:#4a4a4a;--l:#0b57d0;--r:#767676;--e:#a4001d;--et:#fff;--x:#ffdd00;--xt:#0b0c0c;--ob:#e6f4ea;--ot:#0b5a27;--cb:#eceff1;--ct:#37474f;--ub:#fff4d6;--ut:#5c4300;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--t:#f1f1f1;--b:#1e1e1e;--m:#c8c8c8;--l:#9ec3ff;--r:#9a9a9a;--e:#ffb4ab;--et:#1e1e1e;--ob:#0f3d1f;--ot:#b6e3c2;--cb:#33373a;--ct:#e8eaed;--ub:#3d2e00;--ut:#fde293}}
body{margin:0;padding:1rem;font:max(16px,1rem)/1.5 system-ui,sans-serif;color:var(--t);background:var(--b);overflow-wrap:anywhere}
main{max-width:48rem;margin:0 auto}
h1,h2,h3{line-height:1.25;margin:1rem 0 .5rem}h1{font-size:1.5em}h2{font-size:1.25em}h3{font-size:1.0625em}
p{margin:.5rem 0}a{color:var(--l)}.small{color:var(--m)}
.top{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-start;justify-content:space-between}
.emergency{flex:1 1 14rem;margin:0;font-weight:700;border-left:6px solid var(--e);padding-left:.75rem}
.button{display:inline-flex;align-items:center;min-height:44px;padding:0 1rem;margin-top:.25rem;border-radius:4px;font-weight:700;text-decoration:none}
.call{background:var(--e);color:var(--et)}
.exit{flex:0 1 18rem}.exit p{margin:.25rem 0}.exit a{background:var(--x);color:var(--xt);border:2px solid var(--xt)}
.steps{padding:0;list-style:none}.step{border-top:1px solid var(--r);padding-top:.25rem;margin-top:1rem}
.when{font-weight:700}
.contacts{padding:0;list-style:none}.contact{margin:.75rem 0}
.action{display:flex;flex-direction:column;justify-content:center;min-height:44px;margin:0;padding:.25rem .75rem;border:1px solid var(--r);border-radius:4px}
a.action .label{text-decoration:underline}.value{font-weight:700}.off{border-style:dashed}.note{color:var(--m)}
.meta{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center;color:var(--m)}
.badge{padding:0 .5rem;border-radius:4px;font-weight:700}.open{background:var(--ob);color:var(--ot)}.closed{background:var(--cb);color:var(--ct)}.unknown{background:var(--ub);color:var(--ut)}
pre{overflow-x:auto;padding:.75rem;border:1px solid var(--r);border-radius:4px;white-space:pre-wrap}
code{font-family:ui-monospace,monospace;font-size:.95em}
table{border-collapse:collapse}td:first-child{white-space:nowrap}th,td{text-align:left;vertical-align:top;padding:.25rem .5rem;border-bottom:1px solid var(--r)}
iframe{width:100%;height:36rem;border:1px solid var(--r)}
.example{margin:1rem 0 2rem}
:focus-visible{outline:3px solid var(--l);outline-offset:2px}
@media (forced-colors:active){.badge,.action,.button{border:2px solid}:focus-visible{outline-color:Highlight}}
`

/** The CSP source that lets this stylesheet, and nothing else, apply. */
export const PAGE_CSS_HASH = cspHash(PAGE_CSS)
