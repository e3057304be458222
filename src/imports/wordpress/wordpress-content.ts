import { randomUUID } from 'node:crypto';
import { autop } from '@wordpress/autop';
import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { DomUtils } from 'htmlparser2';
import { decodeHTML } from 'entities';
import { type Embed, recognizeEmbedUrl } from '../../render/embed-urls.ts';
import { element, elementsNamed, serializeFragment } from '../../render/html-tree.ts';
import { embedElement, inlinePhotoElement } from '../../render/stored-figures.ts';
import { type BlockContext, convertBlockMarkup } from './wordpress-blocks.ts';
import { expandShortcodes, type ShortcodeAttributes } from './wordpress-shortcodes.ts';
import { append, blockElements, breakLines, descendantsNamed, finishTree, parseBounded, type Rewrite, rewrite, setChildren, textOf } from './wordpress-tree.ts';

/** A photo as WordPress's HTML names it: its address (full size or a size variant such as `-300x200`), its attachment id, or both. */
export interface ImageReference {
  readonly url?: string;
  readonly attachmentId?: number;
}

/** What the media library holds for a WordPress image once imported. */
export interface ImportedImage {
  readonly storageKey: string;
  /** The variant the stored figure shows: `/media/KEY/WIDTH.jpg`. */
  readonly src: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  /** The attachment's own caption, shown where WordPress showed it: in `[gallery]`. */
  readonly caption?: string;
  /** The credit from the attachment's metadata, written into every figure of this photo. */
  readonly credit?: string;
}

export interface ContentResolvers {
  /** The library image for a WordPress image, or undefined when it could not be imported. */
  image(reference: ImageReference): ImportedImage | undefined;
  /** The new address of a link to another imported post or page of the old site, or undefined to leave the link as it is. */
  link(url: string): string | undefined;
  /** The content of a reusable block (a `wp_block` item) by its post id. */
  reusableBlock(id: number): string | undefined;
}

export interface ConvertedContent {
  /** Gazette's stored body, still to pass through sanitizeStoredHtml. */
  readonly html: string;
  readonly report: {
    /** Shortcodes no handler knew, whose brackets were dropped and content kept. */
    readonly unknownShortcodes: string[];
    /** Blocks mapped by their saved HTML alone. */
    readonly unknownBlocks: string[];
    /** Images left out because the library had no import of them: their addresses, or "attachment 12" for a gallery's. */
    readonly missingImages: string[];
    /** Reusable blocks left out: not in the export, or used inside themselves. */
    readonly missingReusableBlocks: number[];
  };
}

