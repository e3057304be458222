import { type Static, type TInteger, type TLiteral, type TObject, type TString, type TUnion, Type } from '@sinclair/typebox';
import { slugMaxLength, slugPattern } from './slugs.ts';

// Each schema is also its request type (`Static<typeof …>`), so a route's types can never drift from what it validates.

/** `?page=N` on every paginated list: a bad value is a 400, never a 500 or an empty page. */
export const PageQuery = Type.Object({ page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }) });
export type PageQuery = Static<typeof PageQuery>;

const slug = Type.String({ pattern: slugPattern, maxLength: slugMaxLength });

/** Path parameters that are slugs, e.g. `slugParams('sectionSlug', 'slug')` for `/:sectionSlug/:slug`. */
export function slugParams<const Names extends readonly string[]>(...names: Names): TObject<Record<Names[number], TString>> {
  return Type.Object(Object.fromEntries(names.map((name) => [name, slug])) as Record<Names[number], TString>);
}

/** A database id in an address: a whole number a row can have (PostgreSQL's integer), so `/admin/articles/abc` is a 400. */
export const rowId = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

/** Path parameters that are row ids, e.g. `rowIdParams('articleId', 'changeId')`. */
export function rowIdParams<const Names extends readonly string[]>(...names: Names): TObject<Record<Names[number], TInteger>> {
  return Type.Object(Object.fromEntries(names.map((name) => [name, rowId])) as Record<Names[number], TInteger>);
}

/** One of a few fixed strings, e.g. `?view=trash`. */
export function oneOf<const Values extends readonly string[]>(values: Values): TUnion<TLiteral<Values[number]>[]> {
  return Type.Union(values.map((value) => Type.Literal(value)));
}
