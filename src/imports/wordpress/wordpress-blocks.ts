import { parse } from '@wordpress/block-serialization-default-parser';

/**
 * Block editor markup (`<!-- wp:name {attrs} -->…<!-- /wp:name -->`) mapped block by block to HTML in
 * Gazette's vocabulary. Photos, embeds and classic HTML are left to the caller's context, which also
 * tidies the whole result once: this module knows the blocks, not the markup inside them.
 */

type ParsedBlock = ReturnType<typeof parse>[number];

export interface BlockContext {
  /** Classic-editor HTML (a freeform, HTML or shortcode block): paragraphs by WordPress's rules, shortcodes expanded. */
  classic(html: string): string;
  /** The HTML a block saved around its inner blocks: shortcodes expanded, nothing else. */
  inline(html: string): string;
  /** An image block's `<figure>`, or an old gallery's: the photos it shows. */
  figure(html: string, attachmentId: number | undefined): string;
  /** An embed block: its address and the HTML it saved (a caption, the address again). */
  embed(url: string, html: string): string;
  reusableBlock(id: number): string | undefined;
  readonly unknownBlocks: Set<string>;
  readonly missingReusableBlocks: Set<number>;
}

/** Deeper than any editor nests blocks; below it a block's markup is kept as it is, without recursion. */
const maxBlockDepth = 32;
/** Reusable blocks inside reusable blocks, as WordPress allows, but no further. */
const maxReusableDepth = 5;
/** Every reusable block inlined in one body, so a block that uses another many times cannot multiply the output. */
const maxReusableBlocks = 200;

const passThrough = new Set([
  'core/paragraph',
  'core/heading',
  'core/list',
  'core/list-item',
  'core/quote',
  'core/table',
  'core/preformatted',
  'core/code',
  'core/verse',
]);
const classicBlocks = new Set(['core/freeform', 'core/html', 'core/shortcode']);
/** Layout only: their inner blocks are the content. */
const layoutBlocks = new Set(['core/group', 'core/columns', 'core/column']);
const invisibleBlocks = new Set(['core/spacer', 'core/more', 'core/nextpage']);

/** Converts a body that may hold blocks; one without block markup is a single classic block. */
export function convertBlockMarkup(content: string, context: BlockContext): string {
  const budget = { reusableBlocks: maxReusableBlocks };

  function convertDocument(markup: string, references: readonly number[], depth: number): string {
    return parse(withWellFormedBlockComments(markup))
      .map((block) => convertBlock(block, references, depth))
      .join('');
  }

  function convertBlock(block: ParsedBlock, references: readonly number[], depth: number): string {
    const name = block.blockName;
    const attributes = block.attrs ?? {};
    if (name === null) return block.innerHTML.trim() === '' ? '' : context.classic(block.innerHTML);
    if (depth >= maxBlockDepth) return context.inline(blockMarkup(block));
    const inner = (keepWrapper = true): string => {
      const out: string[] = [];
      let child = 0;
      for (const piece of block.innerContent) {
        if (piece !== null) out.push(keepWrapper ? context.inline(piece) : '');
        else {
          const innerBlock = block.innerBlocks[child++];
          if (innerBlock) out.push(convertBlock(innerBlock, references, depth + 1));
        }
      }
      return out.join('');
    };
    if (passThrough.has(name)) return inner();
    if (classicBlocks.has(name)) return context.classic(blockMarkup(block));
    if (layoutBlocks.has(name)) return inner(false);
    if (invisibleBlocks.has(name)) return '';
    if (name === 'core/image') return context.figure(block.innerHTML, positiveInteger(attributes.id));
    // Since WordPress 5.9 a gallery holds image blocks; before, one <figure> with a list of images.
    if (name === 'core/gallery') return block.innerBlocks.length > 0 ? inner() : context.figure(block.innerHTML, undefined);
    if (name === 'core/embed' || name.startsWith('core-embed/'))
      return context.embed(typeof attributes.url === 'string' ? attributes.url : '', block.innerHTML);
    if (name === 'core/separator') return '<hr>';
    // WordPress's own markup is <figure><blockquote>; the tidy step keeps the inner quote's content.
    if (name === 'core/pullquote') return `<blockquote class="pull-quote">${inner()}</blockquote>`;
    if (name === 'core/block') return convertReusableBlock(positiveInteger(attributes.ref), references, depth);
    context.unknownBlocks.add(name);
    return inner();
  }

  function convertReusableBlock(id: number | undefined, references: readonly number[], depth: number): string {
    if (id === undefined) return '';
    const content = references.includes(id) || references.length >= maxReusableDepth || budget.reusableBlocks <= 0 ? undefined : context.reusableBlock(id);
    if (content === undefined) {
      context.missingReusableBlocks.add(id);
      return '';
    }
    budget.reusableBlocks--;
    return convertDocument(content, [...references, id], depth + 1);
  }

  return convertDocument(content, [], 0);
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** A block's saved HTML with its inner blocks' HTML in place, without recursion however deep they nest. */
function blockMarkup(root: ParsedBlock): string {
  const out: string[] = [];
  const stack: { block: ParsedBlock; index: number; child: number }[] = [{ block: root, index: 0, child: 0 }];
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    if (frame.index >= frame.block.innerContent.length) {
      stack.pop();
      continue;
    }
    const piece = frame.block.innerContent[frame.index++];
    if (typeof piece === 'string') out.push(piece);
    else {
      const child = frame.block.innerBlocks[frame.child++];
      if (child) stack.push({ block: child, index: 0, child: 0 });
    }
  }
  return out.join('');
}

