import type { Translator } from '../i18n/index.ts';

export interface PageLinks {
  readonly page: number;
  readonly pageCount: number;
  readonly previousUrl: string | null;
  readonly nextUrl: string | null;
}

/** Lists run newest first; search results run best match first, so they say "Previous" and "Next". */
export interface PaginationLabels {
  readonly previous: string;
  readonly next: string;
}

/** Links to the pages before and after, in the page's `words` (the newsroom's pages pass English ones). */
export function Pagination({ links, words, labels }: { links: PageLinks; words: Translator; labels?: PaginationLabels }) {
  if (links.pageCount <= 1) return null;
  const { previous, next } = labels ?? { previous: words.text('list.newer'), next: words.text('list.older') };
  return (
    <nav class="pagination" aria-label={words.text('list.pagesLabel')}>
      {links.previousUrl ? (
        <a class="pagination__link" href={links.previousUrl} rel="prev">
          ← {previous}
        </a>
      ) : null}
      <span class="pagination__status">{words.text('list.pageOfPages', { page: links.page, count: links.pageCount })}</span>
      {links.nextUrl ? (
        <a class="pagination__link" href={links.nextUrl} rel="next">
          {next} →
        </a>
      ) : null}
    </nav>
  );
}
