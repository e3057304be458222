import { escapeHtml, type SafeHtml, trustAsHtml } from './safe-html.ts';

/**
 * Gazette's JSX runtime (tsconfig's jsxImportSource "gazette", found through package.json's "exports"):
 * every element becomes its HTML at once, escaped, printed as Hono's runtime prints it; the types
 * are Hono's. Hono builds a tree of nodes and prints it in a second pass, with context for
 * asynchronous components and tags it moves into <head>: about a millisecond of the 4.3 ms an
 * article with 50 comments took to render. Gazette's components are synchronous and put every tag
 * where it stands, so none of that is needed. safe-html.test.ts renders a page through both runtimes
 * and compares the bytes.
 */
export type { JSX } from 'hono/jsx/jsx-runtime';

type Html = SafeHtml;
const asHtml = trustAsHtml;

/** Elements with no end tag; printed `<br/>`, as Hono prints them, when they have no children. */
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Attributes whose presence is the value: `true` prints `name=""`, `false` leaves it out. Any other boolean prints as a word. */
const booleanAttributes = new Set([
  'allowfullscreen',
  'async',
  'autofocus',
  'autoplay',
  'checked',
  'controls',
  'default',
  'defer',
  'disabled',
  'download',
  'formnovalidate',
  'hidden',
  'inert',
  'ismap',
  'itemscope',
  'loop',
  'multiple',
  'muted',
  'nomodule',
  'novalidate',
  'open',
  'playsinline',
  'readonly',
  'required',
  'reversed',
  'selected',
  'shadowrootclonable',
  'shadowrootdelegatesfocus',
  'shadowrootserializable',
]);

const reactNames = new Map([
  ['className', 'class'],
  ['htmlFor', 'for'],
  ['crossOrigin', 'crossorigin'],
  ['httpEquiv', 'http-equiv'],
  ['itemProp', 'itemprop'],
  ['fetchPriority', 'fetchpriority'],
  ['noModule', 'nomodule'],
  ['formAction', 'formaction'],
]);

/** SVG's own elements, whose camelCase presentation attributes (strokeWidth) print in kebab case (stroke-width). */
const svgElements = new Set(['svg', 'path', 'g', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'rect', 'use', 'defs', 'symbol', 'text', 'tspan']);
const svgPresentationName = /^(?:al|basel|clip(?:Path|Rule)$|co|do|fill|fl|fo|gl|let|lig|i|marker[EMS]|o|pai|pointe|sh|st[or]|text[^L]|tr|u|ve|w)/;

function svgAttributeName(name: string): string {
  return /[A-Z]/.test(name) && svgPresentationName.test(name) ? name.replace(/([A-Z])/g, '-$1').toLowerCase() : name;
}

/** Names that are no attribute are left out, and tag names that are no tag refused, as Hono does: spaces, quotes, < > / = ` \ and control characters. */
const forbiddenInName = /[\s"'<>/=`\\]/;

function isName(name: string): boolean {
  if (name.length === 0 || forbiddenInName.test(name)) return false;
  for (let index = 0; index < name.length; index++) {
    const code = name.charCodeAt(index);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return false;
  }
  return true;
}

const checkedTags = new Set<string>();

function attributes(tag: string, props: Readonly<Record<string, unknown>>): string {
  let printed = '';
  for (const key in props) {
    const value = props[key];
    if (key === 'children' || key === 'ref' || value === null || value === undefined) continue;
    let name = reactNames.get(key) ?? key;
    if (svgElements.has(tag)) name = svgAttributeName(name);
    if (!isName(name)) continue;
    if (typeof value === 'boolean' && booleanAttributes.has(name)) {
      if (value) printed += ` ${name}=""`;
    } else if (typeof value === 'string') {
      printed += ` ${name}="${escapeHtml(value)}"`;
    } else if (typeof value === 'number') {
      printed += ` ${name}="${value}"`;
    } else if ((value as Partial<Html>).isEscaped === true) {
      // HTML made safe for an element's content may still hold a quote (a sanitised link): it must not end the attribute.
      printed += ` ${name}="${String(value).replaceAll('"', '&quot;')}"`;
    } else if (typeof value === 'function') {
      if (!name.startsWith('on')) throw new Error(`Invalid prop '${name}' of type 'function' supplied to '${tag}'.`);
    } else if (value instanceof Promise) {
      throw new TypeError(`<${tag} ${name}> was given a promise; Gazette renders synchronously`);
    } else {
      printed += ` ${name}="${escapeHtml(String(value))}"`;
    }
  }
  return printed;
}

/** A child as HTML: text escaped, HTML as it is, arrays in order; null, undefined and booleans print nothing. */
function childrenHtml(child: unknown): string {
  if (typeof child === 'string') return escapeHtml(child);
  if (child === null || child === undefined || typeof child === 'boolean') return '';
  if (typeof child === 'number') return String(child);
  if (Array.isArray(child)) {
    let printed = '';
    for (const item of child) printed += childrenHtml(item);
    return printed;
  }
  if ((child as Partial<Html>).isEscaped === true) return String(child);
  if (child instanceof Promise) throw new TypeError('A JSX child was a promise; Gazette renders synchronously');
  return '';
}

type Component = (props: Record<string, unknown>) => unknown;

export function jsx(tag: string | Component, props: Record<string, unknown>): Html {
  if (typeof tag === 'function') {
    const rendered = tag(props);
    if (rendered instanceof Promise) throw new TypeError(`${tag.name || 'A component'} returned a promise; Gazette renders synchronously`);
    return (rendered as Partial<Html> | null)?.isEscaped === true ? (rendered as Html) : asHtml(childrenHtml(rendered));
  }
  if (!checkedTags.has(tag)) {
    if ((tag.length > 0 && !isName(tag)) || tag.startsWith('!') || tag.startsWith('?')) throw new Error(`Invalid JSX tag name: ${tag}`);
    checkedTags.add(tag);
  }
  const children = props.children;
  const start = `<${tag}${attributes(tag, props)}`;
  if (voidElements.has(tag) && (children === undefined || (Array.isArray(children) && children.length === 0))) return asHtml(`${start}/>`);
  return asHtml(`${start}>${childrenHtml(children)}</${tag}>`);
}

export { jsx as jsxs, jsx as jsxDEV };

export function Fragment(props: { children?: unknown }): Html {
  return asHtml(childrenHtml(props.children));
}
