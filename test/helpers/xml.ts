import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** What a namespace-aware reader makes of an XML document. */
export interface XmlReading {
  /** Expanded name of the root, e.g. "{http://www.w3.org/2005/Atom}feed". */
  readonly root: string;
  /** Expanded names of every element in the document. */
  readonly elements: ReadonlySet<string>;
  /** Not well-formed, or a prefix used without being declared. */
  readonly problems: readonly string[];
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', processEntities: false });

function expand(name: string, scope: ReadonlyMap<string, string>, problems: string[]): string {
  const [prefix, local] = name.includes(':') ? (name.split(':', 2) as [string, string]) : ['', name];
  const uri = scope.get(prefix);
  if (prefix !== '' && uri === undefined) problems.push(`the prefix "${prefix}" of <${name}> is not declared`);
  return uri ? `{${uri}}${local}` : local;
}

function walk(nodes: readonly OrderedNode[], parentScope: ReadonlyMap<string, string>, elements: Set<string>, problems: string[]): void {
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (!name || name.startsWith('#') || name.startsWith('?')) continue;
    const attributes = node[':@'] ?? {};
    const scope = new Map(parentScope);
    for (const [attribute, value] of Object.entries(attributes)) {
      if (attribute === 'xmlns') scope.set('', value);
      else if (attribute.startsWith('xmlns:')) scope.set(attribute.slice(6), value);
    }
    elements.add(expand(name, scope, problems));
    for (const attribute of Object.keys(attributes)) {
      if (attribute.includes(':') && !attribute.startsWith('xmlns:') && !attribute.startsWith('xml:')) expand(attribute, scope, problems);
    }
    walk(node[name] as OrderedNode[], scope, elements, problems);
  }
}

/** XML 1.0's Char production, which fast-xml-parser's validator does not enforce. */
const forbiddenCharacter = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Checks well-formedness (fast-xml-parser's validator) and resolves every element's namespace. */
export function readXml(xml: string): XmlReading {
  const forbidden = forbiddenCharacter.exec(xml);
  if (forbidden)
    return {
      root: '',
      elements: new Set(),
      problems: [`not well-formed: U+${forbidden[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${forbidden.index}`],
    };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { root: '', elements: new Set(), problems: [`not well-formed: ${valid.err.msg} (line ${valid.err.line})`] };
  const elements = new Set<string>();
  const problems: string[] = [];
  const nodes = parser.parse(xml) as OrderedNode[];
  walk(nodes, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), elements, problems);
  const rootNode = nodes.find((node) => Object.keys(node).some((key) => !key.startsWith('?') && key !== ':@' && !key.startsWith('#')));
  const rootName = rootNode ? Object.keys(rootNode).find((key) => key !== ':@')! : '';
  const rootScope = new Map<string, string>();
  for (const [attribute, value] of Object.entries(rootNode?.[':@'] ?? {})) {
    if (attribute === 'xmlns') rootScope.set('', value);
    else if (attribute.startsWith('xmlns:')) rootScope.set(attribute.slice(6), value);
  }
  return { root: expand(rootName, rootScope, []), elements, problems };
}

/** Well-known namespaces, by the prefix feeds and sitemaps conventionally give them. */
export const namespaces = {
  atom: 'http://www.w3.org/2005/Atom',
  media: 'http://search.yahoo.com/mrss/',
  dc: 'http://purl.org/dc/elements/1.1/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  image: 'http://www.google.com/schemas/sitemap-image/1.1',
  news: 'http://www.google.com/schemas/sitemap-news/0.9',
} as const;
