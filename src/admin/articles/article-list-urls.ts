// The article list's addresses: every link on the page (pages, column sorting, "Clear filters")
// carries the view, filters and sort it was made from, so following one never loses the others.

export const sortKeys = ['headline', 'status', 'section', 'byline', 'goes-live', 'edited'] as const;
export type ArticleListSortKey = (typeof sortKeys)[number];
export type SortDirection = 'asc' | 'desc';

export interface ArticleListSort {
  readonly key: ArticleListSortKey;
  readonly direction: SortDirection;
}

/** Most recently edited (or trashed) first, as the list has always opened. */
export const defaultSort: ArticleListSort = { key: 'edited', direction: 'desc' };

/** The first click on a column: names A to Z, statuses in workflow order, times newest first. */
export function firstDirection(key: ArticleListSortKey): SortDirection {
  return key === 'edited' || key === 'goes-live' ? 'desc' : 'asc';
}

export type ArticleListView = 'articles' | 'changes' | 'trash';
export type StatusFilter = '' | 'draft' | 'review' | 'scheduled' | 'published';

/** The filters as the address holds them; '' and undefined mean "any". */
export interface ArticleListFilters {
  readonly q: string;
  readonly status: StatusFilter;
  readonly sectionId?: number;
  readonly authorId?: number;
  /** A byline as typed, where the newsroom has too many for a menu. */
  readonly byline: string;
  readonly tag: string;
}

export const noFilters: ArticleListFilters = { q: '', status: '', byline: '', tag: '' };

export function isFiltered(filters: ArticleListFilters): boolean {
  return (
    filters.q !== '' ||
    filters.status !== '' ||
    filters.sectionId !== undefined ||
    filters.authorId !== undefined ||
    filters.byline !== '' ||
    filters.tag !== ''
  );
}

export interface ListState {
  readonly view: ArticleListView;
  readonly filters: ArticleListFilters;
  readonly sort: ArticleListSort;
  readonly page?: number;
}

/** `/admin` with only what differs from the defaults, e.g. `/admin?view=trash&q=ferry&page=2`. */
export function listUrl({ view, filters, sort, page = 1 }: ListState): string {
  const params = new URLSearchParams();
  if (view !== 'articles') params.set('view', view);
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('status', filters.status);
  if (filters.sectionId !== undefined) params.set('section', String(filters.sectionId));
  if (filters.authorId !== undefined) params.set('author', String(filters.authorId));
  if (filters.byline) params.set('byline', filters.byline);
  if (filters.tag) params.set('tag', filters.tag);
  if (sort.key !== defaultSort.key || sort.direction !== defaultSort.direction) {
    params.set('sort', sort.key);
    params.set('dir', sort.direction);
  }
  if (page > 1) params.set('page', String(page));
  return params.size > 0 ? `/admin?${params}` : '/admin';
}

/** Where each column heading leads: the sorted column turns around, any other starts its own way; back to page 1. */
export function sortLinks(state: ListState): Record<ArticleListSortKey, string> {
  const linkFor = (key: ArticleListSortKey) => {
    const direction = state.sort.key === key ? (state.sort.direction === 'asc' ? 'desc' : 'asc') : firstDirection(key);
    return listUrl({ view: state.view, filters: state.filters, sort: { key, direction } });
  };
  return Object.fromEntries(sortKeys.map((key) => [key, linkFor(key)])) as Record<ArticleListSortKey, string>;
}
