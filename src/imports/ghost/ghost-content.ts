import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { replaceControlCharacters } from '../../platform/control-characters.ts';
import { element, elementsNamed, serializeFragment } from '../../render/html-tree.ts';
import { append, parseBounded, type Rewrite, rewrite, textOf } from '../wordpress/wordpress-tree.ts';

/**
 * Ghost's rendered HTML (`posts.html`) made ready for the converter the WordPress import uses
 * (convertWordPressContent), which already turns figures, images, embeds, tables and links into
 * Gazette's stored shapes. What Ghost does its own way is settled here: the `__GHOST_URL__` it writes
 * in place of the site's address, its cards (gallery, bookmark, callout, video …), Portal links, and
 * text the WordPress rules would misread (shortcode-like brackets, soft line breaks).
 */

/** Ghost writes this in place of the site's address in stored URLs (`__GHOST_URL__/content/images/…`). */
const siteUrlToken = '__GHOST_URL__';
const imagesFolder = '/content/images/';

/** A Ghost card Gazette has no counterpart for, or shows only as text. */
export interface CardNote {
  readonly kind: string;
  readonly outcome: 'left out' | 'text kept';
}

export interface PreparedHtml {
  readonly html: string;
  readonly cards: readonly CardNote[];
}

/** Cards that hold media or a form Gazette cannot show: left out whole, and reported. */
const leftOutCards = new Set(['video', 'audio', 'file', 'signup', 'email', 'email-cta', 'nft', 'before-after', 'transistor', 'collection']);
/** Cards the converter maps as they are (an image card is a figure, an embed card an iframe in one, a code card a <pre>). */
const plainCards = new Set(['image', 'embed', 'code', 'toggle', 'button', 'html', 'markdown', 'divider']);

/** One line of plain text, as a headline or a name: control characters and runs of spaces are one space. */
export function plainLine(text: string | null | undefined, limit: number): string {
  return replaceControlCharacters(text ?? '', 'line', ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, limit);
}

/** Site-relative: Ghost's placeholder for its own address dropped, as Ghost itself replaces it on output. */
export function withoutSiteToken(value: string): string {
  return value.replaceAll(siteUrlToken, '');
}

/**
 * The path under content/images of one of the site's photos, as found in the `--images` copy; Ghost's
 * resized copies (`size/w600/`, `format/webp/`) lead to the photo itself. Undefined for any other address.
 *
 * @example ghostImagePath('__GHOST_URL__/content/images/size/w600/2026/12/market.jpg') // '2026/12/market.jpg'
 */
export function ghostImagePath(url: string): string | undefined {
  const path = withoutSiteToken(url.trim()).split(/[?#]/)[0] ?? '';
  if (!path.startsWith(imagesFolder)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.slice(imagesFolder.length));
  } catch {
    return undefined;
  }
  return decoded.replace(/^(?:size\/w\d{1,5}(?:h\d{1,5})?\/)?(?:format\/[a-z0-9]{1,10}\/)?/, '') || undefined;
}

/** Where Ghost kept the upload itself: `name_o.jpg` beside the re-encoded `name.jpg` (which lost its IPTC data). */
export function originalImagePath(path: string): string {
  return /_o\.[a-z0-9]+$/i.test(path) ? path : path.replace(/(\.[a-z0-9]{1,5})$/i, '_o$1');
}

function cardKind(node: Element): string | undefined {
  const classes = (node.attribs.class ?? '').split(/\s+/);
  if (!classes.includes('kg-card')) return undefined;
  for (const name of classes) {
    const kind = /^kg-([a-z]+(?:-[a-z]+)*)-card$/.exec(name)?.[1];
    if (kind) return kind;
  }
  return 'unknown';
}

function hasClass(node: Element, name: string): boolean {
  return (node.attribs.class ?? '').split(/\s+/).includes(name);
}

function descendantsWithClass(root: Element, name: string): Element[] {
  const found: Element[] = [];
  const stack: ChildNode[] = [...root.children];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!isTag(node)) continue;
    if (hasClass(node, name)) found.push(node);
    append(stack, node.children);
  }
  return found.reverse();
}

