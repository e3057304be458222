import { type Editor, mergeAttributes, Node } from '@tiptap/core';
import { Selection } from '@tiptap/pm/state';
import { embedMessages, isEmbedProvider, parseEmbedUrl } from '../../render/embed-urls.ts';

/**
 * The editor's own nodes. Each renders exactly the stored shape that src/render/stored-figures.ts
 * accepts, so what the editor saves passes the server's allow-list unchanged.
 */

/**
 * Inserts a photo or embed and puts the cursor after it, so the next insertion or keystroke
 * does not replace the block just added (it would otherwise stay selected).
 */
export function insertBlock(editor: Editor, node: { type: 'inlinePhoto' | 'embed'; attrs: Record<string, unknown> }): void {
  editor
    .chain()
    .focus()
    .insertContent(node)
    .command(({ tr }) => {
      tr.setSelection(Selection.near(tr.doc.resolve(tr.selection.to), 1));
      return true;
    })
    .run();
}

/** `<blockquote class="pull-quote">`: a line lifted out of the text, set large. */
export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'paragraph+',
  defining: true,
  // Above the ordinary blockquote's rule, which would otherwise claim it.
  parseHTML: () => [{ tag: 'blockquote.pull-quote', priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => ['blockquote', mergeAttributes(HTMLAttributes, { class: 'pull-quote' }), 0],
});

export interface InlinePhotoAttributes {
  storageKey: string;
  src: string;
  alt: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
}

const creditPrefix = 'Photo: ';

function spanText(figure: HTMLElement, className: string): string {
  return figure.querySelector(`figcaption span.${className}`)?.textContent?.trim() ?? '';
}

/** A library photo with its caption and credit, chosen in the photo dialog. */
export const InlinePhoto = Node.create({
  name: 'inlinePhoto',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes: () => ({
    storageKey: { default: '' },
    src: { default: '' },
    alt: { default: '' },
    width: { default: 0 },
    height: { default: 0 },
    caption: { default: '' },
    credit: { default: '' },
  }),
  parseHTML: () => [
    {
      tag: 'figure.inline-photo',
      getAttrs: (figure) => {
        const image = figure.querySelector('img');
        const credit = spanText(figure, 'figure__credit');
        if (!image || !figure.dataset.media) return false;
        return {
          storageKey: figure.dataset.media,
          src: image.getAttribute('src') ?? '',
          alt: image.getAttribute('alt') ?? '',
          width: Number(image.getAttribute('width')) || 0,
          height: Number(image.getAttribute('height')) || 0,
          caption: spanText(figure, 'figure__text'),
          credit: credit.startsWith(creditPrefix) ? credit.slice(creditPrefix.length) : credit,
        };
      },
    },
  ],
  renderHTML: ({ node }) => {
    const photo = node.attrs as InlinePhotoAttributes;
    const caption: unknown[] = [];
    if (photo.caption) caption.push(['span', { class: 'figure__text' }, photo.caption]);
    if (photo.caption && photo.credit) caption.push(' ');
    if (photo.credit) caption.push(['span', { class: 'figure__credit' }, `${creditPrefix}${photo.credit}`]);
    const image = ['img', { src: photo.src, alt: photo.alt, width: String(photo.width), height: String(photo.height) }];
    return [
      'figure',
      { class: 'inline-photo', 'data-media': photo.storageKey },
      image,
      ...(caption.length > 0 ? [['figcaption', {}, ...caption]] : []),
    ] as never;
  },
});

/** A video or post from an allow-listed provider, stored as a link; readers load it only on request. */
export const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes: () => ({ provider: { default: '' }, url: { default: '' } }),
  parseHTML: () => [
    {
      tag: 'figure.embed',
      getAttrs: (figure) => {
        const embed = parseEmbedUrl(figure.dataset.url ?? '');
        return embed && embed.provider === figure.dataset.provider ? { provider: embed.provider, url: embed.url } : false;
      },
    },
  ],
  renderHTML: ({ node }) => {
    const { provider, url } = node.attrs as { provider: string; url: string };
    const label = isEmbedProvider(provider) ? embedMessages.link(provider) : url;
    return ['figure', { class: 'embed', 'data-provider': provider, 'data-url': url }, ['a', { href: url }, label]];
  },
});
