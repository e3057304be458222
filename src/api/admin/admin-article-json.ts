import { type Static, type TSchema, Type } from '@sinclair/typebox';
import type { Article } from '../../articles/index.ts';
import { ArticleJson, articleJson, type JsonContext } from '../article-json.ts';

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const dateTime = Type.String({ format: 'date-time' });

/** An article in any state, as the Admin API shows it to someone who may edit it. */
export const AdminArticleJson = Type.Object(
  {
    ...ArticleJson.properties,
    url: Type.String({ description: 'Its public address; readers can open it once it is published.' }),
    status: Type.Union([Type.Literal('draft'), Type.Literal('scheduled'), Type.Literal('published')]),
    scheduledFor: nullable(dateTime),
    trashed: Type.Boolean(),
    version: Type.Integer({ description: 'Goes up with every save; the ETag names it, and If-Match must.' }),
    slug: Type.String(),
    seoTitle: nullable(Type.String()),
    seoDescription: nullable(Type.String()),
    commentsOpen: Type.Boolean(),
    createdAt: dateTime,
  },
  { $id: 'AdminArticle' },
);
export type AdminArticleJson = Static<typeof AdminArticleJson>;

/** A live article's edit by someone who may not publish it waits for an editor: the API says so with 202. */
export const HeldEditJson = Type.Object(
  {
    held: Type.Literal(true),
    message: Type.String(),
    changeId: Type.Integer(),
    article: Type.Ref(AdminArticleJson),
  },
  { $id: 'HeldEdit' },
);

const maxText = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });

const writableFields = {
  headline: maxText(1000, 'Up to 200 characters.'),
  standfirst: maxText(5000),
  dateline: maxText(500),
  body: maxText(400_000, 'HTML; cleaned through the same allow-list as the newsroom editor.'),
  section: nullable(maxText(200, "A section's slug; null for none.")),
  tags: Type.Array(maxText(200), { maxItems: 10, description: 'Tag names; new ones are created if you may manage tags.' }),
  bylines: Type.Array(maxText(200), { maxItems: 3, description: "Authors' slugs. On create, defaults to your own byline." }),
  featuredImage: nullable(Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: "A media library image's id." })),
  socialImage: nullable(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
  slug: maxText(300),
  language: nullable(maxText(100, 'BCP 47, e.g. "ko" or "ar"; null or empty: the site\'s language.')),
  kind: Type.Union([Type.Literal('news'), Type.Literal('analysis'), Type.Literal('opinion'), Type.Literal('review'), Type.Literal('sponsored')]),
  seoTitle: nullable(maxText(1000)),
  seoDescription: nullable(maxText(5000)),
};

export const ArticleCreateBody = Type.Composite(
  [Type.Object({ headline: writableFields.headline }), Type.Partial(Type.Omit(Type.Object(writableFields), ['headline']))],
  {
    additionalProperties: false,
    examples: [
      {
        headline: 'Ferry fares to rise in March',
        standfirst: 'Commuters face a 6% increase.',
        body: '<p>Fares on the harbour ferry…</p>',
        section: 'business',
        tags: ['Transport'],
      },
    ],
  },
);
export type ArticleCreateBody = Static<typeof ArticleCreateBody>;

export const ArticleUpdateBody = Type.Partial(Type.Object(writableFields), {
  additionalProperties: false,
  minProperties: 1,
  examples: [{ standfirst: 'Commuters face a 6% increase from 1 March.' }],
});
export type ArticleUpdateBody = Static<typeof ArticleUpdateBody>;

export const ScheduleBody = Type.Object(
  { at: Type.String({ format: 'date-time', description: 'When it goes live, ISO 8601 with a time zone; must be in the future.' }) },
  { additionalProperties: false, examples: [{ at: '2026-12-24T06:00:00Z' }] },
);
export type ScheduleBody = Static<typeof ScheduleBody>;

/** Schemas the Admin API's answers point to by `$id`. */
export const adminArticleSchemas: readonly TSchema[] = [AdminArticleJson, HeldEditJson];

/** The service's field names, as the API's JSON calls them (for a refusal's `errors`). */
export const articleFieldNames: Readonly<Record<string, string>> = {
  bodyHtml: 'body',
  sectionId: 'section',
  featuredMediaId: 'featuredImage',
  socialImageId: 'socialImage',
  authorIds: 'bylines',
  tagIds: 'tags',
};

export function adminArticleJson(article: Article, context: JsonContext): AdminArticleJson {
  return {
    ...articleJson(article, context),
    status: article.status,
    scheduledFor: article.status === 'scheduled' ? (article.publishedAt?.toISOString() ?? null) : null,
    trashed: article.trashedAt !== null,
    version: article.version,
    slug: article.slug,
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    commentsOpen: article.commentsOpen,
    createdAt: article.createdAt.toISOString(),
  };
}

/** The ETag of one version of an article: what If-Match must name for an update to go through. */
export function articleEtag(article: Pick<Article, 'id' | 'version'>): string {
  return `"article-${article.id}-v${article.version}"`;
}
