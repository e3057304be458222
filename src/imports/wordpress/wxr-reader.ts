import { decodeHTMLStrict } from 'entities';
import type { SaxesTagPlain } from 'saxes';
import { importPhrase } from '../import-phrases.ts';
import { byteLimit, detached, type FieldText, GuardedXmlParser, mebibytes, readGuardedXml, XmlFormatError, xmlMessages } from '../xml-stream.ts';
import type { WxrItemTerm, WxrComment, WxrItem, WxrRecord } from './wxr-records.ts';

// Reads a WordPress export (WXR: the RSS 2.0 dialect written by Tools › Export). Elements are matched by the
// prefixes WordPress writes (wp:, dc:, content:, excerpt:), as WordPress's own importer does, so WXR 1.0–1.2 read alike.
// Throughout: ids are 0 when absent or unreadable (WordPress's own "none"); other fields are '' when absent;
// slugs are percent-decoded ("%ed%95%9c%ea%b5%ad" → "한국"); names are entity-decoded text ("Arts &amp; Culture" →
// "Arts & Culture"); descriptions, titles and contents are kept as stored (HTML); dates are strings as stored.

export interface WxrReadOptions {
  /** The most one field (a post's content, a meta value) may hold, in UTF-8 bytes. Default 32 MiB. */
  readonly maxFieldBytes?: number;
  /** The most one item may hold with its meta and comments, in UTF-8 bytes. Default 256 MiB. */
  readonly maxItemBytes?: number;
}

/** The file cannot be read as a WordPress export; the sentence says why, for the person who chose the file. */
export class WxrFormatError extends XmlFormatError {
  override readonly name = 'WxrFormatError';
}

const messages = {
  ...xmlMessages(importPhrase('imports.file.notWordPress'), importPhrase('imports.file.exportAgainWordPress'), 'WordPress'),
  empty: importPhrase('imports.file.wordpressEmpty'),
  wrongRoot: (name: string) => importPhrase('imports.file.wordpressWrongRoot', { element: `<${name.slice(0, 40)}>`, expected: '<rss>' }),
  noVersion: importPhrase('imports.file.wordpressNoVersion', { element: '<wp:wxr_version>' }),
  badVersion: (version: string) => importPhrase('imports.file.wordpressBadVersion', { element: '<wp:wxr_version>', version: version.slice(0, 40) }),
  itemTooLarge: (limit: number, line: number) => importPhrase('imports.file.wordpressItemTooLarge', { line: String(line), size: mebibytes(limit) }),
};

const MAX_DEPTH = 64;
// What a field costs in memory beyond its text, so that a million empty meta entries count too.
const ENTRY_OVERHEAD_BYTES = 64;

type Container = 'rss' | 'channel' | 'author' | 'category' | 'tag' | 'term' | 'item' | 'postmeta' | 'comment' | 'commentmeta';
type Fields = Record<string, string>;
interface Scope {
  readonly container: Container;
  readonly line: number;
  readonly fields: Fields;
  readonly meta: Record<string, string[]>;
  readonly terms: WxrItemTerm[];
  readonly comments: WxrComment[];
  bytes: number;
}
type Frame = Scope | 'field' | 'ignored';

const CONTAINERS: Partial<Record<Container, Readonly<Record<string, Container>>>> = {
  rss: { channel: 'channel' },
  channel: { 'wp:author': 'author', 'wp:category': 'category', 'wp:tag': 'tag', 'wp:term': 'term', item: 'item' },
  item: { 'wp:postmeta': 'postmeta', 'wp:comment': 'comment' },
  comment: { 'wp:commentmeta': 'commentmeta' },
};

