import { Document, type PageHead, type SiteChrome } from '../render/document.tsx';

export interface PolicyPageData {
  readonly site: SiteChrome;
  readonly head: PageHead;
  readonly title: string;
  /** Plain text as the newsroom wrote it; blank lines separate paragraphs. */
  readonly text: string;
}

export function PolicyPage({ data }: { data: PolicyPageData }) {
  const paragraphs = data.text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  const { words } = data.site;
  return (
    <Document head={data.head} site={data.site}>
      <article class="article policy">
        <header class="article__header">
          <p class="kicker">{words.text('policy.kicker')}</p>
          <h1 class="article__headline">{data.title}</h1>
        </header>
        <div class="article__body">
          {paragraphs.map((paragraph) => (
            <p>
              {paragraph.split('\n').map((line, index) => (
                <>
                  {index > 0 ? <br /> : null}
                  {line}
                </>
              ))}
            </p>
          ))}
        </div>
      </article>
    </Document>
  );
}
