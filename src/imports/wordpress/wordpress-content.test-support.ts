import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ChildNode, Element } from 'domhandler';
import { elementsNamed, parseFragment, textContent } from '../../render/html-tree.ts';
import { type ContentResolvers, convertWordPressContent, type ImageReference, type ImportedImage } from './wordpress-content.ts';

// What the conversion tests share: the fixture's bodies, a library of its photos, and ways to look at the result.
// Bodies exactly as WordPress 6.1 exported them (test/fixtures/imports/wordpress, seeded by make/wordpress/seed.php).
const exportXml = readFileSync(new URL('../../../test/fixtures/imports/wordpress/export.xml', import.meta.url), 'utf8');
const bodies = new Map<number, string>();
for (const [, item] of exportXml.matchAll(/<item>([\s\S]*?)<\/item>/g)) {
  const id = Number(/<wp:post_id>(\d+)<\/wp:post_id>/.exec(item!)?.[1]);
  const content = /<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/.exec(item!)?.[1];
  if (content !== undefined) bodies.set(id, content.replaceAll(']]]]><![CDATA[>', ']]>'));
}
export function body(postId: number): string {
  const content = bodies.get(postId);
  assert.ok(content !== undefined, `post ${postId} is in the export`);
  return content;
}
export const festivalPost = 8; // classic: [gallery], [embed], an unknown [factbox], <h3>
export const electionPost = 9; // blocks: image, heading, list, quote, pullquote, table, separator, gallery, embed, reusable block
export const marketPost = 10; // classic: [caption], links to other posts, <blockquote>, &nbsp;
export const newsletterBlock = 7; // the wp_block item

/** The library after the photos' import: attachment id → file name, as in the export's uploads. */
export const photos = new Map([
  [4, 'seoul-night-market'],
  [5, 'cairo-election-crowd'],
  [6, 'lyon-festival-stage'],
]);
export const uploads = 'http://news.example.org/wp-content/uploads/2025/03/';

export function libraryImage(id: number, extra: Partial<ImportedImage> = {}): ImportedImage {
  const key = `${photos.get(id)}-7f3a`;
  return { storageKey: key, src: `/media/${key}/800.jpg`, width: 800, height: 533, alt: `Library alt ${id}`, ...extra };
}

export function resolvers(overrides: Partial<ContentResolvers> = {}) {
  const imageCalls: ImageReference[] = [];
  const linkCalls: string[] = [];
  const resolve: ContentResolvers = {
    image(reference) {
      imageCalls.push(reference);
      const fromUrl = [...photos].find(([, file]) => reference.url?.startsWith(`${uploads}${file}`))?.[0];
      const id = reference.attachmentId ?? fromUrl;
      return id !== undefined && photos.has(id) ? libraryImage(id) : undefined;
    },
    link(url) {
      linkCalls.push(url);
      if (url === 'http://news.example.org/2025/03/cairo-votes-first-results/') return '/middle-east/cairo-election-night-turnout';
      if (url === 'http://news.example.org/?p=8') return '/culture/lyon-fete-des-lumieres';
      return undefined;
    },
    reusableBlock: (id) => (id === newsletterBlock ? body(newsletterBlock) : undefined),
    ...overrides,
  };
  return { resolve, imageCalls, linkCalls };
}

export function convert(html: string, overrides: Partial<ContentResolvers> = {}) {
  return convertWordPressContent(html, resolvers(overrides).resolve);
}

/** The body's top-level elements, each as `name.class`. */
export function outline(html: string): string[] {
  return parseFragment(html)
    .children.filter((node): node is Element => node.type === 'tag')
    .map((node) => (node.attribs.class ? `${node.name}.${node.attribs.class}` : node.name));
}

export function topLevel(html: string): Element[] {
  return parseFragment(html).children.filter((node): node is Element => node.type === 'tag');
}

export function text(node: ChildNode | ChildNode[]): string {
  return textContent(node).replace(/\s+/g, ' ').trim();
}

export function photoOf(figure: Element) {
  const [image] = elementsNamed(figure, 'img');
  const caption = elementsNamed(figure, 'span').find((span) => span.attribs.class === 'figure__text');
  const credit = elementsNamed(figure, 'span').find((span) => span.attribs.class === 'figure__credit');
  return {
    key: figure.attribs['data-media'],
    src: image?.attribs.src,
    alt: image?.attribs.alt,
    caption: caption && text(caption),
    credit: credit && text(credit),
  };
}

export const noReport = { unknownShortcodes: [], unknownBlocks: [], missingImages: [], missingReusableBlocks: [] };
