import { TZDate } from '@date-fns/tz';
import type { ArticleInput, ArticleKind } from '../../articles/index.ts';
import type { Db } from '../../db/database.ts';
import { ValidationError } from '../../errors.ts';
import { type DateStyle, formatDateTime } from '../../render/dates.ts';
import { findOrCreateTags } from '../../tags/index.ts';

const messages = {
  unknownOption: 'Choose one of the options in the list.',
  tooManyTags: 'Use at most 10 tags.',
  tagTooLong: 'Keep each tag under 50 characters.',
  newTagsRefused: (names: readonly string[]) =>
    `${names.map((name) => `“${name}”`).join(', ')} ${names.length === 1 ? 'is not a tag yet' : 'are not tags yet'}, and only editors can create tags. Choose existing tags, or ask an editor to create ${names.length === 1 ? 'it' : 'them'}.`,
  publishAtInvalid: 'Enter a day and time like 2026-12-01T07:30.',
  publishAtPast: (now: string) => `That time has passed: it is now ${now}. Choose a time in the future, or press Publish now.`,
};

export type Intent = 'save' | 'review' | 'publish' | 'schedule' | 'unpublish';
const intents: readonly Intent[] = ['save', 'review', 'publish', 'schedule', 'unpublish'];

/** The editor's form exactly as typed, every field a string, for showing it again after an error. */
export type EditorValues = Record<string, string>;

export const editorFieldNames = [
  'headline',
  'standfirst',
  'slug',
  'sectionId',
  'byline1',
  'byline2',
  'byline3',
  'tags',
  'dateline',
  'featuredMediaId',
  'socialImageId',
  'bodyHtml',
  'seoTitle',
  'seoDescription',
  'publishAt',
  'loadedVersion',
  'intent',
  'kind',
  'language',
] as const;

/** The fields an autosave or a browser's draft keeps: what a writer types, not which button they press. */
export const draftFieldNames = editorFieldNames.filter((name) => !['publishAt', 'loadedVersion', 'intent'].includes(name));

export const editorBodySchema = {
  type: 'object',
  properties: Object.fromEntries([...editorFieldNames, '_csrf'].map((name) => [name, { type: 'string', maxLength: 500_000 }])),
} as const;

export function valuesFrom(body: Record<string, unknown> | undefined): EditorValues {
  const values: EditorValues = {};
  for (const name of editorFieldNames) {
    const value = body?.[name];
    values[name] = typeof value === 'string' ? value : '';
  }
  return values;
}

export function intentOf(values: EditorValues): Intent {
  return (intents as readonly string[]).includes(values.intent ?? '') ? (values.intent as Intent) : 'save';
}

function pick(value: string | undefined, allowed: ReadonlySet<number>, field: string, errors: Record<string, string>): number | null {
  if (!value) return null;
  const id = Number(value);
  if (!Number.isInteger(id) || !allowed.has(id)) {
    errors[field] = messages.unknownOption;
    return null;
  }
  return id;
}

/**
 * A "2026-12-01T07:30" typed in the newsroom's time zone, as an instant. The minute it is now
 * counts as now (a night editor typing the current time means "go"), so it comes back as `now`;
 * an earlier minute is refused, since it is more likely a slip of the day or hour than a wish.
 */
export function parsePublishAt(value: string, style: DateStyle, now: Date): { at?: Date; error?: string } {
  // Seconds are optional: browsers' datetime-local sends them when the step asks for them.
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return { error: messages.publishAtInvalid };
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  if (month! > 12 || day! > 31 || hour! > 23 || minute! > 59 || second! > 59) return { error: messages.publishAtInvalid };
  const at = new Date(new TZDate(year!, month! - 1, day!, hour!, minute!, second!, style.timeZone).getTime());
  if (Number.isNaN(at.getTime())) return { error: messages.publishAtInvalid };
  if (at > now) return { at };
  if (now.getTime() - at.getTime() < 60_000) return { at: now };
  return { error: messages.publishAtPast(formatDateTime(now, style)) };
}

/**
 * Turns the posted form into what the articles service takes, creating new tags on the way when
 * `mayCreateTags` (otherwise a name that is not a tag yet is refused, with the form kept as typed).
 * Choices must be among the options the form offered: a crafted id is refused, not stored.
 */
export async function articleInputFrom(
  db: Db,
  values: EditorValues,
  options: { sectionIds: ReadonlySet<number>; authorIds: ReadonlySet<number>; imageIds: ReadonlySet<number>; mayCreateTags: boolean },
): Promise<ArticleInput> {
  const errors: Record<string, string> = {};
  const sectionId = pick(values.sectionId, options.sectionIds, 'sectionId', errors);
  const bylines = (['byline1', 'byline2', 'byline3'] as const).map((field) => pick(values[field], options.authorIds, field, errors));
  const featuredMediaId = pick(values.featuredMediaId, options.imageIds, 'featuredMediaId', errors);
  const socialImageId = pick(values.socialImageId, options.imageIds, 'socialImageId', errors);
  const kind = values.kind || 'news';
  if (!isArticleKind(kind)) errors.kind = messages.unknownOption;
  const tagNames = [
    ...new Set(
      (values.tags ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
  if (tagNames.length > 10) errors.tags = messages.tooManyTags;
  else if (tagNames.some((name) => name.length > 50)) errors.tags = messages.tagTooLong;
  if (Object.keys(errors).length > 0) throw new ValidationError('The article has errors.', errors);
  const { tags, unknown } = await findOrCreateTags(db, tagNames, { mayCreate: options.mayCreateTags });
  if (unknown.length > 0) throw new ValidationError('The article has errors.', { tags: messages.newTagsRefused(unknown) });
  return {
    headline: values.headline ?? '',
    standfirst: values.standfirst ?? '',
    slug: values.slug ?? '',
    dateline: values.dateline ?? '',
    bodyHtml: values.bodyHtml ?? '',
    seoTitle: values.seoTitle ?? '',
    seoDescription: values.seoDescription ?? '',
    sectionId,
    authorIds: [...new Set(bylines.filter((id) => id !== null))],
    tagIds: tags.map((tag) => tag.id),
    featuredMediaId,
    socialImageId,
    kind: kind as ArticleKind,
    // Any BCP 47 tag is checked and made canonical by the articles service, not only the listed ones.
    language: values.language ?? '',
  };
}

function isArticleKind(value: string): value is ArticleKind {
  return ['news', 'analysis', 'opinion', 'review', 'sponsored'].includes(value);
}
