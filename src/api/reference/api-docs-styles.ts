import { createHash } from 'node:crypto';

// The reference page's own rules, on top of the site's stylesheet (its colours, type and masthead).
// Served from a fingerprinted address by api-docs.routes.ts: the CSP allows no inline style.

export const apiDocsCss = `/* /api/docs: Gazette's API reference. */
.api-docs { font-size: 1rem; }
/* Far enough below the text that an underscore in a linked code stays visible. */
.api-docs a { text-underline-offset: 0.3em; }
.api-docs h2 { margin: 3rem 0 1rem; padding-top: 0.6rem; border-top: 3px solid var(--rule-strong); font-size: 1.5rem; }
.api-docs h3 { margin: 2rem 0 0.6rem; font-size: 1.15rem; }
.api-docs h4 { margin: 1.25rem 0 0.4rem; font-size: 1rem; }
.api-docs p, .api-docs li, .api-docs dd { max-width: var(--measure); }
.api-docs code, .api-code { font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.9em; overflow-wrap: anywhere; }
.api-docs__intro { max-width: var(--measure); }
.api-docs__contents ol { padding-inline-start: 1.4em; }
.api-docs__contents ul { padding-inline-start: 1.2em; margin: 0.3rem 0 0.6rem; }
.api-docs__contents li { margin: 0.2rem 0; }
.api-code { display: block; max-width: 100%; overflow-x: auto; margin: 0.5rem 0 1rem; padding: 0.75rem 1rem; background: var(--surface); border: 1px solid var(--rule); border-radius: 4px; line-height: 1.4; white-space: pre; }
.api-code code { overflow-wrap: normal; font-size: 0.85rem; }
.api-method { display: inline-block; min-width: 3.6rem; padding: 0.05rem 0.4rem; border-radius: 3px; background: var(--ink); color: var(--paper); font-size: 0.78rem; font-weight: 800; letter-spacing: 0.04em; text-align: center; }
.api-operation { margin: 2rem 0; padding-top: 1rem; border-top: 1px solid var(--rule); }
.api-operation__heading { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.3rem 0.6rem; }
.api-operation__heading:target, .api-schema-entry h3:target, .api-problems dt:target { background: var(--surface); }
.api-operation__summary { flex-basis: 100%; font-weight: 600; }
.api-operation__auth, .api-operation__deprecated { color: var(--ink-muted); }
.api-responses dt { margin-top: 0.9rem; font-weight: 700; }
.api-responses dd { margin: 0.2rem 0 0; padding-inline-start: 1rem; border-inline-start: 2px solid var(--rule); }
.api-responses dd > p:first-child { margin-top: 0; }
.api-status { font-weight: 800; }
.api-body__type { margin: 0.4rem 0; }
.api-schema { list-style: none; margin: 0.3rem 0 0.6rem; padding-inline-start: 1.1rem; border-inline-start: 1px dotted var(--rule); font-size: 0.95rem; }
.api-schema li { margin: 0.3rem 0; }
.api-schema__name { font-weight: 700; }
.api-schema__type { color: var(--ink); }
.api-schema__required { font-size: 0.78rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; color: var(--accent); }
.api-schema__optional, .api-schema__in, .api-schema__limits, .api-schema__description { color: var(--ink-muted); }
.api-schema__optional { font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.04em; }
.api-schema__description::before { content: "— "; }
.api-schema__summary { margin: 0.3rem 0; }
.api-examples__label { margin: 0.6rem 0 0; font-weight: 700; font-size: 0.9rem; }
.api-problems dt { margin-top: 1rem; font-weight: 700; }
.api-problems dd { margin: 0.2rem 0 0; }
.api-problems dd p { margin: 0; }
.api-problems__status { color: var(--ink-muted); font-weight: 400; }
`;

/** The stylesheet's address, named by its content so a browser may keep it for a year. */
export const apiDocsStylesheetPath = `/api/docs/api-docs.${createHash('sha256').update(apiDocsCss).digest('hex').slice(0, 12)}.css`;
