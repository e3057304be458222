import { ValidationError } from '../errors.ts';
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

export const descriptionLabels: Record<DescriptionField, string> = {
  alt: 'Alt text',
  caption: 'Caption',
  credit: 'Credit',
  photographer: 'Photographer',
  copyright: 'Copyright',
};

/** IPTC advises alt text of at most 250 characters; the rest leave room for long agency captions. */
export const descriptionLimits: Record<DescriptionField, number> = {
  alt: 250,
  caption: 1000,
  credit: 200,
  photographer: 200,
  copyright: 300,
};

const messages = {
  altRequired: 'Describe what the photo shows, for readers who cannot see it.',
  notText: (label: string) => `${label} must be text.`,
  repeated: (label: string) => `${label} was sent more than once. Check it and save again.`,
  tooLong: (label: string, length: number, limit: number) =>
    `${label} is ${length.toLocaleString('en')} characters long. Keep it to ${limit.toLocaleString('en')} or fewer.`,
  markup: (label: string) => `${label} is plain text. Remove the HTML tags, such as <b> or <script>.`,
  controlCharacters: (label: string) => `${label} contains invisible control characters, shown as �. Remove them.`,
  summary: 'Some descriptions need changing before they can be saved.',
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

function checkField(field: DescriptionField, value: unknown): { text: string; error?: string } {
  const label = descriptionLabels[field];
  if (Array.isArray(value)) return { text: '', error: messages.repeated(label) };
  if (value !== undefined && typeof value !== 'string') return { text: '', error: messages.notText(label) };
  const text = collapseWhitespace(value ?? '');
  switch (brokenRule(field, text)) {
    case 'control-characters':
      return { text, error: messages.controlCharacters(label) };
    case 'markup':
      return { text, error: messages.markup(label) };
    case 'too-long':
      return { text, error: messages.tooLong(label, text.length, descriptionLimits[field]) };
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
    { text: string; error?: string }
  >;
  const errors = Object.fromEntries(descriptionFields.flatMap((field) => (checked[field].error ? [[field, checked[field].error]] : [])));
  if (Object.keys(errors).length > 0) throw new ValidationError(messages.summary, errors);
  return Object.fromEntries(descriptionFields.map((field) => [field, checked[field].text])) as Required<ImageDescription>;
}
