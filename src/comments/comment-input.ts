import { ValidationError } from '../errors.ts';
import type { Translator } from '../i18n/index.ts';
import { hasInvisibleCharacters, normaliseEmailAddress } from '../platform/email-address.ts';
import { replaceControlCharacters } from '../platform/control-characters.ts';

/** What a reader typed into "Leave a comment", exactly as sent, so a refused form comes back unchanged. */
export interface CommentFormValues {
  readonly name: string;
  readonly email: string;
  readonly website: string;
  readonly comment: string;
  readonly replyAlerts: boolean;
}

/** The same, cleaned and checked: what may be stored. */
export interface CommentInput {
  readonly name: string;
  /** In its one form (`normaliseEmailAddress`), so one commenter is one email however they type it. */
  readonly email: string;
  /** An absolute http(s) URL, or empty. */
  readonly website: string;
  readonly body: string;
  readonly replyAlerts: boolean;
}

export const commentLimits = { name: 100, email: 254, website: 200, comment: 5000 } as const;

// Direction overrides and isolates make a name read backwards ("gnp.exe") or flip the text around it.
const directionControls = /[\u202a-\u202e\u2066-\u2069]/g;

/** Free text as it may be stored: NFC, no control characters, Windows line ends unified. */
function cleanText(value: string): string {
  return replaceControlCharacters(value.normalize('NFC').replace(/\r\n?/g, '\n'), 'lines', '');
}

/** One line: also no line breaks, tabs or direction overrides, and no surrounding or repeated spaces. */
function cleanLine(value: string): string {
  return cleanText(value).replace(directionControls, '').replace(/\s+/g, ' ').trim();
}

function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

// Deliberately plain: one @, something on both sides, a dot in the domain, no spaces or angle brackets.
const emailShape = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/u;

function checkWebsite(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // Credentials in a link are a phishing trick ("https://bank.example@evil.example").
  if (url.username !== '' || url.password !== '' || url.hostname === '') return undefined;
  return url.href;
}

/** Reads the posted form into what the reader typed; anything missing or not text reads as empty. */
export function commentFormValues(body: unknown): CommentFormValues {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const text = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string) : '');
  return { name: text('name'), email: text('email'), website: text('website'), comment: text('comment'), replyAlerts: text('reply_alerts') === 'on' };
}

/**
 * Checks every field at once, so the reader sees every problem in one go; throws ValidationError with
 * a message per field, in `words` (the comment section's: its article's language when Gazette speaks it).
 */
export function validateComment(values: CommentFormValues, words: Translator): CommentInput {
  const errors: Record<string, string> = {};
  const name = cleanLine(values.name);
  const email = normaliseEmailAddress(values.email);
  const websiteTyped = cleanLine(values.website);
  const body = cleanText(values.comment).trim();

  if (name === '') errors.name = words.text('commentForm.nameMissing');
  else if (characterCount(name) > commentLimits.name) errors.name = words.text('commentForm.nameTooLong', { max: commentLimits.name });

  // No address holds one, so it is refused rather than quietly dropped: the reader typed something else.
  if (hasInvisibleCharacters(values.email)) errors.email = words.text('commentForm.emailInvisible');
  else if (email === '') errors.email = words.text('commentForm.emailMissing');
  else if (email.length > commentLimits.email) errors.email = words.text('commentForm.emailTooLong', { max: commentLimits.email });
  else if (!emailShape.test(email)) errors.email = words.text('commentForm.emailInvalid');

  let website = '';
  if (websiteTyped !== '') {
    if (characterCount(websiteTyped) > commentLimits.website) errors.website = words.text('commentForm.websiteTooLong', { max: commentLimits.website });
    else website = checkWebsite(websiteTyped) ?? '';
    if (!errors.website && website === '') errors.website = words.text('commentForm.websiteInvalid');
  }

  if (body === '') errors.comment = words.text('commentForm.commentMissing');
  else if (characterCount(body) > commentLimits.comment) errors.comment = words.text('commentForm.commentTooLong', { max: commentLimits.comment });

  if (Object.keys(errors).length > 0) throw new ValidationError(words.text('commentForm.checkFields'), errors);
  return { name, email, website, body, replyAlerts: values.replyAlerts };
}
