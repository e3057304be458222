import { renderDocument } from './safe-html.ts';
import { Document, type SiteChrome } from './document.tsx';

export interface ErrorPageData {
  readonly site: SiteChrome;
  readonly status: number;
  readonly title: string;
  readonly message: string;
}

export function ErrorPage({ data }: { data: ErrorPageData }) {
  return (
    <Document site={data.site} head={{ title: data.title, description: data.message, ogType: 'website', noindex: true }}>
      <section class="error-page" aria-labelledby="error-heading">
        <p class="kicker">Error {data.status}</p>
        <h1 id="error-heading" class="collection__heading">
          {data.title}
        </h1>
        <p class="collection__intro">{data.message}</p>
        <p>
          <a href="/">Go to the front page</a>
        </p>
      </section>
    </Document>
  );
}

export function renderErrorPage(data: ErrorPageData): string {
  return renderDocument(<ErrorPage data={data} />);
}
