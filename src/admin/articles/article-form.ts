import { TZDate } from '@date-fns/tz';
import type { ArticleInput, ArticleKind } from '../../articles/index.ts';
import type { Db } from '../../db/database.ts';
import { type Phrase, phrase, ValidationError } from '../../errors.ts';
import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { formatDateTime } from '../../render/dates.ts';
import { findOrCreateTags } from '../../tags/index.ts';

type Words = Translator<NewsroomKey>;

export type Intent = 'save' | 'preview' | 'review' | 'publish' | 'schedule' | 'unpublish';
const intents: readonly Intent[] = ['save', 'preview', 'review', 'publish', 'schedule', 'unpublish'];

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
  'featuredAlt',
  'featuredCaption',
  'featuredCredit',
  'featuredWordsFor',
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

function pick(value: string | undefined, allowed: ReadonlySet<number>, field: string, errors: Record<string, Phrase>): number | null {
  if (!value) return null;
  const id = Number(value);
  if (!Number.isInteger(id) || !allowed.has(id)) {
    errors[field] = phrase('editor.unknownOption');
    return null;
  }
  return id;
}

/** An instant as a date-time picker shows it in `timeZone`: "2026-12-01T07:30". */
export function localDateTimeValue(at: Date, timeZone: string): string {
  const local = new TZDate(at.getTime(), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${local.getFullYear()}-${two(local.getMonth() + 1)}-${two(local.getDate())}T${two(local.getHours())}:${two(local.getMinutes())}`;
}

/**
 * A "2026-12-01T07:30" typed in the newsroom's time zone (its words'), as an instant. The minute it is now
 * counts as now (a night editor typing the current time means "go"), so it comes back as `now`;
 * an earlier minute is refused, since it is more likely a slip of the day or hour than a wish.
 */
export function parsePublishAt(value: string, now: Date, words: Words): { at?: Date; error?: Phrase } {
  const invalid = { error: phrase('editor.publishAtInvalid') };
  // Seconds are optional: browsers' datetime-local sends them when the step asks for them.
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return invalid;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  if (month! > 12 || day! > 31 || hour! > 23 || minute! > 59 || second! > 59) return invalid;
  const at = new Date(new TZDate(year!, month! - 1, day!, hour!, minute!, second!, words.timeZone).getTime());
  if (Number.isNaN(at.getTime())) return invalid;
  if (at > now) return { at };
  if (now.getTime() - at.getTime() < 60_000) return { at: now };
  return { error: phrase('editor.publishAtPast', { now: formatDateTime(now, words) }) };
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
  const errors: Record<string, Phrase> = {};
  const sectionId = pick(values.sectionId, options.sectionIds, 'sectionId', errors);
  const bylines = (['byline1', 'byline2', 'byline3'] as const).map((field) => pick(values[field], options.authorIds, field, errors));
  const featuredMediaId = pick(values.featuredMediaId, options.imageIds, 'featuredMediaId', errors);
  const socialImageId = pick(values.socialImageId, options.imageIds, 'socialImageId', errors);
  const kind = values.kind || 'news';
  if (!isArticleKind(kind)) errors.kind = phrase('editor.unknownOption');
  const tagNames = [
    ...new Set(
      (values.tags ?? '')
        .split(/[,،，、]/)
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
  if (tagNames.length > 10) errors.tags = phrase('editor.tooManyTags');
  else if (tagNames.some((name) => name.length > 50)) errors.tags = phrase('editor.tagTooLong');
  if (Object.keys(errors).length > 0) throw new ValidationError(phrase('editor.articleHasErrors'), errors);
  const { tags, unknown } = await findOrCreateTags(db, tagNames, { mayCreate: options.mayCreateTags });
  if (unknown.length > 0) {
    const names = unknown.map((name) => `“${name}”`).join(', ');
    throw new ValidationError(phrase('editor.articleHasErrors'), { tags: phrase('editor.newTagsRefused', { names, count: unknown.length }) });
  }
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
