import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
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

/** A file's body with its brotli (best quality) and gzip (level 9) forms, for files made once and served many times. */
export function compressed(body: Buffer): Required<PrecompressedAsset> {
  return { body, brotli: brotliCompressSync(body), gzip: gzipSync(body, { level: 9 }) };
}

/**
 * Compressed forms kept on disk under the content's hash: brotli at its best quality is most of what a
 * start spends on public/ (about 130 ms), for files that change only with the code. A missing or damaged
 * copy is made again; one that cannot be written only costs the next start the same work.
 */
async function compressedInCache(cacheDir: string, body: Buffer): Promise<PrecompressedAsset> {
  const digest = createHash('sha256').update(body).digest('hex');
  const base = join(cacheDir, digest.slice(0, 32));
  try {
    const [brotli, gzip] = await Promise.all([readFile(`${base}.br`), readFile(`${base}.gz`)]);
    if (brotliDecompressSync(brotli).equals(body) && gunzipSync(gzip).equals(body)) return { body, brotli, gzip };
  } catch {
    // Not compressed yet by any start of this checkout.
  }
  const made = compressed(body);
  try {
    await mkdir(cacheDir, { recursive: true });
    for (const [extension, data] of [
      ['br', made.brotli],
      ['gz', made.gzip],
    ] as const) {
      // Renamed into place, so a process starting at the same time never reads half a file.
      const temporary = `${base}.${extension}.${process.pid}.tmp`;
      await writeFile(temporary, data);
      await rename(temporary, `${base}.${extension}`);
    }
  } catch {
    // A read-only or full disk: compressed again at the next start.
  }
  return made;
}

/**
 * The files in public/, loaded and compressed once at boot and served under names that carry a
 * hash of their content ("site.3f2a9c1d.css"), so browsers may keep them forever.
 */
export class AssetManifest {
  readonly #byName = new Map<string, Asset>();
  readonly #byUrl = new Map<string, Asset>();

  /** `cacheDir` keeps the files' compressed forms between starts (see build-cache.ts); without it, each start compresses them. */
  static async load(directory: string, cacheDir?: string): Promise<AssetManifest> {
    const manifest = new AssetManifest();
    for (const name of (await readdir(directory)).sort()) {
      if (!contentTypes[extname(name)]) continue;
      const body = await readFile(join(directory, name));
      manifest.addGenerated(name, compressible.has(extname(name)) && cacheDir ? await compressedInCache(cacheDir, body) : body);
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
    const hash = createHash('sha256').update(given.body).digest('hex').slice(0, 10);
    const asset: Asset = {
      url: `/assets/${name.slice(0, -extension.length)}.${hash}${extension}`,
      type,
      ...given,
      ...(compress ? compressed(given.body) : {}),
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
