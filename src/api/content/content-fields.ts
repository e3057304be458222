import { BadRequestError } from '../../errors.ts';
import { type ArticleJson, type ArticleListEntryJson, ArticleJson as ArticleSchema, ArticleSummaryJson } from '../article-json.ts';

// `fields=` on the article list: which of an Article's fields each entry carries.

export type ArticleField = keyof ArticleJson;

/** Every field an article has, in the order the answer lists them. */
export const articleFields = Object.keys(ArticleSchema.properties) as ArticleField[];

/** Without `fields=`: what a teaser shows. */
const summaryFields = Object.keys(ArticleSummaryJson.properties) as ArticleField[];

/** Fields a summary does not carry: asking for one reads whole articles (bodies, tags, corrections). */
const wholeArticleFields = new Set(articleFields.filter((field) => !summaryFields.includes(field)));

const messages = {
  unknown: (name: string) => `"${name}" is not a field of an article. Ask for any of: ${articleFields.join(', ')}.`,
};

export interface FieldSelection {
  /** In the answer's order, `id` first. */
  readonly fields: readonly ArticleField[];
  /** Whether any field needs the whole article rather than its summary. */
  readonly whole: boolean;
}

function isArticleField(name: string): name is ArticleField {
  return (articleFields as readonly string[]).includes(name);
}

/**
 * Reads `fields=id,headline,url`: names separated by commas, spaces around them and repeats ignored,
 * `id` always included. Absent or empty: a summary's fields.
 * @throws BadRequestError naming the unknown field and listing the known ones.
 */
export function selectFields(raw: string | undefined): FieldSelection {
  const names = (raw ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) return { fields: summaryFields, whole: false };
  for (const name of names) if (!isArticleField(name)) throw new BadRequestError(messages.unknown(name.slice(0, 40)));
  const asked = new Set<string>(['id', ...names]);
  const fields = articleFields.filter((field) => asked.has(field));
  return { fields, whole: fields.some((field) => wholeArticleFields.has(field)) };
}

/** The entry with only the selected fields. */
export function pickFields(article: Partial<ArticleJson> & Pick<ArticleJson, 'id'>, selection: FieldSelection): ArticleListEntryJson {
  const entry: Record<string, unknown> = {};
  for (const field of selection.fields) if (article[field] !== undefined) entry[field] = article[field];
  return entry as ArticleListEntryJson;
}
