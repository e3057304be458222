import { Document, type NavigationLink, type PageHead, type SiteChrome } from '../render/document.tsx';
import type { SafeHtml } from '../render/safe-html.ts';

export interface PageViewData {
  readonly site: SiteChrome;
  readonly head: PageHead;
  readonly title: string;
  /** The stored body, cleaned by the one sanitizer. */
  readonly body: SafeHtml;
  /** The pages above this one, top first (Home included); empty for a top-level page. */
  readonly breadcrumbs: readonly NavigationLink[];
  /** Its published sub-pages, in order. */
  readonly children: readonly NavigationLink[];
}

/** A plain page (About, Masthead, Contact): title, body, the way up and the pages below. */
export function PageView({ data }: { data: PageViewData }) {
  const { words } = data.site;
  return (
    <Document head={data.head} site={data.site}>
      <article class="article plain-page">
        <header class="article__header">
          {data.breadcrumbs.length > 0 ? (
            <nav aria-label={words.text('page.breadcrumb')}>
              <p class="kicker">
                {data.breadcrumbs.map((crumb, index) => (
                  <>
                    {index > 0 ? ' › ' : null}
                    <a href={crumb.href}>{crumb.label}</a>
                  </>
                ))}
              </p>
            </nav>
          ) : null}
          <h1 class="article__headline">{data.title}</h1>
        </header>
        <div class="article__body">{data.body}</div>
        {data.children.length > 0 ? (
          <nav class="article__footer" aria-labelledby="sub-pages-heading">
            <h2 id="sub-pages-heading" class="rule-heading">
              {words.text('page.subPages')}
            </h2>
            <ul>
              {data.children.map((child) => (
                <li>
                  <a href={child.href}>{child.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </article>
    </Document>
  );
}
