import { TextDecoder } from 'node:util';
import { SaxesParser, type TagForOptions } from 'saxes';
import { eventLoopTurns } from '../platform/event-loop-turns.ts';
import { ExplainedError, type ImportPhrase, type ImportSentence, importPhrase } from './import-phrases.ts';

// The guarded streaming-XML reading the WordPress and Disqus importers share: saxes fed in bounded pieces, refusing
// what no export holds (other encodings, entity declarations, JSON, deep nesting, endless text), with saxes'
// terse errors turned into the format's own messages. Each format keeps its state machine and its wording.

export const mebibytes = (bytes: number) => `${Math.round((bytes / 2 ** 20) * 10) / 10} MiB`;

/**
 * The messages that read the same for every export format but for what it is not (`notThis`), how to get a
 * fresh copy (`exportAgain`) and its name (`format`). What saxes says (`detail`) stays in its English.
 */
export function xmlMessages(notThis: ImportPhrase, exportAgain: ImportPhrase, format: string) {
  return {
    notXml: importPhrase('imports.file.notXml', { notThis }),
    notXmlButJson: importPhrase('imports.file.notXmlButJson', { notThis }),
    notXmlDetail: (detail: string) => importPhrase('imports.file.notXmlDetail', { notThis, detail }),
    noRoot: importPhrase('imports.file.noRoot', { notThis }),
    undefinedEntity: importPhrase('imports.file.undefinedEntity', { exportAgain }),
    malformed: (detail: string) => importPhrase('imports.file.malformed', { detail, exportAgain }),
    truncated: (detail: string) => importPhrase('imports.file.truncated', { detail, exportAgain }),
    encoding: (name: string) => importPhrase('imports.file.encoding', { encoding: name.slice(0, 40) }),
    fieldTooLarge: (limit: number) => importPhrase('imports.file.fieldTooLarge', { size: mebibytes(limit) }),
    entities: importPhrase('imports.file.entities', { format }),
    notUtf8: importPhrase('imports.file.notUtf8', { format }),
    tooDeep: (depth: number) => importPhrase('imports.file.tooDeep', { depth: String(depth), format }),
  };
}

/** What the parser says, in the format's words. */
export interface XmlMessages extends ReturnType<typeof xmlMessages> {
  readonly empty: ImportPhrase;
}

/** An export cannot be read; each format has its own subclass, whose sentence says why for the person who chose the file. */
export class XmlFormatError extends ExplainedError {
  /** Where the parser was when it gave up, when it had started. */
  readonly line: number | undefined;
  constructor(problem: ImportSentence, line?: number, options?: { cause?: unknown }) {
    super(line === undefined ? problem : importPhrase('imports.file.atLine', { line: String(line), problem }), options);
    this.line = line;
  }
}

export type XmlFormatErrorClass = new (problem: ImportSentence, line?: number, options?: { cause?: unknown }) => XmlFormatError;

export interface GuardedXmlOptions<Namespaces extends boolean> {
  /** Whether tags come with their namespaces resolved (saxes' `xmlns`). */
  readonly xmlns: Namespaces;
  readonly maxDepth: number;
  /** Also bounds the text saxes may hold before it reports anything. */
  readonly maxFieldBytes: number;
  readonly messages: XmlMessages;
  readonly FormatError: XmlFormatErrorClass;
  /** Called with the root element too: a handler that throws refuses it. */
  readonly onOpen: (tag: TagForOptions<{ xmlns: Namespaces; position: true }>) => void;
  readonly onClose: () => void;
  /** Text and CDATA alike, in as many pieces as saxes likes. */
  readonly onText: (text: string) => void;
}

// Text goes to saxes in pieces this long, so the size limits are checked at least this often.
const PIECE_CHARS = 64 * 1024;

/** saxes with the guards every export needs; the format's state machine listens through the `on…` callbacks. */
export class GuardedXmlParser<Namespaces extends boolean = boolean> {
  readonly #parser: SaxesParser<{ xmlns: Namespaces; position: true }>;
  readonly #options: GuardedXmlOptions<Namespaces>;
  #depth = 0;
  #started = false;
  #sawRoot = false;
  #closing = false;
  #eventSeen = false;
  #unflushedChars = 0;

  constructor(options: GuardedXmlOptions<Namespaces>) {
    this.#options = options;
    const { messages } = options;
    const parser = new SaxesParser<{ xmlns: Namespaces; position: true }>({ xmlns: options.xmlns, position: true });
    this.#parser = parser;
    parser.on('error', (error) => {
      throw this.#fromSaxes(error);
    });
    parser.on('xmldecl', ({ encoding }) => {
      if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) throw this.error(messages.encoding(encoding));
    });
    parser.on('doctype', (doctype) => {
      // saxes expands no declared entity, but a file that declares any is refused outright: no export does.
      if (doctype.includes('[') || /<!ENTITY/i.test(doctype)) throw this.error(messages.entities);
    });
    parser.on('opentag', (tag) => {
      this.#eventSeen = true;
      if (this.#depth >= options.maxDepth) throw this.error(messages.tooDeep(options.maxDepth));
      options.onOpen(tag);
      this.#depth += 1;
      this.#sawRoot = true;
    });
    parser.on('closetag', () => {
      this.#eventSeen = true;
      options.onClose();
      this.#depth -= 1;
    });
    const onText = (text: string) => {
      this.#eventSeen = true;
      options.onText(text);
    };
    parser.on('text', onText);
    parser.on('cdata', onText);
  }

