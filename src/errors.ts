import { isNewsroomKey, type MessageValues, type NewsroomKey, newsroomTranslator, speaksInEveryNewsroomLanguage, type Translator } from './i18n/index.ts';

/**
 * A sentence for the newsroom, kept as its key in the newsroom's catalogs (src/i18n/newsroom/refusals-*.ts)
 * so each newsroom reads it in its own language. Services say what went wrong with these; the screens
 * put them in words.
 */
export interface Phrase {
  readonly key: NewsroomKey;
  readonly values?: MessageValues;
}

export function phrase(key: NewsroomKey, values?: MessageValues): Phrase {
  return values ? { key, values } : { key };
}

/**
 * A phrase read back from stored data (a database row may be restored, imported or tampered with),
 * checked: a key of the newsroom's catalogs, starting with `keyPrefix` when given, so a stored key
 * cannot borrow another screen's words; values plain text and numbers, copied; and a message every
 * newsroom language can put in words with them. Undefined when it is not one.
 */
export function storedPhrase(value: unknown, keyPrefix = ''): Phrase | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { key, values } = value as { key?: unknown; values?: unknown };
  if (!isNewsroomKey(key) || !key.startsWith(keyPrefix)) return undefined;
  let checked: MessageValues | undefined;
  if (values !== undefined) {
    if (typeof values !== 'object' || values === null || Array.isArray(values)) return undefined;
    const entries = Object.entries(values);
    if (!entries.every(([, item]) => typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item)))) return undefined;
    checked = Object.fromEntries(entries);
  }
  const read = phrase(key, checked);
  return speaksInEveryNewsroomLanguage((words) => words.text(read.key, read.values)) ? read : undefined;
}

/** What a service may say: a phrase, or a sentence already in the reader's words (the comment form's). */
export type Sentence = string | Phrase;

const english = newsroomTranslator('en');

/** A sentence in `words`' language; a string is already in the words it was written in. */
export function sentenceIn(sentence: Sentence, words: Translator<NewsroomKey> = english): string {
  return typeof sentence === 'string' ? sentence : words.text(sentence.key, sentence.values);
}

/**
 * Errors a service may throw on purpose. One error handler maps them to HTTP, so a
 * service never knows about replies. Anything else is a bug: logged, shown as a generic page.
 * `message` is always English (logs, the command line); `textIn(words)` is what a person is shown.
 */
export abstract class GazetteError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  /** Set when the sentence came as a phrase, so it can be put in the newsroom's language. */
  readonly phrase?: Phrase;
  constructor(message: Sentence, options?: { cause?: unknown }) {
    super(sentenceIn(message), options);
    this.name = new.target.name;
    if (typeof message !== 'string') this.phrase = message;
  }

  /** The sentence in `words`' language (English words give `message`). */
  textIn(words: Translator<NewsroomKey>): string {
    return this.phrase ? sentenceIn(this.phrase, words) : this.message;
  }
}

export class BadRequestError extends GazetteError {
  readonly status = 400;
  readonly code = 'BAD_REQUEST';
}

export class NotFoundError extends GazetteError {
  readonly status = 404;
  readonly code = 'NOT_FOUND';
}

/** Not signed in, or the credentials were wrong. */
export class UnauthorizedError extends GazetteError {
  readonly status = 401;
  readonly code = 'UNAUTHORIZED';
}

export class ForbiddenError extends GazetteError {
  readonly status = 403;
  readonly code = 'FORBIDDEN';
}

/** What was here was removed on purpose and will not come back (e.g. an article moved to the trash). */
export class GoneError extends GazetteError {
  readonly status = 410;
  readonly code = 'GONE';
}

export class ConflictError extends GazetteError {
  readonly status = 409;
  readonly code = 'CONFLICT';
}

/**
 * A form's input was wrong; `fields` maps each field name to a message for the person who typed it
 * (in English; `fieldsIn(words)` gives them in the newsroom's language).
 */
export class ValidationError extends GazetteError {
  readonly status = 422;
  readonly code = 'VALIDATION_FAILED';
  readonly fields: Readonly<Record<string, string>>;
  readonly #sentences: Readonly<Record<string, Sentence>>;
  constructor(message: Sentence, fields: Readonly<Record<string, Sentence>> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.#sentences = fields;
    this.fields = this.fieldsIn(english);
  }

  fieldsIn(words: Translator<NewsroomKey>): Record<string, string> {
    return Object.fromEntries(Object.entries(this.#sentences).map(([field, sentence]) => [field, sentenceIn(sentence, words)]));
  }
}

export class RateLimitedError extends GazetteError {
  readonly status = 429;
  readonly code = 'RATE_LIMITED';
  constructor(
    message: Sentence,
    /** When known, how long until a new try is looked at: the Retry-After header. */
    readonly retryAfterSeconds?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const statusCodes: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  410: 'GONE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

/** The stable code for an error met outside a GazetteError (a framework error, a bad URL), from its status. */
export function codeForStatus(status: number): string {
  return statusCodes[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : `HTTP_${status}`);
}
