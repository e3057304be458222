import type { InjectOptions } from 'fastify';
import Parser from 'rss-parser';
import type { Gazette } from '../../src/app.ts';

/** A feed item as a reader sees it, whichever format it came in. */
export interface ReadItem {
  readonly id: string;
  readonly title: string;
  readonly url: string;
}

const parser = new Parser();

/** Reads RSS and Atom with rss-parser, a maintained feed client, and JSON Feed with JSON.parse. */
export async function readFeedItems(body: string, contentType: string): Promise<ReadItem[]> {
  if (contentType.startsWith('application/feed+json')) {
    return (JSON.parse(body) as { items: { id: string; title: string; url: string }[] }).items.map(({ id, title, url }) => ({ id, title, url }));
  }
  const feed = await parser.parseString(body);
  return feed.items.map((item) => ({ id: String(item.guid ?? item.id), title: String(item.title), url: String(item.link) }));
}

/** The <loc> values of a sitemap or sitemap index, as site paths. */
export function sitemapPaths(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
}

/** GET through inject(), failing loudly on anything but the expected status. */
export async function fetchOk(gazette: Gazette, url: string, options: Omit<InjectOptions, 'url'> = {}) {
  const response = await gazette.app.inject({ url, ...options });
  if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
  return response;
}

/** Every sitemap file the index names, with the index itself, by path. */
export async function fetchAllSitemaps(gazette: Gazette): Promise<Map<string, string>> {
  const index = (await fetchOk(gazette, '/sitemap.xml')).body;
  const documents = new Map([['/sitemap.xml', index]]);
  for (const path of sitemapPaths(index)) documents.set(path, (await fetchOk(gazette, path)).body);
  return documents;
}