/** "wp:post_id=postId title" → { 'wp:post_id': 'postId', title: 'title' }: the elements a container reads, and into which field. */
function fieldsOf(spec: string): Readonly<Record<string, string>> {
  return Object.fromEntries(
    spec
      .trim()
      .split(/\s+/)
      .map((pair) => [pair.split('=')[0]!, pair.split('=').at(-1)!]),
  );
}
const ITEM_TERM = '#term';
const META_FIELDS = fieldsOf('wp:meta_key=key wp:meta_value=value');
const FIELDS: Partial<Record<Container, Readonly<Record<string, string>>>> = {
  channel: fieldsOf('title link description language wp:wxr_version=wxrVersion wp:base_site_url=baseSiteUrl wp:base_blog_url=baseBlogUrl'),
  author: fieldsOf(`wp:author_id=id wp:author_login=login wp:author_email=email wp:author_display_name=displayName
    wp:author_first_name=firstName wp:author_last_name=lastName`),
  category: fieldsOf('wp:term_id=id wp:category_nicename=slug wp:category_parent=parentSlug wp:cat_name=name wp:category_description=description'),
  tag: fieldsOf('wp:term_id=id wp:tag_slug=slug wp:tag_name=name wp:tag_description=description'),
  term: fieldsOf('wp:term_id=id wp:term_taxonomy=taxonomy wp:term_slug=slug wp:term_parent=parentSlug wp:term_name=name wp:term_description=description'),
  item: fieldsOf(`title link pubDate dc:creator=creator guid description content:encoded=content excerpt:encoded=excerpt wp:post_id=postId
    wp:post_date=postDate wp:post_date_gmt=postDateGmt wp:post_modified=modified wp:post_modified_gmt=modifiedGmt
    wp:comment_status=commentStatus wp:ping_status=pingStatus wp:post_name=postName wp:status=status wp:post_parent=postParent
    wp:menu_order=menuOrder wp:post_type=postType wp:post_password=postPassword wp:is_sticky=isSticky
    wp:attachment_url=attachmentUrl category=${ITEM_TERM}`),
  comment: fieldsOf(`wp:comment_id=id wp:comment_author=author wp:comment_author_email=authorEmail wp:comment_author_url=authorUrl
    wp:comment_author_IP=authorIp wp:comment_date=date wp:comment_date_gmt=dateGmt wp:comment_content=content
    wp:comment_approved=approved wp:comment_type=type wp:comment_parent=parentId wp:comment_user_id=userId`),
  postmeta: META_FIELDS,
  commentmeta: META_FIELDS,
};
// Kept exactly as stored; every other field loses the whitespace around it.
const VERBATIM = new Set(['title', 'description', 'content', 'excerpt', 'key', 'value']);

const SITE_TEXT = ['title', 'link', 'description', 'language', 'baseSiteUrl', 'baseBlogUrl'] as const;
const COMMENT_TEXT = ['authorEmail', 'authorUrl', 'authorIp', 'date', 'dateGmt', 'content', 'approved', 'type'] as const;
const ITEM_TEXT = [
  ...(['title', 'link', 'pubDate', 'creator', 'guid', 'description', 'content', 'excerpt', 'postDate', 'postDateGmt', 'modified'] as const),
  ...(['modifiedGmt', 'commentStatus', 'pingStatus', 'status', 'postType', 'postPassword', 'attachmentUrl'] as const),
];
/** The named fields as strings, '' for those the file did not have. */
const pick = <K extends string>(fields: Fields, keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, fields[key] ?? ''])) as Record<K, string>;

const nullObject = <T>(): Record<string, T> => Object.create(null);
const toId = (value = '') => (/^\d{1,15}$/.test(value) ? Number(value) : 0);
// WordPress stores these names HTML-escaped ("Arts &amp; Culture") and writes them inside CDATA as they are.
const decodeName = (value = '') => decodeHTMLStrict(value);

