import { decodeHTML } from 'entities';

/**
 * WordPress shortcodes in a post body: `[caption]`, `[gallery]` and `[embed]` become what the handlers
 * make of them; any other shortcode loses its brackets and keeps its content, and its name is reported.
 *
 * @wordpress/shortcode is not used: its regex scans to the end of the text for every opening tag
 * without a closing one, and its attribute parser caches every string it has seen and searches that
 * cache linearly, so a long hostile body takes quadratic time. This scanner makes one pass over the
 * text and one over the tags it found.
 */

export interface ShortcodeHandlers {
  /** `[caption]…[/caption]` (or `[wp_caption]`): its attributes and the HTML between the tags. */
  caption(attributes: ShortcodeAttributes, content: string): string;
  /** `[gallery ids="1,2,3"]`. */
  gallery(attributes: ShortcodeAttributes): string;
  /** `[embed]URL[/embed]`: the address, entities still encoded as in the HTML. */
  embed(url: string): string;
}

export type ShortcodeAttributes = Readonly<Record<string, string>>;

interface Tag {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly closing: boolean;
  readonly selfClosing: boolean;
  /** `[[name]]`: WordPress prints the inner `[name]` as it is. */
  readonly escaped: boolean;
  readonly attributeText: string;
  /** Index of the closing tag paired with this opening tag (or the other way round). */
  pair?: number;
}

const known = new Set(['caption', 'wp_caption', 'gallery', 'embed']);

// A name as WordPress allows it, then attributes up to the closing bracket. WordPress attributes cannot
// contain brackets, even quoted, so each match ends at the next one and the scan stays linear.
const tagPattern = /\[(\[?)(\/?)([A-Za-z0-9_][\w-]*)(?=[\s\]/])([^[\]]*)\](\]?)/g;

function findTags(text: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of text.matchAll(tagPattern)) {
    const [whole, left, slash, name, attributeText] = match;
    const escaped = left === '[' && match[5] === ']';
    // "[[name]" with no second closing bracket: the first bracket is plain text.
    const offset = left === '[' && !escaped ? 1 : 0;
    const rest = attributeText!.trimEnd();
    tags.push({
      start: match.index + offset,
      end: match.index + whole.length - (match[5] && !escaped ? 1 : 0),
      name: name!,
      closing: slash === '/',
      selfClosing: rest.endsWith('/'),
      escaped,
      attributeText: rest.endsWith('/') ? rest.slice(0, -1) : rest,
    });
  }
  // A closing tag pairs with the nearest unpaired opening tag of the same name before it.
  const open = new Map<string, number[]>();
  tags.forEach((tag, index) => {
    if (tag.escaped || tag.selfClosing) return;
    const stack = open.get(tag.name) ?? [];
    if (!tag.closing) {
      stack.push(index);
      open.set(tag.name, stack);
      return;
    }
    const opener = stack.pop();
    if (opener === undefined) return;
    tags[opener]!.pair = index;
    tag.pair = opener;
  });
  return tags;
}

/**
 * Whether an unknown `[name …]` is a shortcode rather than prose in brackets ("[sic]", "[the minister]"):
 * it has a closing tag, attributes written `key=value`, or closes itself. WordPress itself leaves an
 * unregistered shortcode as text, so this only decides what a plugin most likely rendered.
 */
function isUnknownShortcode(tag: Tag, pairedNames: ReadonlySet<string>): boolean {
  if (tag.closing) return tag.pair !== undefined || pairedNames.has(tag.name);
  return tag.pair !== undefined || tag.selfClosing || tag.attributeText.includes('=');
}

/** Attributes as WordPress's shortcode_parse_atts() reads them, from HTML-encoded text; names are lower-cased. */
function parseShortcodeAttributes(encoded: string): ShortcodeAttributes {
  const attributes: Record<string, string> = {};
  // Its regex goes back over an unclosed quote once per attribute; a real shortcode is never this long.
  if (encoded.length > 4000) return attributes;
  const text = decodeHTML(encoded);
  const pattern =
    /([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"[^"]*"(?:\s|$)|'[^']*'(?:\s|$)|\S+(?:\s|$)/g;
  for (const match of text.replace(/[\u00a0\u200b]/g, ' ').matchAll(pattern)) {
    const name = match[1] ?? match[3] ?? match[5];
    if (name) attributes[name.toLowerCase()] = match[2] ?? match[4] ?? match[6] ?? '';
  }
  return attributes;
}

/**
 * Expands the shortcodes in `text` (HTML). Unknown shortcodes' names are added to `unknown`.
 * Inside a caption every other shortcode is stripped, since the caption is plain text.
 */
export function expandShortcodes(text: string, handlers: ShortcodeHandlers, unknown: Set<string>): string {
  if (!text.includes('[')) return text;
  const tags = findTags(text);
  const pairedNames = new Set(tags.filter((tag) => tag.pair !== undefined).map((tag) => tag.name));
  const out: string[] = [];
  let cursor = 0;

  const strip = (tag: Tag): string => {
    if (tag.escaped) return text.slice(tag.start + 1, tag.end - 1);
    if (known.has(tag.name) || isUnknownShortcode(tag, pairedNames)) {
      if (!known.has(tag.name)) unknown.add(tag.name);
      return '';
    }
    return text.slice(tag.start, tag.end);
  };

  for (let index = 0; index < tags.length; index++) {
    const tag = tags[index]!;
    if (tag.start < cursor) continue;
    out.push(text.slice(cursor, tag.start));
    cursor = tag.end;
    const enclosing = !tag.escaped && !tag.closing && tag.pair !== undefined;
    if ((tag.name === 'caption' || tag.name === 'wp_caption') && enclosing) {
      const close = tags[tag.pair!]!;
      const inner: string[] = [];
      let innerCursor = tag.end;
      for (let i = index + 1; i < tag.pair!; i++) {
        const nested = tags[i]!;
        if (nested.start < innerCursor) continue;
        inner.push(text.slice(innerCursor, nested.start), strip(nested));
        innerCursor = nested.end;
      }
      inner.push(text.slice(innerCursor, close.start));
      out.push(handlers.caption(parseShortcodeAttributes(tag.attributeText), inner.join('')));
      cursor = close.end;
    } else if (tag.name === 'embed' && enclosing) {
      const close = tags[tag.pair!]!;
      out.push(handlers.embed(text.slice(tag.end, close.start).trim()));
      cursor = close.end;
    } else if (tag.name === 'gallery' && !tag.escaped && !tag.closing) {
      out.push(handlers.gallery(parseShortcodeAttributes(tag.attributeText)));
    } else {
      out.push(strip(tag));
    }
  }
  out.push(text.slice(cursor));
  return out.join('');
}