const blockComment = /^<!--\s+\/?wp:(?:[a-z][a-z0-9_-]*\/)?[a-z][a-z0-9_-]*\s+(?:\{[\s\S]*\}\s+)?\/?-->$/;
const blockCommentStart = /<!--\s+\/?wp:/;

/**
 * Block comments as the parser can take them. Its tokenizer searches past the end of a comment whose
 * attributes are not closed, to the end of the body, once for each such comment; and each block left
 * open at the end takes the rest of the body as its content, a copy per block. So each comment is
 * checked here on its own, in one pass, and only pairs that match are kept. A comment dropped is one no
 * reader saw; one never closed hid the rest of the page, so the rest goes too.
 */
function withWellFormedBlockComments(content: string): string {
  if (!content.includes('<!--')) return content;
  const parts: string[] = [];
  const openers: { index: number; name: string }[] = [];
  const open = new Map<string, number>();
  let cursor = 0;
  for (let start = content.indexOf('<!--'); start !== -1; start = content.indexOf('<!--', cursor)) {
    const close = content.indexOf('-->', start + 4);
    parts.push(content.slice(cursor, start));
    cursor = close === -1 ? content.length : close + 3;
    const comment = content.slice(start, cursor);
    if (close === -1 || blockCommentStart.test(comment.slice(4))) continue;
    const [, closing, namespace = 'core/', name = ''] = /^<!--\s+(\/?)wp:([a-z][a-z0-9_-]*\/)?([a-z][a-z0-9_-]*)/.exec(comment) ?? [];
    if (!name) parts.push(comment);
    else if (!blockComment.test(comment)) continue;
    else if (comment.endsWith('/-->')) parts.push(comment);
    else if (!closing) {
      openers.push({ index: parts.push(comment) - 1, name: namespace + name });
      open.set(namespace + name, (open.get(namespace + name) ?? 0) + 1);
    } else if (open.get(namespace + name)) {
      // Blocks opened inside this one and never closed lose their comments; their HTML stays in this one.
      for (let opener = openers.pop(); opener; opener = openers.pop()) {
        open.set(opener.name, open.get(opener.name)! - 1);
        if (opener.name === namespace + name) break;
        parts[opener.index] = '';
      }
      parts.push(comment);
    }
  }
  parts.push(content.slice(cursor));
  for (const { index } of openers) parts[index] = '';
  return parts.join('');
}