/** WordPress percent-encodes the UTF-8 bytes of non-ASCII letters in slugs and never ASCII, so only those are decoded ("%2f" stays). */
export function decodeWxrSlug(slug = ''): string {
  return slug.replace(/(?:%[89a-f][0-9a-f])+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** A WXR UTC time ('2025-03-01 10:00:00') as a Date; undefined for '0000-00-00 00:00:00' (WordPress's "not yet") or any non-time. */
export function parseWxrGmtDate(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 2025-02-30 into March and years below 100 into the 1900s: a time that does not round-trip is not one.
  return date.toISOString().slice(0, 19).replace('T', ' ') === match[0] ? date : undefined;
}

/** The WXR state machine over the guarded parser's events: `readWxr` feeds it text and drains `finished`. */
class WxrParser {
  readonly finished: WxrRecord[] = [];
  readonly xml: GuardedXmlParser<false>;
  readonly #frames: Frame[] = [];
  readonly #maxItemBytes: number;
  #siteSent = false;
  #sawCategories = false;
  #sawTags = false;
  #record: Scope | undefined;
  #field: { bag: Fields; key: string; text: FieldText; attributes: Record<string, string> } | undefined;

  constructor(options: WxrReadOptions) {
    this.#maxItemBytes = byteLimit(options.maxItemBytes, 256 * 2 ** 20);
    this.xml = new GuardedXmlParser({
      xmlns: false,
      maxDepth: MAX_DEPTH,
      maxFieldBytes: byteLimit(options.maxFieldBytes, 32 * 2 ** 20),
      messages,
      FormatError: WxrFormatError,
      onOpen: (tag) => this.#open(tag),
      onClose: () => this.#close(),
      onText: (text) => this.#text(text),
    });
  }

  end(): void {
    if (!this.#siteSent) throw this.xml.error(messages.noVersion);
  }

  #open(tag: SaxesTagPlain): void {
    const parent = this.#frames.at(-1);
    if (parent === undefined) {
      if (tag.name !== 'rss') throw this.xml.error(messages.wrongRoot(tag.name));
      this.#frames.push(this.#scope('rss'));
      return;
    }
    if (typeof parent !== 'object') {
      this.#frames.push('ignored');
      return;
    }
    const container = CONTAINERS[parent.container]?.[tag.name];
    const key = FIELDS[parent.container]?.[tag.name];
    if (container !== undefined) {
      const scope = this.#scope(container);
      if (parent.container === 'channel') {
        this.#sendSite(parent.fields);
        this.#record = scope;
      }
      this.#frames.push(scope);
    } else if (key !== undefined) {
      this.#field = { bag: parent.fields, key, text: this.xml.field(), attributes: tag.attributes };
      this.#frames.push('field');
    } else {
      this.#frames.push('ignored');
    }
  }

  #scope(container: Container): Scope {
    return { container, line: this.xml.line, fields: nullObject(), meta: nullObject(), terms: [], comments: [], bytes: 0 };
  }

  #text(text: string): void {
    const field = this.#field;
    if (field === undefined || this.#frames.at(-1) !== 'field') return;
    this.#count(field.text.add(text));
  }

  #count(bytes: number): void {
    const record = this.#record;
    if (record === undefined) return;
    record.bytes += bytes;
    if (record.bytes > this.#maxItemBytes) throw this.xml.error(messages.itemTooLarge(this.#maxItemBytes, record.line));
  }

  #close(): void {
    const frame = this.#frames.pop();
    const parent = this.#frames.at(-1);
    if (frame === 'field') {
      const { bag, key, text, attributes } = this.#field!;
      this.#field = undefined;
      this.#count(ENTRY_OVERHEAD_BYTES);
      const { value } = text;
      if (key !== ITEM_TERM) bag[key] = VERBATIM.has(key) ? value : value.trim();
      else if (attributes.nicename !== undefined && this.#record !== undefined) this.#record.terms.push(toItemTerm(attributes, value));
    }
    if (typeof frame !== 'object' || typeof parent !== 'object') return;
    if (frame.container === 'postmeta' || frame.container === 'commentmeta') addMeta(parent.meta, frame.fields);
    else if (frame.container === 'comment') parent.comments.push(toComment(frame));
    else if (frame.container === 'channel') this.#sendSite(frame.fields);
    else if (frame === this.#record) {
      this.#record = undefined;
      this.#finish(frame);
    }
  }

  #sendSite(fields: Fields): void {
    if (this.#siteSent) return;
    const wxrVersion = fields.wxrVersion ?? '';
    if (wxrVersion === '') throw this.xml.error(messages.noVersion);
    if (!/^\d{1,3}\.\d{1,3}$/.test(wxrVersion)) throw this.xml.error(messages.badVersion(wxrVersion));
    this.#siteSent = true;
    this.finished.push({ kind: 'site', ...pick(fields, SITE_TEXT), wxrVersion });
  }

  #finish(scope: Scope): void {
    const f = scope.fields;
    const term = { id: toId(f.id), slug: decodeWxrSlug(f.slug), name: decodeName(f.name), description: f.description ?? '' };
    const category = { kind: 'category', ...term, parentSlug: decodeWxrSlug(f.parentSlug) } as const;
    switch (scope.container) {
      case 'item':
        this.finished.push(toItem(scope));
        return;
      case 'author': {
        const names = { displayName: decodeName(f.displayName), firstName: decodeName(f.firstName), lastName: decodeName(f.lastName) };
        this.finished.push({ kind: 'author', id: term.id, ...pick(f, ['login', 'email']), ...names });
        return;
      }
      case 'category':
        this.#sawCategories = true;
        this.finished.push(category);
        return;
      case 'tag':
        this.#sawTags = true;
        this.finished.push({ kind: 'tag', ...term });
        return;
      case 'term':
        // WordPress 6.1's exporter lists every category and tag a second time as a wp:term (its custom-taxonomy query
        // is empty, which get_terms() takes as "every taxonomy"): those repeats are dropped.
        if (f.taxonomy === 'category') {
          if (!this.#sawCategories) this.finished.push(category);
        } else if (f.taxonomy === 'post_tag') {
          if (!this.#sawTags) this.finished.push({ kind: 'tag', ...term });
        } else {
          this.finished.push({ ...category, kind: 'term', taxonomy: f.taxonomy ?? '' });
        }
    }
  }
}

function toItemTerm(attributes: Record<string, string>, name: string): WxrItemTerm {
  // Attribute values are detached too: the terms are kept with the item.
  const domain = detached((attributes.domain ?? '').trim());
  return { taxonomy: domain === 'tag' ? 'post_tag' : domain, slug: detached(decodeWxrSlug(attributes.nicename?.trim())), name: decodeName(name.trim()) };
}

function addMeta(meta: Record<string, string[]>, { key, value = '' }: Fields): void {
  if (key === undefined || key === '') return;
  const values = meta[key] ?? [];
  values.push(value);
  meta[key] = values;
}

function toComment({ fields: f, meta }: Scope): WxrComment {
  const ids = { id: toId(f.id), parentId: toId(f.parentId), userId: toId(f.userId) };
  return { ...pick(f, COMMENT_TEXT), ...ids, author: decodeName(f.author), meta };
}

function toItem({ fields: f, meta, terms, comments }: Scope): WxrItem {
  const menuOrder = /^-?\d{1,15}$/.test(f.menuOrder ?? '') ? Number(f.menuOrder) : 0;
  const numbers = { postId: toId(f.postId), postParent: toId(f.postParent), menuOrder };
  return { kind: 'item', ...pick(f, ITEM_TEXT), ...numbers, postName: decodeWxrSlug(f.postName), isSticky: f.isSticky === '1', terms, meta, comments };
}

/**
 * Reads a WordPress export as it streams in and yields each record when its element closes, in file order:
 * the site once, then authors, categories, tags, other terms and items. Only the item being read is held.
 * Category and tag `wp:term` entries are skipped when the file listed `wp:category`/`wp:tag` elements before
 * them (they repeat those), and yielded as categories and tags otherwise.
 *
 * @throws {WxrFormatError} for anything but a complete, well-formed WXR file, with the line number.
 * @example
 * for await (const record of readWxr(createReadStream('export.xml'))) {
 *   if (record.kind === 'item' && record.postType === 'post') console.log(record.title, parseWxrGmtDate(record.postDateGmt));
 * }
 */
export async function* readWxr(input: NodeJS.ReadableStream | AsyncIterable<string | Buffer>, options: WxrReadOptions = {}): AsyncGenerator<WxrRecord> {
  yield* readGuardedXml(input, new WxrParser(options));
}
