import { type ChildNode, type Document, Element, Text } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';

/** Parses clean HTML into a tree to reshape; entities are decoded, so text and attributes are plain. */
export function parseFragment(html: string): Document {
  return parseDocument(html, { decodeEntities: true });
}

/** Writes a tree back as HTML: UTF-8 text escaping only `&<>` (attributes `&"`), empty attributes kept as `alt=""`. */
export function serializeFragment(nodes: Document | readonly ChildNode[]): string {
  return DomUtils.getOuterHTML(nodes as ChildNode[], { decodeEntities: true, encodeEntities: 'utf8', emptyAttrs: true });
}

/** An element built from plain values; text children are escaped when serialized. */
export function element(name: string, attributes: Record<string, string>, children: readonly (ChildNode | string)[] = []): Element {
  const node = new Element(
    name,
    attributes,
    children.map((child) => (typeof child === 'string' ? new Text(child) : child)),
  );
  for (const child of node.children) child.parent = node;
  return node;
}

export function elementsNamed(root: Document | Element, name: string): Element[] {
  return DomUtils.getElementsByTagName(name, root, true);
}

export const { textContent, replaceElement, removeElement } = DomUtils;
