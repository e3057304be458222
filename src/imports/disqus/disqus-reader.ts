import type { SaxesTagNS } from 'saxes';
import { importPhrase } from '../import-phrases.ts';
import { byteLimit, detached, type FieldText, GuardedXmlParser, mebibytes, readGuardedXml, XmlFormatError, xmlMessages } from '../xml-stream.ts';
import { type DisqusRecord, type DisqusRecordKind, recordFromFields } from './disqus-records.ts';

// Reads a Disqus export (Moderation › Export on disqus.com, schema http://disqus.com/api/schemas/1.0/disqus.xsd): a
// <disqus> root in the http://disqus.com namespace holding <category>, <thread> and <post> elements, their ids in
// dsq:id attributes of the http://disqus.com/disqus-internals namespace. Elements are matched by namespace, not prefix.

export interface DisqusReadOptions {
  /** The most one field (a post's message) may hold, in UTF-8 bytes. Default 8 MiB. */
  readonly maxFieldBytes?: number;
  /** The most one thread or post may hold, in UTF-8 bytes. Default 16 MiB. */
  readonly maxRecordBytes?: number;
}

/** The file cannot be read as a Disqus export; the sentence says why, for the person who chose the file. */
export class DisqusFormatError extends XmlFormatError {
  override readonly name = 'DisqusFormatError';
}

const disqusNamespace = 'http://disqus.com';
const internalsNamespace = 'http://disqus.com/disqus-internals';
const messages = {
  ...xmlMessages(importPhrase('imports.file.notDisqus'), importPhrase('imports.file.exportAgainDisqus'), 'Disqus'),
  empty: importPhrase('imports.file.disqusEmpty'),
  wrongRoot: (name: string) =>
    name === 'rss'
      ? importPhrase('imports.file.disqusRootRss', { element: '<rss>' })
      : importPhrase('imports.file.disqusWrongRoot', { element: `<${name.slice(0, 40)}>`, expected: '<disqus>' }),
  wrongNamespace: (uri: string) =>
    uri
      ? importPhrase('imports.file.disqusNamespace', { element: '<disqus>', namespace: uri.slice(0, 80), expected: disqusNamespace })
      : importPhrase('imports.file.disqusNoNamespace', { element: '<disqus>', expected: disqusNamespace }),
  recordTooLarge: (kind: string, limit: number, line: number) =>
    importPhrase('imports.file.disqusRecordTooLarge', { kind, line: String(line), size: mebibytes(limit) }),
};

const MAX_DEPTH = 32;
// What a field costs in memory beyond its text, so that a million empty elements count too.
const ENTRY_OVERHEAD_BYTES = 64;

type Kind = DisqusRecordKind;
const authorFields = ['author/name', 'author/email', 'author/username', 'author/isAnonymous'];
/** The elements each record reads, by path below it; `@` marks an element whose dsq:id is read. */
const FIELDS: Readonly<Record<Kind, ReadonlySet<string>>> = {
  category: new Set(['forum', 'title', 'isDefault']),
  thread: new Set(['id', 'forum', 'category@', 'link', 'title', 'createdAt', 'isClosed', 'isDeleted', ...authorFields]),
  post: new Set(['id', 'message', 'createdAt', 'isDeleted', 'isSpam', 'ipAddress', 'thread@', 'parent@', ...authorFields]),
};
const isKind = (name: string): name is Kind => name === 'category' || name === 'thread' || name === 'post';

type Fields = Record<string, string>;
interface OpenRecord {
  readonly kind: Kind;
  readonly line: number;
  readonly fields: Fields;
  bytes: number;
}

// Detached: the ids are kept with the record, which must not pin the chunk of the file they were read from.
const dsqIdOf = (tag: SaxesTagNS) =>
  detached(
    Object.values(tag.attributes)
      .find((a) => a.local === 'id' && a.uri === internalsNamespace)
      ?.value.trim() ?? '',
  );

