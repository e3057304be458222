/**
 * The query parameters that make a reader page what it is, in the order its route declares them,
 * each by its canonical text; `undefined` leaves one out (absent, or at its default).
 */
export type PageParams = readonly (readonly [name: string, value: string | undefined])[];

/**
 * The one address of a page with query parameters: its page-cache key and where links and
 * redirects send readers. A route builds it from the parameters it declares, after checking that
 * what they name exists (a page past the last, a comment not shown), so the cache holds one entry
 * per page there is, never one per spelling a request can make up; anything else a request carries
 * (tracking tags, typos) changes neither the page nor its key.
 *
 * @example pageAddress('/world/harbour', [['comments', 'newest'], ['comments-page', undefined]]) === '/world/harbour?comments=newest'
 */
export function pageAddress(path: string, params: PageParams): string {
  const query = new URLSearchParams();
  for (const [name, value] of params) if (value !== undefined) query.append(name, value);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
