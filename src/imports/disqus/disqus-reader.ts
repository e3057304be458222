import { TextDecoder } from 'node:util';
import { SaxesParser, type SaxesTagNS } from 'saxes';
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

/** The file cannot be read as a Disqus export; the message says why, for the person who chose the file. */
export class DisqusFormatError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number, options?: { cause?: unknown }) {
    super(line === undefined ? message : `Line ${line}: ${message}`, options);
    this.name = 'DisqusFormatError';
    this.line = line;
  }
}

const disqusNamespace = 'http://disqus.com';
const internalsNamespace = 'http://disqus.com/disqus-internals';
const mebibytes = (bytes: number) => `${Math.round((bytes / 2 ** 20) * 10) / 10} MiB`;
const notDisqus = 'This is not a Disqus export';
const exportAgain = 'Export the comments again from Disqus (Moderation › Export).';
const messages = {
  empty: 'The file is empty. A Disqus export is the XML file Disqus e-mails after Moderation › Export.',
  notXml: (hint: string) => `${notDisqus}: it is not XML${hint}.`,
  noRoot: `${notDisqus}: it holds no XML element.`,
  wrongRoot: (name: string) =>
    name === 'rss'
      ? `${notDisqus}: its outermost element is <rss>, which makes it a WordPress export or a feed. Import a WordPress export with “gazette import wordpress”.`
      : `${notDisqus}: its outermost element is <${name.slice(0, 40)}>, where a Disqus export has <disqus>.`,
  wrongNamespace: (uri: string) =>
    `${notDisqus}: its <disqus> element is in ${uri ? `the namespace “${uri.slice(0, 80)}”` : 'no namespace'}, not Disqus’s ${disqusNamespace}.`,
  entities:
    'The file declares entities in a DOCTYPE. Disqus exports never do, and entity declarations are a known way to attack XML readers (billion laughs, reading local files), so the file is refused.',
  undefinedEntity: `The file uses an entity XML does not define (such as &nbsp; outside CDATA), so it is not well-formed XML. ${exportAgain}`,
  malformed: (detail: string) => `The file is not well-formed XML (${detail}). ${exportAgain}`,
  truncated: (detail: string) => `The file ends before the export does (${detail}): it was probably cut off while being downloaded or copied. ${exportAgain}`,
  encoding: (name: string) => `The file is encoded as ${name.slice(0, 40)}; only UTF-8 exports can be read. Convert it to UTF-8 first.`,
  notUtf8: 'The file is not valid UTF-8 text, which Disqus always writes: it was damaged or converted on the way.',
  fieldTooLarge: (limit: number) => `One field is larger than the limit of ${mebibytes(limit)} (maxFieldBytes).`,
  recordTooLarge: (kind: string, limit: number, line: number) =>
    `The ${kind} that starts on line ${line} is larger than the limit of ${mebibytes(limit)} (maxRecordBytes).`,
  tooDeep: (depth: number) => `Elements are nested more than ${depth} deep, which no Disqus export does.`,
};

const MAX_DEPTH = 32;
// Text goes to saxes in pieces this long, so the size limits are checked at least this often.
const PIECE_CHARS = 64 * 1024;
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

const dsqIdOf = (tag: SaxesTagNS) =>
  Object.values(tag.attributes)
    .find((a) => a.local === 'id' && a.uri === internalsNamespace)
    ?.value.trim() ?? '';

/** The Disqus state machine over saxes' events: `readDisqus` feeds it text and drains `finished`. */
class DisqusParser {
  readonly finished: DisqusRecord[] = [];
  readonly #parser = new SaxesParser<{ xmlns: true; position: true }>({ xmlns: true, position: true });
  /** Local names of the open elements, '' for those outside Disqus's namespace. */
  readonly #open: string[] = [];
  readonly #maxFieldBytes: number;
  readonly #maxRecordBytes: number;
  #started = false;
  #sawRoot = false;
  #closing = false;
  #eventSeen = false;
  #unflushedChars = 0;
  #record: OpenRecord | undefined;
  #field: { key: string; depth: number; parts: string[]; bytes: number } | undefined;