/** The Disqus state machine over the guarded parser's events: `readDisqus` feeds it text and drains `finished`. */
class DisqusParser {
  readonly finished: DisqusRecord[] = [];
  readonly xml: GuardedXmlParser<true>;
  /** Local names of the open elements, '' for those outside Disqus's namespace. */
  readonly #open: string[] = [];
  readonly #maxRecordBytes: number;
  #record: OpenRecord | undefined;
  #field: { key: string; depth: number; text: FieldText } | undefined;

  constructor(options: DisqusReadOptions) {
    this.#maxRecordBytes = byteLimit(options.maxRecordBytes, 16 * 2 ** 20);
    this.xml = new GuardedXmlParser({
      xmlns: true,
      maxDepth: MAX_DEPTH,
      maxFieldBytes: byteLimit(options.maxFieldBytes, 8 * 2 ** 20),
      messages,
      FormatError: DisqusFormatError,
      onOpen: (tag) => this.#openTag(tag),
      onClose: () => this.#closeTag(),
      onText: (text) => this.#text(text),
    });
  }

  #openTag(tag: SaxesTagNS): void {
    const depth = this.#open.length;
    const name = tag.uri === disqusNamespace ? tag.local : '';
    this.#open.push(name);
    if (depth === 0) {
      if (tag.local !== 'disqus') throw this.xml.error(messages.wrongRoot(tag.name));
      if (tag.uri !== disqusNamespace) throw this.xml.error(messages.wrongNamespace(tag.uri));
    } else if (depth === 1) {
      if (!isKind(name)) return;
      this.#record = { kind: name, line: this.xml.line, fields: Object.create(null), bytes: 0 };
      this.#record.fields['@'] = dsqIdOf(tag);
    } else if (this.#record && this.#open.every((open) => open !== '')) {
      const path = this.#open.slice(2).join('/');
      const wanted = FIELDS[this.#record.kind];
      if (wanted.has(`${path}@`)) this.#record.fields[`${path}@`] = dsqIdOf(tag);
      if (wanted.has(path)) this.#field = { key: path, depth: this.#open.length, text: this.xml.field() };
    }
  }

  #text(text: string): void {
    const field = this.#field;
    if (field === undefined || this.#open.length !== field.depth) return;
    this.#count(field.text.add(text));
  }

  #count(bytes: number): void {
    const record = this.#record;
    if (record === undefined) return;
    record.bytes += bytes;
    if (record.bytes > this.#maxRecordBytes) throw this.xml.error(messages.recordTooLarge(record.kind, this.#maxRecordBytes, record.line));
  }

  #closeTag(): void {
    const field = this.#field;
    if (field !== undefined && this.#open.length === field.depth) {
      this.#field = undefined;
      this.#record!.fields[field.key] = field.text.value;
    }
    this.#count(ENTRY_OVERHEAD_BYTES);
    this.#open.pop();
    const record = this.#record;
    if (record !== undefined && this.#open.length === 1) {
      this.#record = undefined;
      this.finished.push(recordFromFields(record.kind, record.fields));
    }
  }
}

/**
 * Reads a Disqus export as it streams in and yields each category, thread and post when its element closes, in
 * file order. Only the record being read is held; elements Disqus may add later are passed over.
 *
 * @throws {DisqusFormatError} for anything but a complete, well-formed Disqus export, with the line number.
 * @example
 * for await (const record of readDisqus(createReadStream('export.xml'))) {
 *   if (record.kind === 'post' && !record.isSpam) console.log(record.author.name, parseDisqusDate(record.createdAt));
 * }
 */
export async function* readDisqus(
  input: NodeJS.ReadableStream | AsyncIterable<string | Buffer>,
  options: DisqusReadOptions = {},
): AsyncGenerator<DisqusRecord> {
  yield* readGuardedXml(input, new DisqusParser(options));
}
