import { GazetteError } from '../errors.ts';
import { isNewsroomKey, type NewsroomKey, newsroomTranslator, speaksInEveryNewsroomLanguage, type Translator } from '../i18n/index.ts';

/**
 * What an import tells the newsroom (why a file is refused, why an item was skipped), kept as keys of the
 * newsroom's catalogs (src/i18n/newsroom/imports.ts) so each newsroom reads it in its own language, and
 * stored so in the job's row and its report. Unlike errors.ts's Phrase, a value may itself be a phrase:
 * "Line 12: ‹the problem›", "‹This is not a WordPress export›: it is not XML." What comes from the file
 * or a parser (a URL, "unexpected end") stays as it is, inside the translated sentence.
 */
export interface ImportPhrase {
  readonly key: NewsroomKey;
  readonly values?: Readonly<Record<string, ImportValue>>;
}
export type ImportValue = string | number | ImportPhrase;

/** A phrase, or a sentence already in words (what a service said in English only). */
export type ImportSentence = string | ImportPhrase;

export function importPhrase(key: NewsroomKey, values?: Readonly<Record<string, ImportValue>>): ImportPhrase {
  return values ? { key, values } : { key };
}

const english = newsroomTranslator('en');

/** The sentence in `words`' language; English by default (logs, the command line, `Error#message`). */
export function importSentenceIn(sentence: ImportSentence, words: Translator<NewsroomKey> = english): string {
  if (typeof sentence === 'string') return sentence;
  const values = sentence.values && Object.fromEntries(Object.entries(sentence.values).map(([name, value]) => [name, valueIn(value, words)]));
  return words.text(sentence.key, values);
}

function valueIn(value: ImportValue, words: Translator<NewsroomKey>): string | number {
  return typeof value === 'object' ? importSentenceIn(value, words) : value;
}

/** What an error says, to be put in a report: an import's own sentence, a service's phrase, else its English message. */
export function sentenceOfError(error: Error): ImportSentence {
  if (error instanceof ExplainedError) return error.sentence;
  return error instanceof GazetteError && error.phrase ? error.phrase : error.message;
}

/**
 * An import's problem a person can act on (a file refused, a photo not found): `message` is the English
 * (logs, the command line, tests); `sentence` is what the newsroom is shown, in its own language.
 */
export class ExplainedError extends Error {
  readonly sentence: ImportSentence;
  constructor(sentence: ImportSentence, options?: { cause?: unknown }) {
    super(importSentenceIn(sentence), options);
    this.sentence = sentence;
  }

  textIn(words: Translator<NewsroomKey>): string {
    return importSentenceIn(this.sentence, words);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readImportPhrase(value: unknown, depth: number): ImportPhrase | undefined {
  if (!isRecord(value) || !isNewsroomKey(value.key) || depth > 4) return undefined;
  const key = value.key;
  if (value.values === undefined) return { key };
  if (!isRecord(value.values)) return undefined;
  const values: Record<string, ImportValue> = {};
  for (const [name, item] of Object.entries(value.values)) {
    if (typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item))) values[name] = item;
    else {
      const nested = readImportPhrase(item, depth + 1);
      if (!nested) return undefined;
      values[name] = nested;
    }
  }
  return { key, values };
}

/**
 * A phrase read back from the database, checked as errors.ts's storedPhrase checks one, phrases inside
 * included: its keys must still be in the catalogs (a stored job outlives a renamed key), its values of
 * the kinds a phrase holds, and every newsroom language must put it in words. Undefined when it is not one.
 */
export function storedPhrase(value: unknown): ImportPhrase | undefined {
  const read = readImportPhrase(value, 0);
  return read && speaksInEveryNewsroomLanguage((words) => importSentenceIn(read, words)) ? read : undefined;
}

/** Marks a text column's value as a phrase: rows written before phrases hold plain English, which never starts so. */
const phrasePrefix = 'phrase:';

/** The sentence for a text column (the job's failure): a phrase as JSON behind a prefix, a plain sentence as it is. */
export function sentenceForColumn(sentence: ImportSentence): string {
  return typeof sentence === 'string' ? sentence : `${phrasePrefix}${JSON.stringify(sentence)}`;
}

/** What `sentenceForColumn` wrote; an older row's English, or a phrase that cannot be read any more, comes back as text. */
export function sentenceFromColumn(text: string): ImportSentence {
  if (!text.startsWith(phrasePrefix)) return text;
  try {
    return storedPhrase(JSON.parse(text.slice(phrasePrefix.length))) ?? importPhrase('imports.failed');
  } catch {
    return importPhrase('imports.failed');
  }
}
