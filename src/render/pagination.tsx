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

const newestFirst: PaginationLabels = { previous: 'Newer', next: 'Older' };

export function Pagination({ links, labels = newestFirst }: { links: PageLinks; labels?: PaginationLabels }) {
  if (links.pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      {links.previousUrl ? (
        <a class="pagination__link" href={links.previousUrl} rel="prev">
          ← {labels.previous}
        </a>
      ) : null}
      <span class="pagination__status">
        Page {links.page} of {links.pageCount}
      </span>
      {links.nextUrl ? (
        <a class="pagination__link" href={links.nextUrl} rel="next">
          {labels.next} →
        </a>
      ) : null}
    </nav>
  );
}
