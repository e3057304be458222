import { slugMaxLength, slugPattern } from './slugs.ts';

/** `?page=N` on every paginated list: a bad value is a 400, never a 500 or an empty page. */
export const pageQuerySchema = {
  type: 'object',
  properties: { page: { type: 'integer', minimum: 1, maximum: 100_000, default: 1 } },
} as const;

export interface PageQuery {
  page: number;
}

export const slugSchema = { type: 'string', pattern: slugPattern, maxLength: slugMaxLength } as const;

export function slugParamsSchema<const Names extends readonly string[]>(...names: Names) {
  return {
    type: 'object',
    required: names,
    properties: Object.fromEntries(names.map((name) => [name, slugSchema])),
  } as const;
}
