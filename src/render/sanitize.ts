import { decodeHTML } from 'entities';
import { LRUCache } from 'lru-cache';
import sanitizeHtml from 'sanitize-html';
import { type SafeHtml, trustAsHtml } from './safe-html.ts';
import { enforceFigureShapes } from './stored-figures.ts';

/**
 * The one allow-list for stored HTML (article bodies now, anything rich later). Everything a
 * reader sees from the database passes through here, so a crafted request cannot store markup
 * the editor could not have produced.
 */
/** Spans of 1 to 99 cells; anything else only makes the browser invent cells, so it is dropped. */
function tableCell(tagName: string, attribs: sanitizeHtml.Attributes) {
  const kept = Object.entries(attribs).filter(([name, value]) => !['colspan', 'rowspan'].includes(name) || /^[1-9]\d?$/.test(value));
  return { tagName, attribs: Object.fromEntries(kept) };
}

const allowList: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'b',
    'i',
    'a',
    'br',
    'hr',
    'figure',
    'figcaption',
    'cite',
    'img',
    'span',
    // Tables come from imported archives (WordPress's table block); the editor does not make them yet.
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'rel'],
    blockquote: ['class'],
    // Inline photos and embeds; their values and structure are checked by enforceFigureShapes below.
    figure: ['class', 'data-media', 'data-provider', 'data-url'],
    img: ['src', 'alt', 'width', 'height'],
    span: ['class'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedClasses: { blockquote: ['pull-quote'], figure: ['inline-photo', 'embed'], span: ['figure__text', 'figure__credit'] },
  allowedSchemes: ['https', 'http', 'mailto'],
  // Images only from this site's own media URLs: no scheme at all, so no tracking pixels.
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  transformTags: {
    // Links out of an article never hand the reader's window to the other site.
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:/i.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener' } : attribs,
    }),
    th: tableCell,
    td: tableCell,
  },
  disallowedTagsMode: 'discard',
};

/**
 * Sanitising is a pure function of the stored HTML, and the same bodies are rendered again and again
 * (every page-cache miss of an article, its preview, its feeds), each time costing more than the rest of
 * the body's rendering; so each result is kept, keyed by the whole input, bounded by characters held.
 */
const sanitized = new LRUCache<string, SafeHtml>({
  maxSize: 16 * 1024 * 1024,
  sizeCalculation: (safe, html) => html.length + String(safe).length + 1,
});

export function sanitizeStoredHtml(html: string): SafeHtml {
  let safe = sanitized.get(html);
  if (safe === undefined) {
    safe = trustAsHtml(enforceFigureShapes(sanitizeHtml(html, allowList)));
    sanitized.set(html, safe);
  }
  return safe;
}

/** Plain text of stored HTML, for meta descriptions, word counts and search snippets. */
export function htmlToText(html: string): string {
  // Block ends become spaces, so "</p><p>" does not glue two words together.
  const spaced = html.replace(/<\/(p|h[1-6]|li|blockquote|figcaption|th|td|caption)>|<br\s*\/?>/gi, '$& ');
  return decodeHTML(sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} }))
    .replace(/\s+/g, ' ')
    .trim();
}
