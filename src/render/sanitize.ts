import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';
import { type SafeHtml, trustAsHtml } from './safe-html.ts';

/**
 * The one allow-list for stored HTML (article bodies now, anything rich later). Everything a
 * reader sees from the database passes through here, so a crafted request cannot store markup
 * the editor could not have produced.
 */
const allowList: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'a', 'br', 'hr', 'figure', 'figcaption', 'cite'],
  allowedAttributes: {
    a: ['href', 'rel'],
    blockquote: ['class'],
  },
  allowedClasses: { blockquote: ['pull-quote'] },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    // Links out of an article never hand the reader's window to the other site.
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:/i.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener' } : attribs,
    }),
  },
  disallowedTagsMode: 'discard',
};

export function sanitizeStoredHtml(html: string): SafeHtml {
  return trustAsHtml(sanitizeHtml(html, allowList));
}

/** Plain text of stored HTML, for meta descriptions, word counts and search snippets. */
export function htmlToText(html: string): string {
  // Block ends become spaces, so "</p><p>" does not glue two words together.
  const spaced = html.replace(/<\/(p|h[1-6]|li|blockquote|figcaption)>|<br\s*\/?>/gi, '$& ');
  return decodeHTML(sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} })).replace(/\s+/g, ' ').trim();
}
