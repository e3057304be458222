import { raw } from 'hono/html';
import { jsx } from 'hono/jsx';
import { escapeToBuffer, type HtmlEscapedString } from 'hono/utils/html';

/**
 * HTML that is safe to send as it is. Only two things make one: the JSX runtime (which escapes
 * every value, also through `textAsHtml` and `renderFragment`) and `sanitizeStoredHtml`.
 * `trustAsHtml` is the one door in; grep for it.
 */
export type SafeHtml = HtmlEscapedString;

/** JSX output, whether a component returned synchronously or not. */
export type Rendered = SafeHtml | Promise<SafeHtml>;

export function trustAsHtml(html: string): SafeHtml {
  return raw(html) as SafeHtml;
}

/** Plain text as HTML that shows exactly that text, for a field that is read as HTML (a feed's description). */
export function textAsHtml(text: string): SafeHtml {
  const buffer: [string] = [''];
  escapeToBuffer(text, buffer);
  return trustAsHtml(buffer[0]);
}

/**
 * Hono's JSX runtime looks once, at its first render, for AsyncLocalStorage, and then runs every render
 * in it, for async components (Gazette has none). On Node 20 a single such run turns on the tracking of
 * every promise and socket write in the process, for good: 15–20% of a cached page's throughput,
 * measured. So its first render is made here, at load, with that lookup finding nothing: it then renders
 * as on a runtime without it, synchronously, with context (SVG and head elements) held for the render.
 */
function renderWithoutAsyncContext(): void {
  const lookup = process as { getBuiltinModule?: unknown };
  const getBuiltinModule = lookup.getBuiltinModule;
  lookup.getBuiltinModule = undefined;
  try {
    String(jsx('head', {}));
  } finally {
    lookup.getBuiltinModule = getBuiltinModule;
  }
}
renderWithoutAsyncContext();

/** Serialises JSX that is not a whole page (a feed entry's content); it stays SafeHtml, as the runtime escaped it. */
export function renderFragment(node: Rendered): SafeHtml {
  if (node instanceof Promise) throw new TypeError('renderFragment was given an async component tree');
  return trustAsHtml(String(node));
}

/** Serialises a page. Our components are synchronous, so a promise here is a bug worth failing on. */
export function renderDocument(node: unknown): string {
  if (node instanceof Promise) throw new TypeError('renderDocument was given an async component tree');
  return `<!DOCTYPE html>${String(node)}`;
}

/** JSON for a <script type="application/ld+json"> block: "<" is escaped so no "</script>" can close it early. */
export function jsonForScript(data: unknown): SafeHtml {
  return trustAsHtml(
    JSON.stringify(data)
      .replace(/</g, '\\u003c')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
}
