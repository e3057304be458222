import type { Document, Element } from 'domhandler';
import { embedMessages, isEmbedProvider, type Embed, parseEmbedUrl } from './embed-urls.ts';
import { element, elementsNamed, parseFragment, removeElement, replaceElement, serializeFragment, textContent } from './html-tree.ts';

/**
 * The two figures the editor stores, in exactly one shape each:
 *
 *   <figure class="inline-photo" data-media="KEY"><img src="/media/KEY/800.jpg" alt="…" width="W" height="H">
 *     <figcaption><span class="figure__text">Caption</span> <span class="figure__credit">Photo: Credit</span></figcaption></figure>
 *   <figure class="embed" data-provider="youtube" data-url="https://www.youtube.com/watch?v=ID"><a href="…">Watch on YouTube</a></figure>
 *
 * After the allow-list has filtered tags and attributes, every such figure is rebuilt from the values
 * it carries, so whatever else was inside is gone; one that fails its checks is removed whole.
 */

/** Storage keys are slugs plus a hash, as the media library makes them; nothing else, no dots or slashes. */
export const storageKeyPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const creditPrefix = 'Photo: ';

export interface InlinePhotoFields {
  readonly storageKey: string;
  /** The JPEG variant shown in the editor and in feeds: `/media/KEY/WIDTH.jpg`. */
  readonly src: string;
  readonly alt: string;
  readonly width: number;
  readonly height: number;
  readonly caption: string;
  readonly credit: string;
}

function dimension(value: string | undefined): number | undefined {
  const number = Number(value);
  return /^\d{1,5}$/.test(value ?? '') && number > 0 ? number : undefined;
}

function spanText(figure: Element, className: string): string | undefined {
  const span = elementsNamed(figure, 'span').find((node) => node.attribs.class === className);
  return span ? textContent(span).trim() : undefined;
}

/** The values of a stored inline photo, or undefined when any of them is not what the editor makes. */
export function readInlinePhoto(figure: Element): InlinePhotoFields | undefined {
  const storageKey = figure.attribs['data-media'] ?? '';
  const [image] = elementsNamed(figure, 'img');
  if (!storageKeyPattern.test(storageKey) || storageKey.length > 140 || !image) return undefined;
  const src = image.attribs.src ?? '';
  const width = dimension(image.attribs.width);
  const height = dimension(image.attribs.height);
  if (!src.startsWith(`/media/${storageKey}/`) || !/^\d{2,5}\.jpg$/.test(src.slice(`/media/${storageKey}/`.length)) || !width || !height) return undefined;
  const [caption] = elementsNamed(figure, 'figcaption');
  const credit = spanText(figure, 'figure__credit') ?? '';
  return {
    storageKey,
    src,
    width,
    height,
    alt: (image.attribs.alt ?? '').trim(),
    caption: spanText(figure, 'figure__text') ?? (caption && credit === '' ? textContent(caption).trim() : ''),
    credit: credit.startsWith(creditPrefix) ? credit.slice(creditPrefix.length).trim() : credit,
  };
}

export function inlinePhotoElement(photo: InlinePhotoFields): Element {
  const image = element('img', { src: photo.src, alt: photo.alt, width: String(photo.width), height: String(photo.height) });
  const captionParts = [
    ...(photo.caption ? [element('span', { class: 'figure__text' }, [photo.caption])] : []),
    ...(photo.caption && photo.credit ? [' '] : []),
    ...(photo.credit ? [element('span', { class: 'figure__credit' }, [`${creditPrefix}${photo.credit}`])] : []),
  ];
  return element('figure', { class: 'inline-photo', 'data-media': photo.storageKey }, [
    image,
    ...(captionParts.length > 0 ? [element('figcaption', {}, captionParts)] : []),
  ]);
}

/** The stored embed, or undefined unless its provider and address are on the allow-list and agree. */
export function readEmbed(figure: Element): Embed | undefined {
  const provider = figure.attribs['data-provider'] ?? '';
  const embed = parseEmbedUrl(figure.attribs['data-url'] ?? '');
  return isEmbedProvider(provider) && embed?.provider === provider ? embed : undefined;
}

export function embedElement(embed: Embed): Element {
  return element('figure', { class: 'embed', 'data-provider': embed.provider, 'data-url': embed.url }, [
    element('a', { href: embed.url, rel: 'noopener' }, [embedMessages.link(embed.provider)]),
  ]);
}

/** Rebuilds stored figures in their one shape; drops images and spans found anywhere else. */
export function enforceFigureShapes(html: string): string {
  if (!/<(figure|img|span)\b/.test(html)) return html;
  const tree: Document = parseFragment(html);
  const rebuilt = new Set<Element>();
  for (const figure of elementsNamed(tree, 'figure')) {
    // A figure nested in one already rebuilt or removed is no longer in the tree.
    if (!isInTree(figure, tree)) continue;
    const kind = figure.attribs.class;
    if (kind === undefined) {
      for (const name of ['data-media', 'data-provider', 'data-url']) delete figure.attribs[name];
      continue;
    }
    const photo = kind === 'inline-photo' ? readInlinePhoto(figure) : undefined;
    const embed = kind === 'embed' ? readEmbed(figure) : undefined;
    const replacement = photo ? inlinePhotoElement(photo) : embed ? embedElement(embed) : undefined;
    if (!replacement) {
      removeElement(figure);
      continue;
    }
    replaceElement(figure, replacement);
    rebuilt.add(replacement);
  }
  for (const image of elementsNamed(tree, 'img')) if (!isInside(image, rebuilt)) removeElement(image);
  for (const span of elementsNamed(tree, 'span')) if (!isInside(span, rebuilt)) unwrap(span);
  return serializeFragment(tree);
}

function isInTree(node: Element, tree: Document): boolean {
  let parent = node.parent;
  while (parent && parent !== tree) parent = parent.parent;
  return parent === tree;
}

function isInside(node: Element, ancestors: ReadonlySet<Element>): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) if (ancestors.has(parent as Element)) return true;
  return false;
}

/** Keeps a stray span's text but not the span. */
function unwrap(node: Element): void {
  const parent = node.parent;
  if (!parent) return;
  const index = parent.children.indexOf(node);
  for (const child of node.children) child.parent = parent;
  parent.children.splice(index, 1, ...node.children);
  for (let i = 0; i < parent.children.length; i++) {
    parent.children[i]!.prev = parent.children[i - 1] ?? null;
    parent.children[i]!.next = parent.children[i + 1] ?? null;
  }
}
