import type { NewsroomKey } from '../i18n/index.ts';
import { type Phrase, phrase, ValidationError } from '../errors.ts';
import { hasControlCharacters, replaceControlCharacters } from '../platform/control-characters.ts';

/** The words that go with a photo: what it shows, what it says, and who made and owns it. */
export interface ImageDescription {
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
  readonly photographer?: string;
  readonly copyright?: string;
}

export const descriptionFields = ['alt', 'caption', 'credit', 'photographer', 'copyright'] as const;
export type DescriptionField = (typeof descriptionFields)[number];

/** Each field's label, as a key of the newsroom's catalogs: the screens put it in their words. */
export const descriptionLabels: Readonly<Record<DescriptionField, NewsroomKey>> = {
  alt: 'refusal.media.labelAlt',
  caption: 'refusal.media.labelCaption',
  credit: 'refusal.media.labelCredit',
  photographer: 'refusal.media.labelPhotographer',
  copyright: 'refusal.media.labelCopyright',
};

/** IPTC advises alt text of at most 250 characters; the rest leave room for long agency captions. */
export const descriptionLimits: Record<DescriptionField, number> = {
  alt: 250,
  caption: 1000,
  credit: 200,
  photographer: 200,
  copyright: 300,
};

// The refusals name their field by its `field` value, which the catalogs turn into its label.
const messages = {
  altRequired: phrase('refusal.media.altRequired'),
  notText: (field: DescriptionField) => phrase('refusal.media.notText', { field }),
  repeated: (field: DescriptionField) => phrase('refusal.media.repeated', { field }),
  tooLong: (field: DescriptionField, length: number, limit: number) => phrase('refusal.media.tooLong', { field, length, limit }),
  // The tags are values: ICU reads "<b>" in a message as markup of its own.
  markup: (field: DescriptionField) => phrase('refusal.media.markup', { field, boldTag: '<b>', scriptTag: '<script>' }),
  controlCharacters: (field: DescriptionField) => phrase('refusal.media.controlCharacters', { field }),
  summary: phrase('refusal.media.descriptionsHaveErrors'),
};

const markup = /<\s*\/?\s*[a-z!?][^>]*>/i;

/** One line of plain text: runs of whitespace become one space; ends are trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ').trim();
}

type BrokenRule = 'control-characters' | 'markup' | 'too-long';

/** The first rule a description's text breaks, if any: the same rules for what people type and what files carry. */
function brokenRule(field: DescriptionField, text: string): BrokenRule | undefined {
  if (hasControlCharacters(text, 'lines')) return 'control-characters';
  if (markup.test(text)) return 'markup';
  if (text.length > descriptionLimits[field]) return 'too-long';
  return undefined;
}

/**
 * Text from a file's metadata, made to pass the rules typed text must pass: control characters
 * become spaces and overlong text is cut at a word, but text with HTML tags is dropped (''), since
 * no cleaning of it gives back what the photographer meant. The original file keeps the full text.
 */
export function cleanEmbeddedText(text: string, field: DescriptionField): string {
  let clean = collapseWhitespace(replaceControlCharacters(text, 'lines', ' '));
  const limit = descriptionLimits[field];
  if (brokenRule(field, clean) === 'too-long') {
    // Cut at a word where one is near, and say so with an ellipsis.
    const cut = clean.slice(0, limit - 1);
    const lastSpace = cut.lastIndexOf(' ');
    clean = `${lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut}…`;
  }
  return brokenRule(field, clean) === undefined ? clean : '';
}

/** What the person typed, fit to show again in the form: repeated values joined, control characters visible. */
export function typedDescription(input: Readonly<Record<string, unknown>>): Record<DescriptionField, string> {
  const typed = (value: unknown) =>
    Array.isArray(value) ? value.filter((item) => typeof item === 'string').join(' ') : typeof value === 'string' ? value : '';
  return Object.fromEntries(descriptionFields.map((field) => [field, replaceControlCharacters(typed(input[field]), 'lines', '�')])) as Record<
    DescriptionField,
    string
  >;
}

function checkField(field: DescriptionField, value: unknown): { text: string; error?: Phrase } {
  if (Array.isArray(value)) return { text: '', error: messages.repeated(field) };
  if (value !== undefined && typeof value !== 'string') return { text: '', error: messages.notText(field) };
  const text = collapseWhitespace(value ?? '');
  switch (brokenRule(field, text)) {
    case 'control-characters':
      return { text, error: messages.controlCharacters(field) };
    case 'markup':
      return { text, error: messages.markup(field) };
    case 'too-long':
      return { text, error: messages.tooLong(field, text.length, descriptionLimits[field]) };
  }
  if (field === 'alt' && text === '') return { text, error: messages.altRequired };
  return { text };
}

/**
 * Checks a description form. Text is stored exactly as typed apart from whitespace, so quotes,
 * semicolons and "DROP TABLE" are ordinary words; HTML tags and control characters are refused.
 * @throws ValidationError with a message per field.
 * @example checkDescription({ alt: 'Boats at a pier', caption: 'Busan, at dawn.' })
 */
export function checkDescription(input: Readonly<Record<string, unknown>>): Required<ImageDescription> {
  const checked = Object.fromEntries(descriptionFields.map((field) => [field, checkField(field, input[field])])) as Record<
    DescriptionField,
    { text: string; error?: Phrase }
  >;
  const errors = Object.fromEntries(descriptionFields.flatMap((field) => (checked[field].error ? [[field, checked[field].error]] : [])));
  if (Object.keys(errors).length > 0) throw new ValidationError(messages.summary, errors);
  return Object.fromEntries(descriptionFields.map((field) => [field, checked[field].text])) as Required<ImageDescription>;
}

/**
 * The same checks for a description sent with an upload, field by field: only the fields given
 * are checked and returned, and no alt text yet is allowed (the file's own may fill it, or an editor later).
 * @throws ValidationError with a message per field.
 */
export function checkGivenDescription(input: Readonly<Partial<Record<DescriptionField, string>>>): Partial<ImageDescription> {
  const given = descriptionFields.filter((field) => input[field] !== undefined && input[field].trim() !== '');
  const checked = given.map((field) => ({ field, ...checkField(field, input[field]) }));
  const errors = Object.fromEntries(checked.flatMap(({ field, error }) => (error ? [[field, error]] : [])));
  if (Object.keys(errors).length > 0) throw new ValidationError(messages.summary, errors);
  return Object.fromEntries(checked.map(({ field, text }) => [field, text]));
}
