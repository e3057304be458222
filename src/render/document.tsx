import type { Child } from 'hono/jsx';
import type { Translator } from '../i18n/index.ts';
import { textDirectionOf } from './language-tags.ts';
import { jsonForScript } from './safe-html.ts';

export interface NavigationLink {
  readonly label: string;
  readonly href: string;
}

/** What every page shows around its content: the site's identity, navigation and assets. */
export interface SiteChrome {
  readonly siteName: string;
  readonly siteDescription: string;
  readonly language: string;
  readonly navigation: readonly NavigationLink[];
  /** The newsroom's published standards, linked from every page's footer. */
  readonly footerLinks: readonly NavigationLink[];
  readonly stylesheetUrl: string;
  readonly scriptUrl: string;
  readonly iconUrl: string;
  /** Path of the page, to mark the current navigation link. */
  readonly currentPath: string;
  readonly year: number;
  /** The site's words, in its language and time zone: the masthead, navigation, footer and the site's own pages. */
  readonly words: Translator;
}

/** A feed of this page's stories, offered to feed readers through <link rel="alternate">. */
export interface FeedLink {
  readonly title: string;
  readonly href: string;
  readonly type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
}

export interface SocialImage {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
}

/** The <head> of one page: search engines and social networks read these. */
export interface PageHead {
  readonly title: string;
  readonly description: string;
  /** Absolute; omitted on error pages. */
  readonly canonicalUrl?: string;
  readonly ogType: 'website' | 'article' | 'profile';
  readonly image?: SocialImage;
  readonly jsonLd?: readonly object[];
  readonly noindex?: boolean;
  readonly feeds?: readonly FeedLink[];
  /** Extra <meta property> pairs, e.g. article:published_time. */
  readonly openGraphExtras?: readonly (readonly [string, string])[];
  /** Scripts only this page needs (e.g. click-to-load embeds), fingerprinted and deferred. */
  readonly scripts?: readonly string[];
  /** Where oEmbed consumers get this page's card (discovery, oembed.com §4). */
  readonly oembedUrl?: string;
}

function Head({ head, site }: { head: PageHead; site: SiteChrome }) {
  const fullTitle = head.title === site.siteName ? head.title : `${head.title} | ${site.siteName}`;
  const cardType = head.image ? 'summary_large_image' : 'summary';
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{fullTitle}</title>
      <meta name="description" content={head.description} />
      {head.noindex ? <meta name="robots" content="noindex" /> : null}
      {head.canonicalUrl ? <link rel="canonical" href={head.canonicalUrl} /> : null}
      <meta name="color-scheme" content="light dark" />
      <meta name="theme-color" content="#ffffff" media="(prefers-color-scheme: light)" />
      <meta name="theme-color" content="#121212" media="(prefers-color-scheme: dark)" />
      <link rel="icon" href={site.iconUrl} type="image/svg+xml" />
      <link rel="stylesheet" href={site.stylesheetUrl} />
      <script src={site.scriptUrl} defer></script>
      {(head.scripts ?? []).map((src) => (
        <script src={src} defer></script>
      ))}
      {(head.feeds ?? []).map((feed) => (
        <link rel="alternate" type={feed.type} title={feed.title} href={feed.href} />
      ))}
      {head.oembedUrl ? <link rel="alternate" type="application/json+oembed" title={head.title} href={head.oembedUrl} /> : null}
      <meta property="og:site_name" content={site.siteName} />
      <meta property="og:type" content={head.ogType} />
      <meta property="og:title" content={head.title} />
      <meta property="og:description" content={head.description} />
      {head.canonicalUrl ? <meta property="og:url" content={head.canonicalUrl} /> : null}
      {head.image ? (
        <>
          <meta property="og:image" content={head.image.url} />
          <meta property="og:image:width" content={String(head.image.width)} />
          <meta property="og:image:height" content={String(head.image.height)} />
          <meta property="og:image:alt" content={head.image.alt} />
        </>
      ) : null}
      {(head.openGraphExtras ?? []).map(([property, content]) => (
        <meta property={property} content={content} />
      ))}
      <meta name="twitter:card" content={cardType} />
      <meta name="twitter:title" content={head.title} />
      <meta name="twitter:description" content={head.description} />
      {head.image ? <meta name="twitter:image" content={head.image.url} /> : null}
      {head.image ? <meta name="twitter:image:alt" content={head.image.alt} /> : null}
      {(head.jsonLd ?? []).map((data) => (
        <script type="application/ld+json">{jsonForScript(data)}</script>
      ))}
    </head>
  );
}

function Masthead({ site }: { site: SiteChrome }) {
  const { words } = site;
  return (
    <header class="masthead" id="top" tabindex={-1}>
      <div class="masthead__inner">
        <a class="masthead__name" href="/">
          {site.siteName}
        </a>
        <p class="masthead__tagline">{site.siteDescription}</p>
        <form class="site-search" role="search" action="/search" method="get">
          <label class="visually-hidden" for="site-search-query">
            {words.text('chrome.searchLabel')}
          </label>
          <input
            id="site-search-query"
            class="site-search__input"
            type="search"
            name="q"
            placeholder={words.text('chrome.searchPlaceholder')}
            maxlength={200}
          />
          <button class="site-search__button" type="submit">
            {words.text('chrome.searchButton')}
          </button>
        </form>
      </div>
      <nav class="site-nav" aria-label={words.text('chrome.sectionsLabel')}>
        <ul class="site-nav__list">
          {site.navigation.map((link) => (
            <li>
              <a href={link.href} aria-current={link.href === site.currentPath ? 'page' : undefined}>
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

/** `banner` comes first in the page after the skip link: a preview's "Not published" notice. */
export function Document({ head, site, banner, children }: { head: PageHead; site: SiteChrome; banner?: Child; children?: Child }) {
  const { words } = site;
  return (
    <html lang={site.language} dir={textDirectionOf(site.language) === 'rtl' ? 'rtl' : undefined}>
      <Head head={head} site={site} />
      <body>
        <a class="skip-link" href="#main">
          {words.text('chrome.skipLink')}
        </a>
        {banner}
        <Masthead site={site} />
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          {site.footerLinks.length > 0 ? (
            <nav aria-label={words.text('chrome.standardsLabel')}>
              <ul class="site-footer__links">
                {site.footerLinks.map((link) => (
                  <li>
                    <a href={link.href}>{link.label}</a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <p>
            © {site.year} {site.siteName}. {site.siteDescription}
          </p>
        </footer>
      </body>
    </html>
  );
}
