import { type Static, type TSchema, Type } from '@sinclair/typebox';
import type { Author } from '../../authors/index.ts';
import { commentTextHtml, type PublicComment } from '../../comments/index.ts';
import type { Page } from '../../pages/index.ts';
import { absoluteUrl, authorUrl, pageUrl, sectionUrl, tagUrl } from '../../platform/urls.ts';
import { textAsHtml } from '../../render/safe-html.ts';
import { sanitizeStoredHtml } from '../../render/sanitize.ts';
import type { Section } from '../../sections/index.ts';
import type { Tag } from '../../tags/index.ts';
import type { TextPart } from '../../search/index.ts';
import { ArticleSummaryJson, ImageJson, imageJson, type JsonContext } from '../article-json.ts';

// What the Content API says sections, tags, authors, pages, comments and search results are. Like
// article-json.ts: each schema is the answer's type and the OpenAPI document's, and what is not in
// a schema is never sent.

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const dateTime = Type.String({ format: 'date-time' });
const articleCount = Type.Integer({ minimum: 1, description: 'Published articles filed under it.' });

export const SectionInfoJson = Type.Object(
  { id: Type.Integer(), slug: Type.String(), name: Type.String(), description: Type.String(), url: Type.String(), articleCount },
  { $id: 'Section' },
);

export const TagInfoJson = Type.Object(
  { id: Type.Integer(), slug: Type.String(), name: Type.String(), description: Type.String(), url: Type.String(), articleCount },
  { $id: 'Tag' },
);

export const AuthorInfoJson = Type.Object(
  {
    id: Type.Integer(),
    slug: Type.String(),
    name: Type.String(),
    jobTitle: Type.String(),
    bio: Type.String(),
    url: Type.String(),
    photo: nullable(Type.Ref(ImageJson)),
    articleCount,
  },
  { $id: 'Author' },
);

const pageProperties = {
  id: Type.Integer(),
  parentId: nullable(Type.Integer()),
  path: Type.String({ description: 'Its slugs from the top page down, e.g. "about/masthead".' }),
  url: Type.String(),
  title: Type.String(),
  updatedAt: dateTime,
};

export const PageSummaryJson = Type.Object(pageProperties, { $id: 'PageSummary' });

export const PageJson = Type.Object(
  { ...pageProperties, bodyHtml: Type.String({ description: 'Sanitised HTML, through the same allow-list as the page.' }) },
  { $id: 'Page' },
);

export const CommentJson = Type.Object(
  {
    id: Type.Integer(),
    parentId: nullable(Type.Integer({ description: 'The comment it answers; null at the top of a thread, or when that comment is not shown.' })),
    authorName: Type.String(),
    authorWebsite: nullable(Type.String()),
    isStaff: Type.Boolean({ description: "Written by the newsroom's staff." }),
    text: Type.String({ description: 'As the commenter wrote it: plain text.' }),
    html: Type.String({ description: 'As the page shows it: paragraphs, line breaks and links; everything else escaped.' }),
    createdAt: dateTime,
  },
  { $id: 'Comment' },
);

export const SearchResultJson = Type.Object(
  {
    article: Type.Ref(ArticleSummaryJson),
    excerpt: Type.String({ description: 'The passage that best matches: the body’s, or the standfirst.' }),
    excerptHtml: Type.String({ description: 'The same passage, escaped, with each match in <mark>.' }),
  },
  { $id: 'SearchResult' },
);

/** Added to the Content API's context, so routes and the OpenAPI document refer to them by `$id`. */
export const contentSchemas: readonly TSchema[] = [SectionInfoJson, TagInfoJson, AuthorInfoJson, PageSummaryJson, PageJson, CommentJson, SearchResultJson];

const url = (context: JsonContext, path: string) => absoluteUrl(context.publicUrl, path);

export function sectionInfoJson(section: Section, count: number, context: JsonContext): Static<typeof SectionInfoJson> {
  const { id, slug, name, description } = section;
  return { id, slug, name, description, url: url(context, sectionUrl(section)), articleCount: count };
}

export function tagInfoJson(tag: Tag, count: number, context: JsonContext): Static<typeof TagInfoJson> {
  const { id, slug, name, description } = tag;
  return { id, slug, name, description, url: url(context, tagUrl(tag)), articleCount: count };
}

export function authorInfoJson(author: Author, count: number, context: JsonContext): Static<typeof AuthorInfoJson> {
  const { id, slug, name, jobTitle, bio, photo } = author;
  return {
    id,
    slug,
    name,
    jobTitle,
    bio,
    url: url(context, authorUrl(author)),
    photo: photo ? imageJson({ ...photo, caption: '', credit: '' }, context) : null,
    articleCount: count,
  };
}

export function pageSummaryJson(page: Pick<Page, 'id' | 'parentId' | 'path' | 'title' | 'updatedAt'>, context: JsonContext): Static<typeof PageSummaryJson> {
  const { id, parentId, path, title } = page;
  return { id, parentId, path, url: url(context, pageUrl(path)), title, updatedAt: page.updatedAt.toISOString() };
}

export function pageJson(page: Page, context: JsonContext): Static<typeof PageJson> {
  return { ...pageSummaryJson(page, context), bodyHtml: String(sanitizeStoredHtml(page.bodyHtml)) };
}

export function commentJson(comment: Omit<PublicComment, 'status'>): Static<typeof CommentJson> {
  return {
    id: comment.id,
    parentId: comment.parentId,
    authorName: comment.authorName,
    authorWebsite: comment.authorWebsite === '' ? null : comment.authorWebsite,
    isStaff: comment.isStaff,
    text: comment.body,
    html: String(commentTextHtml(comment.body)),
    createdAt: comment.createdAt.toISOString(),
  };
}

/** A marked passage as text, and as HTML with each match in <mark> and every character escaped. */
export function excerptJson(parts: readonly TextPart[]): { excerpt: string; excerptHtml: string } {
  return {
    excerpt: parts.map((part) => part.text).join(''),
    excerptHtml: parts.map((part) => (part.highlighted ? `<mark>${textAsHtml(part.text)}</mark>` : String(textAsHtml(part.text)))).join(''),
  };
}
