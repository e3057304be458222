import { type AnyNode, hasChildren, isTag, isText } from 'domhandler';
import { parseFragment } from '../render/html-tree.ts';
import { type MarkupTree, type ReadingStats, readableText, readingStats } from '../render/text-measures.ts';

/** The parsed tree as text-measures reads it; entities are already decoded by the parser. */
const parsedTree: MarkupTree<AnyNode> = {
  text: (node) => (isText(node) ? node.data : undefined),
  tagName: (node) => (isTag(node) ? node.name.toLowerCase() : undefined),
  attribute: (node, name) => (isTag(node) ? node.attribs[name] : undefined),
  children: (node) => (hasChildren(node) ? node.children : []),
};

/**
 * Word count and reading time of an article body's HTML, in the article's language. The body is parsed,
 * not stripped with patterns, so entities, comments and odd markup count as a reader would see them.
 * The editor's browser bundle counts with the same rules (render/text-measures.ts), live as the body changes.
 * @example bodyStats('<p>Fire at the harbour.</p>', 'en') // { words: 4, minutes: 1 }
 */
export function bodyStats(html: string, language: string): ReadingStats {
  return readingStats(readableText<AnyNode>(parseFragment(html), parsedTree), language);
}
