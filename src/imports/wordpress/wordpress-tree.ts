import { type ChildNode, type Document, type Element, isTag, isText, type ParentNode, Text } from 'domhandler';
import { Tokenizer } from 'htmlparser2';
import { element, elementsNamed, parseFragment, textContent } from '../../render/html-tree.ts';

/**
 * Reshaping the converted body's tree without recursion: bodies are hostile, and a tree 100,000
 * elements deep would overflow the stack of any recursive walk (the serializer's included).
 */

/** What becomes of an element: kept (and its children visited), replaced by its children, or replaced by these nodes as they are. */
export type Rewrite = 'keep' | 'unwrap' | readonly ChildNode[];

/** Gazette's block elements (and `div`, until it becomes a paragraph or gives way to its content). */
export const blockElements = ['p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'table', 'hr', 'figure', 'div'];
const blocks = new Set(blockElements);
/** Elements that may hold blocks; everything else holds text and inline elements only. */
const flowElements = new Set(['blockquote', 'li', 'td', 'th', 'div']);
const inlineWrappers = new Set(['a', 'strong', 'em', 'b', 'i', 'cite']);
/** Blocks with no text are left out, unless they hold a figure or a rule (a table's empty cells are its layout). */
const droppedWhenEmpty = new Set(['p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol']);
const keptWhenEmpty = new Set(['figure', 'hr', 'li']);

/** Deeper than any article nests; below it an element keeps only its text and line breaks, images and inline frames. */
const maxDepth = 32;
/** Open elements htmlparser2 is allowed to hold: it moves its whole stack for each one it opens. */
const maxOpenElements = 100;

/** Parses a body's HTML into a tree no deeper than maxDepth, in time proportional to its length. */
export function parseBounded(html: string): Document {
  const tree = parseFragment(withBoundedNesting(html));
  capDepth(tree);
  return tree;
}

// What htmlparser2's parser closes when these open (a subset of its table, so the count below never falls short of its own).
const closesParagraph =
  'p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption figure footer form header hr main nav ol pre section table ul';
const impliedCloses = new Map<string, ReadonlySet<string>>([
  ...closesParagraph.split(' ').map((name): [string, ReadonlySet<string>] => [name, new Set(['p'])]),
  ['li', new Set(['li'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['option', new Set(['option'])],
]);
// htmlparser2's void elements exactly: counting one of them as open would make the count drift up and drop good tags.
const voidElements = new Set('area base basefont br col command embed frame hr image img input isindex keygen link meta param source track wbr'.split(' '));

/**
 * Leaves out the opening tags that would nest elements deeper than maxOpenElements. htmlparser2 keeps
 * its open elements in an array it unshifts, so 200,000 nested `<b>` take it half a minute; its own
 * tokenizer finds the tags here, in one pass, and a stack like its parser's counts them.
 */
function withBoundedNesting(html: string): string {
  if (html.length < maxOpenElements * 3) return html;
  const open: string[] = [];
  const cuts: number[] = [];
  let name = '';
  let tagStart = 0;
  const endOpenTag = (endIndex: number) => {
    if (voidElements.has(name)) return;
    if (open.length < maxOpenElements) open.push(name);
    else cuts.push(tagStart, endIndex + 1);
  };
  const ignore = () => {};
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      onopentagname(start, endIndex) {
        name = html.slice(start, endIndex).toLowerCase();
        tagStart = start - 1;
        const closes = impliedCloses.get(name);
        while (closes && open.length > 0 && closes.has(open.at(-1)!)) open.pop();
      },
      onopentagend: endOpenTag,
      onselfclosingtag: endOpenTag,
      onclosetag(start, endIndex) {
        const index = open.lastIndexOf(html.slice(start, endIndex).toLowerCase());
        if (index !== -1) open.length = index;
      },
      onattribdata: ignore,
      onattribentity: ignore,
      onattribend: ignore,
      onattribname: ignore,
      oncdata: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onend: ignore,
      onprocessinginstruction: ignore,
      ontext: ignore,
      ontextentity: ignore,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  if (cuts.length === 0) return html;
  const kept: string[] = [html.slice(0, cuts[0])];
  for (let i = 1; i < cuts.length; i += 2) kept.push(html.slice(cuts[i], cuts[i + 1] ?? html.length));
  return kept.join('');
}

/** Pushes one by one: spreading a list of 100,000 nodes into push() overflows the call stack. */
export function append(target: ChildNode[], nodes: readonly ChildNode[]): void {
  for (const node of nodes) target.push(node);
}

export function setChildren(parent: ParentNode, children: ChildNode[]): void {
  parent.children = children;
  children.forEach((child, index) => {
    child.parent = parent;
    child.prev = children[index - 1] ?? null;
    child.next = children[index + 1] ?? null;
  });
}

function capDepth(root: Document): void {
  const stack: [ParentNode, number][] = [[root, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    for (const child of node.children) {
      if (!isTag(child)) continue;
      if (depth + 1 < maxDepth) stack.push([child, depth + 1]);
      else setChildren(child, leaves(child));
    }
  }
}

function leaves(root: Element): ChildNode[] {
  const found: ChildNode[] = [];
  const stack: ChildNode[] = [...root.children].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (isText(node) || (isTag(node) && ['br', 'img', 'iframe'].includes(node.name))) found.push(node);
    else if (isTag(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return found;
}

/**
 * Visits every element in document order and applies what `visit` decides. Comments and other
 * markup that is neither text nor an element are dropped; neighbouring text is merged.
 */
export function rewrite(root: ParentNode, visit: (node: Element) => Rewrite): void {
  interface Frame {
    parent: ParentNode;
    sources: { nodes: readonly ChildNode[]; index: number }[];
    kept: ChildNode[];
  }
  const frames: Frame[] = [{ parent: root, sources: [{ nodes: root.children, index: 0 }], kept: [] }];
  while (frames.length > 0) {
    const frame = frames.at(-1)!;
    const source = frame.sources.at(-1);
    if (!source) {
      setChildren(frame.parent, frame.kept);
      frames.pop();
      continue;
    }
    const node = source.nodes[source.index++];
    if (!node) {
      frame.sources.pop();
      continue;
    }
    const last = frame.kept.at(-1);
    if (isText(node) && last && isText(last)) last.data += node.data;
    else if (isText(node)) frame.kept.push(node);
    if (!isTag(node)) continue;
    const result = visit(node);
    if (result === 'unwrap') frame.sources.push({ nodes: node.children, index: 0 });
    else if (result === 'keep') {
      frame.kept.push(node);
      frames.push({ parent: node, sources: [{ nodes: node.children, index: 0 }], kept: [] });
    } else for (const replacement of result) frame.kept.push(replacement);
  }
}

/**
 * Makes the structure Gazette stores: blocks (figures above all) lifted out of paragraphs and links
 * they were put in, `div`s turned into paragraphs or replaced by their content, text loose in the
 * body or a quote put in paragraphs, empty paragraphs and links dropped.
 */
export function finishTree(root: Document): void {
  // Children before parents, so each element's content is final when its parent looks at it.
  const order: ParentNode[] = [];
  const stack: ParentNode[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    order.push(node);
    for (const child of node.children) if (isTag(child)) stack.push(child);
  }
  for (let i = order.length - 1; i >= 0; i--) finishChildren(order[i]!);
}

function finishChildren(parent: ParentNode): void {
  const flow = !isTag(parent) || flowElements.has(parent.name);
  const out: ChildNode[] = [];
  for (const child of parent.children) {
    if (!isTag(child)) {
      // Blank lines between blocks, as the block editor saves them, are one line break.
      if (isText(child) && child.data.includes('\n') && child.data.trim() === '') child.data = '\n';
      const last = out.at(-1);
      if (last && isText(last) && isText(child) && last.data.trim() === '' && child.data.trim() === '') continue;
      out.push(child);
    } else if (child.name === 'div' && flow && !child.children.some(isBlock)) {
      child.name = 'p';
      if (!isBlank(child)) out.push(trimmed(child));
    } else if (child.name === 'div' || (child.name === 'p' && !flow)) append(out, child.children);
    else if (!flowElements.has(child.name) && child.children.some(isBlock)) append(out, split(child));
    else if (droppedWhenEmpty.has(child.name) && isBlank(child) && !child.children.some((node) => isTag(node) && keptWhenEmpty.has(node.name))) continue;
    else if (inlineWrappers.has(child.name) && textContent(child) === '') continue;
    else out.push(child.name === 'p' ? trimmed(child) : child);
  }
  setChildren(parent, !isTag(parent) || parent.name === 'blockquote' ? inParagraphs(out) : out);
}

function isBlock(node: ChildNode): boolean {
  return isTag(node) && blocks.has(node.name);
}

function isBlank(node: Element): boolean {
  return textContent(node).trim() === '';
}

/** An element holding blocks, cut around them: `<p>a<figure>b</p>` is `<p>a</p><figure><p>b</p>`. */
function split(node: Element): ChildNode[] {
  const out: ChildNode[] = [];
  let part: ChildNode[] = [];
  const flush = () => {
    const piece = element(node.name, { ...node.attribs }, part);
    part = [];
    if (!isBlank(piece)) out.push(piece.name === 'p' ? trimmed(piece) : piece);
  };
  for (const child of node.children) {
    if (!isBlock(child)) part.push(child);
    else {
      flush();
      out.push(child);
    }
  }
  flush();
  return out;
}

/** Text and inline elements loose between blocks, each run in a paragraph. */
function inParagraphs(nodes: readonly ChildNode[]): ChildNode[] {
  const out: ChildNode[] = [];
  let run: ChildNode[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const paragraph = element('p', {}, run);
    if (isBlank(paragraph)) append(out, run.filter(isText));
    else out.push(trimmed(paragraph));
    run = [];
  };
  for (const node of nodes) {
    if (!isBlock(node)) run.push(node);
    else {
      flush();
      out.push(node);
    }
  }
  flush();
  return out;
}

/** A paragraph without the line breaks and spaces autop left at its ends. */
function trimmed(paragraph: Element): Element {
  const children = paragraph.children;
  const isEdge = (node: ChildNode | undefined) => node !== undefined && ((isTag(node) && node.name === 'br') || (isText(node) && node.data.trim() === ''));
  let start = 0;
  let end = children.length;
  while (start < end && isEdge(children[start])) start++;
  while (end > start && isEdge(children[end - 1])) end--;
  if (end - start !== children.length) setChildren(paragraph, children.slice(start, end));
  const [first] = paragraph.children;
  const last = paragraph.children.at(-1);
  if (first && isText(first)) first.data = first.data.trimStart();
  if (last && isText(last)) last.data = last.data.trimEnd();
  return paragraph;
}

/** A `<pre>`'s lines as lines of a paragraph: Gazette has no preformatted text. */
export function breakLines(pre: Element): void {
  const nodes: ChildNode[] = [pre];
  for (let node = nodes.pop(); node; node = nodes.pop()) {
    if (!isTag(node)) continue;
    append(nodes, node.children);
    if (!node.children.some((child) => isText(child) && child.data.includes('\n'))) continue;
    setChildren(
      node,
      node.children.flatMap((child): ChildNode[] =>
        isText(child) ? child.data.split('\n').flatMap((line, index) => (index === 0 ? [new Text(line)] : [element('br', {}), new Text(line)])) : [child],
      ),
    );
  }
}

/** Like elementsNamed, without the element itself. */
export function descendantsNamed(node: Element, name: string): Element[] {
  return elementsNamed(node, name).filter((found) => found !== node);
}

/** A caption's text on one line: a line break is a space, as a reader saw it. */
export function textOf(root: Document | Element): string {
  const parts: string[] = [];
  const stack: ChildNode[] = [...root.children].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (isText(node)) parts.push(node.data);
    else if (isTag(node) && node.name === 'br') parts.push(' ');
    else if (isTag(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}
