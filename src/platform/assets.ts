import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyPluginAsync } from 'fastify';

const contentTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const compressible = new Set(['.css', '.js', '.svg']);

interface Asset {
  readonly url: string;
  readonly type: string;
  readonly body: Buffer;
  readonly brotli?: Buffer;
  readonly gzip?: Buffer;
}

/** A file with its compressed forms already made, e.g. kept from an earlier start. */
export type PrecompressedAsset = Pick<Asset, 'body' | 'brotli' | 'gzip'>;

/**
 * Compressed forms by content hash. Brotli at its best quality takes tens of milliseconds for the
 * stylesheet and a second for the newsroom's editor: bytes already compressed in this process (by an
 * earlier app, as the tests build hundreds) are not compressed again.
 */
const compressedByHash = new Map<string, Required<PrecompressedAsset>>();

function compressedOnce(hash: string, body: Buffer): Required<PrecompressedAsset> {
  let compressed = compressedByHash.get(hash);
  if (!compressed) {
    compressed = { body, brotli: brotliCompressSync(body), gzip: gzipSync(body, { level: 9 }) };
    compressedByHash.set(hash, compressed);
  }
  return compressed;
}

/**
 * The files in public/, loaded and compressed once at boot and served under names that carry a
 * hash of their content ("site.3f2a9c1d.css"), so browsers may keep them forever.
 */
export class AssetManifest {
  readonly #byName = new Map<string, Asset>();
  readonly #byUrl = new Map<string, Asset>();

  static async load(directory: string): Promise<AssetManifest> {
    const manifest = new AssetManifest();
    for (const name of (await readdir(directory)).sort()) {
      if (!contentTypes[extname(name)]) continue;
      manifest.addGenerated(name, await readFile(join(directory, name)));
    }
    return manifest;
  }

  /**
   * Adds a file made at boot rather than read from public/ (the editor's bundle), served and
   * fingerprinted like the rest. Its name's extension says its type.
   * @example manifest.addGenerated('admin-editor.js', bundle); manifest.url('admin-editor.js')
   */
  addGenerated(name: string, body: Buffer | PrecompressedAsset): string {
    const extension = extname(name);
    const type = contentTypes[extension];
    if (!type) throw new Error(`No content type for ${name}`);
    const given: PrecompressedAsset = Buffer.isBuffer(body) ? { body } : body;
    const compress = compressible.has(extension) && !given.brotli;
    const digest = createHash('sha256').update(given.body).digest('hex');
    const asset: Asset = {
      url: `/assets/${name.slice(0, -extension.length)}.${digest.slice(0, 10)}${extension}`,
      type,
      ...given,
      ...(compress ? compressedOnce(digest, given.body) : {}),
    };
    this.#byName.set(name, asset);
    this.#byUrl.set(asset.url, asset);
    return asset.url;
  }

  /** The fingerprinted URL of a file in public/; a missing file is a build bug and fails loudly. */
  url(name: string): string {
    const asset = this.#byName.get(name);
    if (!asset) throw new Error(`No asset named ${name} in public/`);
    return asset.url;
  }

  find(url: string): Asset | undefined {
    return this.#byUrl.get(url);
  }
}

export const assetRoutes: FastifyPluginAsync<{ manifest: AssetManifest }> = async (app, { manifest }) => {
  app.get<{ Params: { file: string } }>(
    '/assets/:file',
    { schema: { params: { type: 'object', properties: { file: { type: 'string', maxLength: 120 } } } } },
    async (request, reply) => {
      const asset = manifest.find(`/assets/${request.params.file}`);
      if (!asset) return reply.callNotFound();
      reply.header('content-type', asset.type).header('cache-control', 'public, max-age=31536000, immutable').header('vary', 'Accept-Encoding');
      const encoding = asset.brotli ? negotiate(request.headers['accept-encoding'] ?? '', ['br', 'gzip']) : undefined;
      if (encoding === 'br' && asset.brotli) return reply.header('content-encoding', 'br').send(asset.brotli);
      if (encoding === 'gzip' && asset.gzip) return reply.header('content-encoding', 'gzip').send(asset.gzip);
      return reply.send(asset.body);
    },
  );
  // Browsers ask for /favicon.ico where a document names no icon (a feed or a sitemap opened in a tab),
  // and so do crawlers and feed readers: they get the site's icon, which pages name as SVG, as its PNG.
  const icon = manifest.find(manifest.url('logo.png'));
  app.get('/favicon.ico', async (_request, reply) => {
    if (!icon) return reply.callNotFound();
    return reply.header('content-type', icon.type).header('cache-control', 'public, max-age=86400').send(icon.body);
  });
};