  get line(): number {
    return this.#parser.line;
  }

  write(text: string): void {
    if (!this.#started) {
      const first = /[^\s\ufeff]/.exec(text)?.[0];
      if (first === undefined) return;
      this.#started = true;
      const { messages } = this.#options;
      if (first !== '<') throw this.error(first === '{' || first === '[' ? messages.notXmlButJson : messages.notXml);
    }
    this.#eventSeen = false;
    this.#parser.write(text);
    // saxes holds a text, CDATA section, comment or tag until it ends, telling nothing before: what was written
    // since its last event bounds that, so a hostile file cannot make it grow without limit.
    this.#unflushedChars = this.#eventSeen ? text.length : this.#unflushedChars + text.length;
    const { maxFieldBytes, messages } = this.#options;
    if (this.#unflushedChars > maxFieldBytes + 2 * PIECE_CHARS) throw this.error(messages.fieldTooLarge(maxFieldBytes));
  }

  close(): void {
    if (!this.#started) throw new this.#options.FormatError(this.#options.messages.empty);
    this.#closing = true;
    this.#parser.close();
  }

  /** The format's error for `problem`, at the current line. */
  error(problem: ImportSentence, cause?: unknown): XmlFormatError {
    return new this.#options.FormatError(problem, this.#parser.line, { cause });
  }

  /** A new field's text, to which no more than `maxFieldBytes` may be added. */
  field(): FieldText {
    const { maxFieldBytes, messages } = this.#options;
    return new FieldText(maxFieldBytes, () => this.error(messages.fieldTooLarge(maxFieldBytes)));
  }

  /** The bytes of the next chunk as text (the decoder's remainder when `chunk` is undefined), refusing what is not UTF-8. */
  decode(decoder: TextDecoder, chunk?: Uint8Array): string {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch (error) {
      throw this.error(this.#options.messages.notUtf8, error);
    }
  }

  #fromSaxes(error: Error): XmlFormatError {
    const { messages } = this.#options;
    const detail = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    if (this.#closing) return this.error(this.#sawRoot ? messages.truncated(detail) : messages.noRoot, error);
    if (!this.#sawRoot) return this.error(messages.notXmlDetail(detail), error);
    return this.error(detail === 'undefined entity' ? messages.undefinedEntity : messages.malformed(detail), error);
  }
}

/** One field's text, gathered from the pieces saxes reports it in. */
export class FieldText {
  readonly #parts: string[] = [];
  #bytes = 0;
  constructor(
    readonly maxBytes: number,
    readonly tooLarge: () => Error,
  ) {}

  /** Adds a piece and returns its size in UTF-8 bytes, for the limit on the record that holds the field. */
  add(text: string): number {
    const bytes = Buffer.byteLength(text);
    this.#bytes += bytes;
    if (this.#bytes > this.maxBytes) throw this.tooLarge();
    this.#parts.push(text);
    return bytes;
  }

  /** The whole text, sharing no memory with the input. */
  get value(): string {
    return detached(this.#parts.join(''));
  }
}

/** A format's state machine: it owns a GuardedXmlParser and queues the records whose elements have closed. */
export interface GuardedXmlReader<Output> {
  readonly xml: GuardedXmlParser;
  readonly finished: Output[];
  /** Checks what only the whole file can tell, once it has ended well-formed. */
  end?(): void;
}

/** Feeds `input` to the reader in bounded pieces, yielding its records as they finish. */
export async function* readGuardedXml<Output>(
  input: NodeJS.ReadableStream | AsyncIterable<string | Buffer>,
  reader: GuardedXmlReader<Output>,
): AsyncGenerator<Output> {
  const { xml, finished } = reader;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // The caller's work on each record happens while this waits at `yield`: the turns share out both.
  const turn = eventLoopTurns();
  async function* hand(records: Output[]): AsyncGenerator<Output> {
    for (const record of records) {
      yield record;
      await turn();
    }
  }
  async function* feed(text: string): AsyncGenerator<Output> {
    for (let start = 0; start < text.length; start += PIECE_CHARS) {
      xml.write(text.slice(start, start + PIECE_CHARS));
      yield* hand(finished.splice(0));
    }
  }
  for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
    yield* feed(typeof chunk === 'string' ? chunk : xml.decode(decoder, chunk));
  }
  yield* feed(xml.decode(decoder));
  xml.close();
  reader.end?.();
  yield* hand(finished.splice(0));
}

// A NaN limit would compare false and let everything through.
export function byteLimit(value: number | undefined, otherwise: number): number {
  if (value === undefined) return otherwise;
  if (!(value > 0)) throw new RangeError(`A byte limit must be a positive number, not ${value}`);
  return value;
}

/**
 * A copy of `text` that shares no memory with the parser's input. A field read in one piece is a slice
 * of a whole 64 KiB chunk of the file, and V8 keeps the chunk alive as long as the slice: an importer
 * that remembers 20,000 titles would otherwise hold a gigabyte of the file.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
