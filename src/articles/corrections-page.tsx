import { Document, type PageHead, type SiteChrome } from '../render/document.tsx';
import { type PageLinks, Pagination } from '../render/pagination.tsx';

export interface CorrectionsPageData {
  readonly site: SiteChrome;
  readonly head: PageHead;
  readonly policyUrl: string | null;
  readonly corrections: readonly {
    readonly iso: string;
    readonly label: string;
    readonly text: string;
    readonly articleUrl: string;
    readonly headline: string;
  }[];
  readonly pages: PageLinks;
}

/** Every correction the newsroom has made, newest first: accountability in one place. */
export function CorrectionsPage({ data }: { data: CorrectionsPageData }) {
  const words = data.site.words;
  return (
    <Document head={data.head} site={data.site}>
      <header class="collection__header">
        <p class="kicker">{words.text('corrections.kicker')}</p>
        <h1 class="collection__heading">{words.text('corrections.title')}</h1>
        <p class="collection__intro">
          {words.text('corrections.introduction')} {data.policyUrl ? <a href={data.policyUrl}>{words.text('corrections.policyLink')}</a> : null}
        </p>
      </header>
      {data.corrections.length === 0 ? (
        <p class="empty-note">{words.text('corrections.empty')}</p>
      ) : (
        <ol class="story-list corrections-list">
          {data.corrections.map((correction) => (
            <li>
              <p class="story-card__meta">
                <time datetime={correction.iso}>{correction.label}</time>
              </p>
              <h2 class="story-card__headline">
                <a href={correction.articleUrl}>{correction.headline}</a>
              </h2>
              <p>{correction.text}</p>
            </li>
          ))}
        </ol>
      )}
      <Pagination links={data.pages} words={words} />
    </Document>
  );
}