function captionsOf(card: Element): ChildNode[] {
  return elementsNamed(card, 'figcaption').map((caption) => element('p', {}, [textOf(caption)]));
}

/** A gallery as the converter reads one: each photo in a figure of its own, the caption after them. */
function galleryCard(card: Element): Rewrite {
  const photos = elementsNamed(card, 'img').map((image) => element('figure', {}, [image]));
  const captions = elementsNamed(card, 'figcaption');
  return [element('figure', {}, [...photos, ...captions])];
}

/** A link preview (title, description, icon, thumbnail) becomes the link it previews, named by its title. */
function bookmarkCard(card: Element): Rewrite {
  const [link] = elementsNamed(card, 'a');
  const href = link?.attribs.href ?? '';
  const [title] = descendantsWithClass(card, 'kg-bookmark-title');
  const name = (title && textOf(title)) || href;
  return [...(name ? [element('p', {}, [href ? element('a', { href }, [name]) : name])] : []), ...captionsOf(card)];
}

/** A boxed note: its emoji and text as one paragraph, the text's links and emphasis kept. */
function calloutCard(card: Element): Rewrite {
  const [emoji] = descendantsWithClass(card, 'kg-callout-emoji');
  const [text] = descendantsWithClass(card, 'kg-callout-text');
  const lead = emoji ? textOf(emoji) : '';
  return [element('p', {}, [...(lead ? [`${lead} `] : []), ...(text ? text.children : [textOf(card)])])];
}

/**
 * Text the WordPress rules would misread: `[name …]` looks like a shortcode (doubled, it is printed
 * as written), and a line break inside a paragraph would become `<br>` (in Ghost's HTML it is a space).
 */
function protectText(root: ChildNode[]): void {
  const stack: { node: ChildNode; preformatted: boolean }[] = root.map((node) => ({ node, preformatted: false }));
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { node, preformatted } = entry;
    if (isText(node)) {
      const bracketsKept = node.data.replace(/\[(\/?[A-Za-z0-9_][\w-]*)(?=[\s\]/])([^[\]]*)\]/g, '[[$1$2]]');
      node.data = preformatted ? bracketsKept : bracketsKept.replace(/[^\S\n]*\n\s*/g, ' ');
    } else if (isTag(node)) {
      for (const child of node.children) stack.push({ node: child, preformatted: preformatted || node.name === 'pre' });
    }
  }
}

/**
 * Ghost's HTML for a post, ready for convertWordPressContent, and the cards that could not come along.
 *
 * @example const { html, cards } = prepareGhostHtml(post.html ?? '');
 */
export function prepareGhostHtml(ghostHtml: string): PreparedHtml {
  const cards: CardNote[] = [];
  // A control character would make the article service refuse the whole body.
  const tree = parseBounded(replaceControlCharacters(withoutSiteToken(ghostHtml), 'lines', ' '));
  rewrite(tree, (node) => {
    // Portal links (#/portal/signup) open Ghost's membership pop-up, which Gazette does not have.
    if (node.name === 'a' && (node.attribs.href ?? '').trim().startsWith('#/portal')) return 'unwrap';
    const kind = cardKind(node);
    if (kind === undefined || plainCards.has(kind)) return 'keep';
    if (kind === 'gallery') return galleryCard(node);
    if (kind === 'bookmark') return bookmarkCard(node);
    if (kind === 'callout') return calloutCard(node);
    if (leftOutCards.has(kind)) {
      cards.push({ kind, outcome: 'left out' });
      return [];
    }
    cards.push({ kind, outcome: 'text kept' });
    return 'keep';
  });
  protectText(tree.children);
  return { html: serializeFragment(tree), cards };
}