/** Figures are built where their markup is read and stand in the HTML as this placeholder until the tree is tidied. */
const slotAttribute = 'data-gazette-slot';
const bareUrl = /^https?:\/\/[^\s<>"]+$/i;
const reportedUrlLength = 500;

/**
 * Converts a WordPress post body (`post_content`, block markup or classic HTML) into Gazette's stored
 * article HTML: paragraphs as WordPress made them, headings h2–h4, photos the library imported as
 * inline-photo figures, known embeds as embed figures, links to imported posts at their new addresses.
 *
 * @example
 * const { html, report } = convertWordPressContent(item.content, { image: findImport, link: newPath, reusableBlock: blockContent });
 * const body = sanitizeStoredHtml(html);
 */
export function convertWordPressContent(postContent: string, resolve: ContentResolvers): ConvertedContent {
  const slots = new Map<string, readonly ChildNode[]>();
  // Random, so no body can name a slot it did not make.
  const slotPrefix = randomUUID();
  const unknownShortcodes = new Set<string>();
  const missingImages = new Set<string>();
  let blockAttachmentId: number | undefined;

  function placeholder(nodes: readonly ChildNode[]): string {
    if (nodes.length === 0) return '';
    const key = `${slotPrefix}-${slots.size}`;
    slots.set(key, nodes);
    return `<figure ${slotAttribute}="${key}"></figure>`;
  }

  function photo(reference: ImageReference, alt: string, caption: string | undefined): Element[] {
    const image = reference.url || reference.attachmentId ? resolve.image(reference) : undefined;
    if (!image) {
      const url = reference.url && reference.url.length > reportedUrlLength ? `${reference.url.slice(0, reportedUrlLength)}…` : reference.url;
      missingImages.add(url || `attachment ${reference.attachmentId ?? '(no address)'}`);
      return [];
    }
    const { storageKey, src, width, height } = image;
    return [
      inlinePhotoElement({ storageKey, src, width, height, alt: alt.trim() || image.alt, caption: caption ?? image.caption ?? '', credit: image.credit ?? '' }),
    ];
  }

  function photoOfImage(image: Element, caption: string, attachmentId = blockAttachmentId): Element[] {
    blockAttachmentId = undefined;
    return photo({ ...imageUrl(image), ...attachmentReference(attachmentId ?? attachmentIdOf(image)) }, image.attribs.alt ?? '', caption);
  }

  function mapHref(raw: string | undefined): string | undefined {
    const href = (raw ?? '').trim();
    const scheme = schemeOf(href);
    if (href === '' || (scheme !== undefined && !['http', 'https', 'mailto'].includes(scheme))) return undefined;
    return resolve.link(href) ?? href;
  }

  /** What WordPress embedded from an address: a known provider's figure, otherwise a link to it. */
  function embedNodes(rawUrl: string, caption = ''): ChildNode[] {
    const url = rawUrl.trim();
    const embed = recognizeEmbed(url);
    const href = bareUrl.test(url) ? mapHref(url) : undefined;
    const nodes: ChildNode[] = embed
      ? [embedElement(embed)]
      : href
        ? [element('p', {}, [element('a', { href }, [url])])]
        : url
          ? [element('p', {}, [url])]
          : [];
    return caption ? [...nodes, element('p', {}, [caption])] : nodes;
  }

  /** A `<figure>` in the body: a photo (or a gallery of them), a table with its caption, or a wrapper whose content stays. */
  function figureContent(figure: Element): Rewrite {
    const slot = figure.attribs[slotAttribute];
    if (slot !== undefined) return slots.get(slot) ?? [];
    const captions = figure.children.filter((child): child is Element => isTag(child) && child.name === 'figcaption');
    const caption = captions.map((node) => textOf(node)).join(' ');
    const [table] = elementsNamed(figure, 'table');
    if (table) {
      setChildren(
        figure,
        figure.children.filter((child) => !captions.includes(child as Element)),
      );
      if (caption) setChildren(table, [element('caption', {}, [caption]), ...table.children]);
      return 'unwrap';
    }
    const innerFigures = descendantsNamed(figure, 'figure');
    if (innerFigures.length > 0) {
      const photos = innerFigures.filter((inner) => descendantsNamed(inner, 'figure').length === 0).flatMap((inner) => asNodes(figureContent(inner)));
      return caption ? [...photos, element('p', {}, [caption])] : photos;
    }
    const images = elementsNamed(figure, 'img');
    if (images.length > 0) return images.flatMap((image, index) => photoOfImage(image, index === 0 ? caption : ''));
    for (const node of captions) node.name = 'p';
    return 'unwrap';
  }

  function asNodes(result: Rewrite): readonly ChildNode[] {
    return result === 'keep' ? [] : result === 'unwrap' ? [] : result;
  }

  /** One element of the body, mapped to Gazette's vocabulary (see wordpress-tree.ts for what happens around it). */
  function tidy(node: Element): Rewrite {
    const attributes = node.attribs;
    if (node.name === 'figure') return figureContent(node);
    if (node.name === 'img') return photoOfImage(node, '');
    if (node.name === 'iframe') return embedNodes(iframeEmbedUrl(attributes.src ?? ''));
    if (removedElements.has(node.name)) return [];
    node.attribs = {};
    if (blockContainers.has(node.name)) {
      node.name = 'div';
      return 'keep';
    }
    if (!keptElements.has(node.name)) return 'unwrap';
    for (const name of cellAttributes[node.name] ?? []) if (attributes[name]) node.attribs[name] = attributes[name];
    if (node.name === 'h1') node.name = 'h2';
    if (node.name === 'h5' || node.name === 'h6') node.name = 'h4';
    if (node.name === 'pre') {
      node.name = 'p';
      breakLines(node);
    }
    if (node.name === 'a') {
      const href = mapHref(attributes.href);
      if (href === undefined) return 'unwrap';
      node.attribs.href = href;
    }
    if (node.name === 'p') {
      const [only, ...rest] = node.children;
      if (only && rest.length === 0 && isText(only) && bareUrl.test(only.data.trim())) return embedNodes(only.data);
    }
    if (node.name === 'blockquote') {
      // A post pasted with X's or Instagram's embed code, which their script turned into the post itself.
      const links = /\b(?:twitter-tweet|instagram-media)\b/.test(attributes.class ?? '')
        ? [attributes['data-instgrm-permalink'] ?? '', ...elementsNamed(node, 'a').map((link) => link.attribs.href ?? '')]
        : [];
      const embed = links.map(recognizeEmbed).find((found) => found !== undefined);
      if (embed) return [embedElement(embed)];
      quoteContent(node, /\bpull-quote\b/.test(attributes.class ?? ''));
    }
    return 'keep';
  }

  /** Classic-editor HTML as WordPress showed it: shortcodes, then URLs alone on a line embedded, then paragraphs (wpautop). */
  function convertClassic(html: string): string {
    const expanded = expandShortcodes(htmlForAutop(html), shortcodeHandlers, unknownShortcodes);
    return autop(expanded.replace(/^[^\S\n]*(https?:\/\/[^\s<>"]+)[^\S\n]*$/gim, (_, url: string) => placeholder(embedNodes(decodeHTML(url)))));
  }

  const shortcodeHandlers = {
    caption(attributes: ShortcodeAttributes, content: string): string {
      const tree = parseBounded(content);
      const images = elementsNamed(tree, 'img');
      if (images.length === 0) return content;
      const pictured = new Set<ChildNode>(images);
      for (const parent of new Set(images.map((image) => image.parent!)))
        setChildren(
          parent,
          parent.children.filter((child) => !pictured.has(child)),
        );
      const caption =
        textOf(tree) ||
        decodeHTML(attributes.caption ?? '')
          .replace(/\s+/g, ' ')
          .trim();
      const id = positiveInteger(/^attachment_(\d+)$/.exec(attributes.id ?? '')?.[1]);
      return placeholder(images.flatMap((image, index) => photoOfImage(image, index === 0 ? caption : '', index === 0 ? id : undefined)));
    },
    gallery(attributes: ShortcodeAttributes): string {
      const ids = (attributes.ids ?? attributes.include ?? '').split(',').flatMap((id) => positiveInteger(id.trim()) ?? []);
      // Without ids, WordPress shows the photos attached to the post, which the body does not name.
      if (ids.length === 0) unknownShortcodes.add('gallery');
      return placeholder(ids.flatMap((attachmentId) => photo({ attachmentId }, '', undefined)));
    },
    embed: (url: string) => placeholder(embedNodes(decodeHTML(url))),
  };

  const context: BlockContext = {
    classic: convertClassic,
    inline: (html) => expandShortcodes(html, shortcodeHandlers, unknownShortcodes),
    figure(html, attachmentId) {
      const tree = parseBounded(html);
      blockAttachmentId = attachmentId;
      rewrite(tree, tidy);
      blockAttachmentId = undefined;
      return placeholder(tree.children);
    },
    embed(url, html) {
      const tree = parseBounded(html);
      const caption = elementsNamed(tree, 'figcaption').map((node) => textOf(node));
      for (const node of elementsNamed(tree, 'figcaption')) setChildren(node, []);
      return placeholder(embedNodes(url || textOf(tree), caption.join(' ')));
    },
    reusableBlock: (id) => resolve.reusableBlock(id),
    unknownBlocks: new Set(),
    missingReusableBlocks: new Set(),
  };

  const tree = parseBounded(convertBlockMarkup(postContent, context));
  rewrite(tree, tidy);
  finishTree(tree);
  return {
    html: serializeFragment(tree).trim(),
    report: {
      unknownShortcodes: [...unknownShortcodes],
      unknownBlocks: [...context.unknownBlocks],
      missingImages: [...missingImages],
      missingReusableBlocks: [...context.missingReusableBlocks],
    },
  };
}

/** The images a body shows, so the importer can bring those files into the library before converting it. */
export function findImageReferences(postContent: string): ImageReference[] {
  const found = new Map<string, ImageReference>();
  convertWordPressContent(postContent, {
    image(reference) {
      found.set(`${reference.url}#${reference.attachmentId}`, reference);
      return undefined;
    },
    link: () => undefined,
    reusableBlock: () => undefined,
  });
  return [...found.values()];
}

const removedElements = new Set(
  'script style noscript template svg math object embed applet frame frameset audio video canvas map head meta link base title input button select textarea option optgroup datalist source track param dialog'.split(
    ' ',
  ),
);
/** Elements that hold blocks or lines of text: each becomes a paragraph, or gives way to the blocks inside it. */
const blockContainers = new Set(
  'div section article aside header footer main nav center address dl dt dd details summary hgroup form fieldset legend figcaption'.split(' '),
);
const keptElements = new Set([...blockElements, ...'h1 h5 h6 pre li strong em b i a br cite caption thead tbody tfoot tr th td'.split(' ')]);
const cellAttributes: Readonly<Record<string, readonly string[]>> = { th: ['colspan', 'rowspan', 'scope'], td: ['colspan', 'rowspan'] };

/**
 * HTML as autop's regexes need it to stay linear: every `<` opens a well-formed tag (attribute values
 * and text entity-encoded, names plain), no comments or scripts, and no long run of spaces (its
 * `\s*\n` rescans a run from each of its characters).
 */
function htmlForAutop(html: string): string {
  const tree = parseBounded(html);
  rewrite(tree, (node) => {
    if (removedElements.has(node.name)) return [];
    // autop treats "<pre…", "<script…" and "<svg…" specially; a made-up element so named would confuse it.
    if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(node.name) || /^(?:pre|script|style|svg|math)./.test(node.name)) return 'unwrap';
    if (node.name === 'pre') {
      node.name = 'p';
      breakLines(node);
    }
    // Its fallback content is written out unencoded.
    if (node.name === 'iframe') setChildren(node, []);
    node.attribs = Object.fromEntries(
      Object.entries(node.attribs).flatMap(([name, value]) => (/^[a-z_:][-a-z0-9_:.]*$/i.test(name) ? [[name, spaced(name, value)]] : [])),
    );
    return 'keep';
  });
  const texts: ChildNode[] = [...tree.children];
  for (let node = texts.pop(); node; node = texts.pop()) {
    if (isText(node))
      node.data = node.data.replace(/\s+/g, (run) =>
        run.length === 1 ? run : run.indexOf('\n') !== run.lastIndexOf('\n') ? '\n\n' : run.includes('\n') ? '\n' : ' ',
      );
    else if (isTag(node)) append(texts, node.children);
  }
  return DomUtils.getOuterHTML(tree.children, { decodeEntities: true, encodeEntities: true });
}

/** Browsers drop tabs and line breaks from addresses; elsewhere a run of spaces is one. */
function spaced(attribute: string, value: string): string {
  return (attribute === 'href' || attribute === 'src' ? value.replace(/[\t\n\r]+/g, '') : value).replace(/\s+/g, ' ');
}

/** A quote's citation in a paragraph of its own; a pull quote keeps only what WordPress's inner <blockquote> held. */
function quoteContent(quote: Element, pull: boolean): void {
  if (pull) {
    quote.attribs.class = 'pull-quote';
    const [inner] = descendantsNamed(quote, 'blockquote');
    if (inner) setChildren(quote, inner.children);
  }
  setChildren(
    quote,
    quote.children.map((child) => (isTag(child) && child.name === 'cite' ? element('p', {}, [child]) : child)),
  );
}

function imageUrl(image: Element): { url?: string } {
  const { src, 'data-src': lazy, 'data-lazy-src': lazier } = image.attribs;
  // Lazy-loading plugins leave a placeholder in src and the photo in a data attribute.
  const url = [src, lazy, lazier].find((candidate) => candidate && !candidate.startsWith('data:')) ?? src;
  return url ? { url: url.trim() } : {};
}

function attachmentIdOf(image: Element): number | undefined {
  return positiveInteger(/(?:^|\s)wp-image-(\d+)(?:\s|$)/.exec(image.attribs.class ?? '')?.[1] ?? image.attribs['data-id']);
}

function attachmentReference(id: number | undefined): { attachmentId?: number } {
  return id === undefined ? {} : { attachmentId: id };
}

function positiveInteger(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

/** The scheme a browser would see: it skips leading control characters and spaces, and tabs and line breaks anywhere ("java\nscript:"). */
function schemeOf(href: string): string | undefined {
  let start = 0;
  while (start < href.length && href.charCodeAt(start) <= 0x20) start++;
  return /^([a-z][a-z0-9+.-]*):/i.exec(href.slice(start, start + 64).replace(/[\t\n\r]/g, ''))?.[1]?.toLowerCase();
}

/** WordPress embedded http:// addresses of the same videos and posts too. */
function recognizeEmbed(url: string): Embed | undefined {
  return recognizeEmbedUrl(url.trim().replace(/^http:\/\//i, 'https://'));
}

function iframeEmbedUrl(src: string): string {
  const youtube = /^(?:https?:)?\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]{11})(?:[?#]|$)/i.exec(src);
  if (youtube) return `https://www.youtube.com/watch?v=${youtube[1]}`;
  const vimeo = /^(?:https?:)?\/\/player\.vimeo\.com\/video\/(\d{1,12})(?:[?#]|$)/i.exec(src);
  return vimeo ? `https://vimeo.com/${vimeo[1]}` : src;
}
