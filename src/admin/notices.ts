import { type Static, Type } from '@sinclair/typebox';
/**
 * After a form, the page it redirects to says what happened. The redirect carries a code (and a count
 * where the message has one), never the words themselves: a crafted link can choose which of the
 * newsroom's own messages shows, but cannot make the newsroom say anything else.
 */
export type NoticeTable = Readonly<Record<string, string | ((count: number) => string)>>;

/** The querystring of a page that shows notices; unknown codes are ignored, not refused. */
export const NoticeQuery = Type.Object({
  done: Type.Optional(Type.String({ maxLength: 200 })),
  count: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});
export type NoticeQuery = Static<typeof NoticeQuery>;

/** `path` with the notice `code` (and `count`) added to its query. */
export function withNotice(path: string, code: string, count?: number): string {
  const query = new URLSearchParams({ done: code, ...(count === undefined ? {} : { count: String(count) }) });
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

/** The text for the page's notice code, or '' when there is none or the code is not one of the page's own. */
export function noticeText(table: NoticeTable, query: NoticeQuery): string {
  if (!query.done || !Object.hasOwn(table, query.done)) return '';
  const message = table[query.done];
  return typeof message === 'function' ? message(query.count ?? 0) : (message ?? '');
}