  constructor(options: DisqusReadOptions) {
    this.#maxFieldBytes = byteLimit(options.maxFieldBytes, 8 * 2 ** 20);
    this.#maxRecordBytes = byteLimit(options.maxRecordBytes, 16 * 2 ** 20);
    const parser = this.#parser;
    parser.on('error', (error) => {
      throw this.#fromSaxes(error);
    });
    parser.on('xmldecl', ({ encoding }) => {
      if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) throw this.#error(messages.encoding(encoding));
    });
    parser.on('doctype', (doctype) => {
      // saxes expands no declared entity, but a file that declares any is refused outright: Disqus never does.
      if (doctype.includes('[') || /<!ENTITY/i.test(doctype)) throw this.#error(messages.entities);
    });
    parser.on('opentag', (tag) => this.#openTag(tag));
    parser.on('closetag', () => this.#closeTag());
    parser.on('text', (text) => this.#text(text));
    parser.on('cdata', (text) => this.#text(text));
  }

  get line(): number {
    return this.#parser.line;
  }

  write(text: string): void {
    if (!this.#started) {
      const first = /[^\s\ufeff]/.exec(text)?.[0];
      if (first === undefined) return;
      this.#started = true;
      if (first !== '<') throw this.#error(messages.notXml(first === '{' || first === '[' ? ' (it looks like JSON)' : ''));
    }
    this.#eventSeen = false;
    this.#parser.write(text);
    // saxes holds a text, CDATA section or tag until it ends, telling nothing before: what was written since its
    // last event bounds that, so a hostile file cannot make it grow without limit.
    this.#unflushedChars = this.#eventSeen ? text.length : this.#unflushedChars + text.length;
    if (this.#unflushedChars > this.#maxFieldBytes + 2 * PIECE_CHARS) throw this.#error(messages.fieldTooLarge(this.#maxFieldBytes));
  }

  close(): void {
    if (!this.#started) throw new DisqusFormatError(messages.empty);
    this.#closing = true;
    this.#parser.close();
  }

  #openTag(tag: SaxesTagNS): void {
    this.#eventSeen = true;
    const depth = this.#open.length;
    if (depth >= MAX_DEPTH) throw this.#error(messages.tooDeep(MAX_DEPTH));
    const name = tag.uri === disqusNamespace ? tag.local : '';
    this.#open.push(name);
    if (depth === 0) {
      if (tag.local !== 'disqus') throw this.#error(messages.wrongRoot(tag.name));
      if (tag.uri !== disqusNamespace) throw this.#error(messages.wrongNamespace(tag.uri));
      this.#sawRoot = true;
    } else if (depth === 1) {
      if (!isKind(name)) return;
      this.#record = { kind: name, line: this.#parser.line, fields: Object.create(null), bytes: 0 };
      this.#record.fields['@'] = dsqIdOf(tag);
    } else if (this.#record && this.#open.every((open) => open !== '')) {
      const path = this.#open.slice(2).join('/');
      const wanted = FIELDS[this.#record.kind];
      if (wanted.has(`${path}@`)) this.#record.fields[`${path}@`] = dsqIdOf(tag);
      if (wanted.has(path)) this.#field = { key: path, depth: this.#open.length, parts: [], bytes: 0 };
    }
  }

  #text(text: string): void {
    this.#eventSeen = true;
    const field = this.#field;
    if (field === undefined || this.#open.length !== field.depth) return;
    const bytes = Buffer.byteLength(text);
    field.bytes += bytes;
    if (field.bytes > this.#maxFieldBytes) throw this.#error(messages.fieldTooLarge(this.#maxFieldBytes));
    this.#count(bytes);
    field.parts.push(text);
  }

  #count(bytes: number): void {
    const record = this.#record;
    if (record === undefined) return;
    record.bytes += bytes;
    if (record.bytes > this.#maxRecordBytes) throw this.#error(messages.recordTooLarge(record.kind, this.#maxRecordBytes, record.line));
  }

  #closeTag(): void {
    this.#eventSeen = true;
    const field = this.#field;
    if (field !== undefined && this.#open.length === field.depth) {
      this.#field = undefined;
      this.#record!.fields[field.key] = field.parts.join('');
    }
    this.#count(ENTRY_OVERHEAD_BYTES);
    this.#open.pop();
    const record = this.#record;
    if (record !== undefined && this.#open.length === 1) {
      this.#record = undefined;
      this.finished.push(recordFromFields(record.kind, record.fields));
    }
  }

  #fromSaxes(error: Error): DisqusFormatError {
    const detail = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    if (this.#closing) return this.#error(this.#sawRoot ? messages.truncated(detail) : messages.noRoot, error);
    if (!this.#sawRoot) return this.#error(messages.notXml(` (${detail})`), error);
    return this.#error(detail === 'undefined entity' ? messages.undefinedEntity : messages.malformed(detail), error);
  }

  #error(message: string, cause?: unknown): DisqusFormatError {
    return new DisqusFormatError(message, this.#parser.line, { cause });
  }
}

// A NaN limit would compare false and let everything through.
function byteLimit(value: number | undefined, otherwise: number): number {
  if (value === undefined) return otherwise;
  if (!(value > 0)) throw new RangeError(`A byte limit must be a positive number, not ${value}`);
  return value;
}

function decodeUtf8(decoder: TextDecoder, line: number, chunk?: Uint8Array): string {
  try {
    return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
  } catch (error) {
    throw new DisqusFormatError(messages.notUtf8, line, { cause: error });
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
  const parser = new DisqusParser(options);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  function* feed(text: string): Generator<DisqusRecord> {
    for (let start = 0; start < text.length; start += PIECE_CHARS) {
      parser.write(text.slice(start, start + PIECE_CHARS));
      yield* parser.finished.splice(0);
    }
  }
  for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
    yield* feed(typeof chunk === 'string' ? chunk : decodeUtf8(decoder, parser.line, chunk));
  }
  yield* feed(decodeUtf8(decoder, parser.line));
  parser.close();
  yield* parser.finished.splice(0);
}
