import type { Child } from 'hono/jsx';
import { languageAttributes, textDirectionOf } from '../render/language-tags.ts';
import { renderDocument, renderFragment, type SafeHtml } from '../render/safe-html.ts';

/**
 * The words around a preview. A share link's preview is in English; the newsroom's is in the
 * newsroom's language, whose words it passes in (admin/articles/article-preview-page.tsx).
 */
export interface PreviewWords {
  /** The language they are in: marked on the banner when it is not the site's. */
  readonly language: string;
  readonly region: string;
  readonly viewsLabel: string;
  readonly desktop: string;
  readonly phone: string;
  readonly phoneTitle: (headline: string) => string;
  readonly frameTitle: string;
}

const englishWords: PreviewWords = {
  language: 'en',
  region: 'Article preview',
  viewsLabel: 'Preview size',
  desktop: 'Desktop',
  phone: 'Phone',
  phoneTitle: (headline) => `Phone preview: ${headline}`,
  frameTitle: 'The article as a phone shows it',
};
/** Only on a share link's preview, which is in English. */
const sharedNote = 'Shared preview — expires';

/** The reader page as a desktop browser shows it, or framed at a phone's width. */
export type PreviewView = 'desktop' | 'phone';

export interface TimeLabel {
  readonly iso: string;
  readonly label: string;
}

export interface PreviewBannerData {
  /** "Not published", or "Published" for a live article. */
  readonly heading: string;
  /** "Draft", "In review", "Scheduled for" (followed by `time`), "Preview of your saved version". */
  readonly status: string;
  readonly time?: TimeLabel;
  /** Set on a share link's preview: when the link stops working. */
  readonly sharedUntil?: TimeLabel;
  readonly view: PreviewView;
  /** The preview's path without a query, e.g. /admin/articles/7/preview or /preview/<token>. */
  readonly path: string;
  /** The banner is in `words.language`; on a site in another language it says so. */
  readonly siteLanguage: string;
  /** English when absent. */
  readonly words?: PreviewWords;
}

function Time({ time }: { time: TimeLabel }) {
  return <time datetime={time.iso}>{time.label}</time>;
}

/**
 * The "Not published" banner above a preview: what state the article is in, a desktop/phone toggle
 * that works without JavaScript (plain links), and `children` for the newsroom's own tools.
 */
export function PreviewBanner({ data, children }: { data: PreviewBannerData; children?: Child }) {
  const words = data.words ?? englishWords;
  const views: readonly { view: PreviewView; label: string; href: string }[] = [
    { view: 'desktop', label: words.desktop, href: data.path },
    { view: 'phone', label: words.phone, href: `${data.path}?view=phone` },
  ];
  return (
    <section class="preview-banner" aria-label={words.region} {...languageAttributes(words.language, data.siteLanguage)}>
      <div class="preview-banner__inner">
        <p class="preview-banner__status">
          <strong class="preview-banner__heading">{data.heading}</strong>{' '}
          <span>
            {data.status}
            {data.time ? (
              <>
                {' '}
                <Time time={data.time} />
              </>
            ) : null}
          </span>
        </p>
        {data.sharedUntil ? (
          <p class="preview-banner__note">
            {sharedNote} <Time time={data.sharedUntil} />
          </p>
        ) : null}
        <nav class="preview-banner__views" aria-label={words.viewsLabel}>
          <ul>
            {views.map((item) => (
              <li>
                <a href={item.href} aria-current={item.view === data.view ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {children}
      </div>
    </section>
  );
}

export function renderPreviewBanner(data: PreviewBannerData, tools?: Child): SafeHtml {
  return renderFragment(<PreviewBanner data={data}>{tools}</PreviewBanner>);
}

export interface PhonePreviewData {
  readonly siteLanguage: string;
  readonly headline: string;
  readonly stylesheetUrl: string;
  readonly iconUrl: string;
  readonly banner: SafeHtml;
  /** The preview without its banner (`?frame=1`), shown in the frame. */
  readonly frameUrl: string;
  /** The banner's words, for the title and the frame's name too; English when absent. */
  readonly words?: PreviewWords;
}

/** The phone view: the banner, then the preview in a frame a phone's width (390 CSS pixels, an iPhone's). */
export function renderPhonePreviewPage(data: PhonePreviewData): string {
  const words = data.words ?? englishWords;
  return renderDocument(
    <html lang={data.siteLanguage} dir={textDirectionOf(data.siteLanguage) === 'rtl' ? 'rtl' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{words.phoneTitle(data.headline)}</title>
        <meta name="robots" content="noindex" />
        <meta name="color-scheme" content="light dark" />
        <link rel="icon" href={data.iconUrl} type="image/svg+xml" />
        <link rel="stylesheet" href={data.stylesheetUrl} />
      </head>
      <body class="phone-preview">
        {data.banner}
        <main class="phone-preview__stage">
          <iframe
            class="phone-preview__frame"
            src={data.frameUrl}
            width="390"
            height="844"
            title={words.frameTitle}
            {...languageAttributes(words.language, data.siteLanguage)}
          ></iframe>
        </main>
      </body>
    </html>,
  );
}
