export interface PageLinks {
  readonly page: number;
  readonly pageCount: number;
  readonly previousUrl: string | null;
  readonly nextUrl: string | null;
}

export function Pagination({ links }: { links: PageLinks }) {
  if (links.pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      {links.previousUrl ? (
        <a class="pagination__link" href={links.previousUrl} rel="prev">
          ← Newer
        </a>
      ) : null}
      <span class="pagination__status">
        Page {links.page} of {links.pageCount}
      </span>
      {links.nextUrl ? (
        <a class="pagination__link" href={links.nextUrl} rel="next">
          Older →
        </a>
      ) : null}
    </nav>
  );
}
