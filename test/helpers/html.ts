/** Small readers for server-rendered HTML in tests: enough to find links, tags and JSON-LD. */

export function linksMatching(html: string, pattern: RegExp): string[] {
  return [...new Set([...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!).filter((href) => pattern.test(href)))];
}

export const articleLinkPattern = /^\/(?!tag\/|author\/|assets\/|media\/)[a-z0-9-]+\/[a-z0-9-]+$/;

export function articleLinks(html: string): string[] {
  return linksMatching(html, articleLinkPattern);
}

export function metaContent(html: string, attribute: 'name' | 'property', key: string): string | undefined {
  const match = html.match(new RegExp(`<meta ${attribute}="${key}" content="([^"]*)"`));
  return match?.[1];
}

export function jsonLdBlocks(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]!));
}

/** Index of the first match, for asserting the order of parts of a page. */
export function positionOf(html: string, pattern: RegExp): number {
  const index = html.search(pattern);
  if (index < 0) throw new Error(`${pattern} not found in the page`);
  return index;
}
