import type { Child } from 'hono/jsx';
import { type NewsroomKey, newsroomMessagesFor, type Translator } from '../i18n/index.ts';
import { CsrfField } from '../render/form.tsx';
import { textDirectionOf } from '../render/language-tags.ts';
import { MessagesIsland } from './messages-island.tsx';

/** What every newsroom page shows around its content. */
export interface AdminChrome {
  readonly siteName: string;
  /** The site's language (what new articles are written in by default). */
  readonly language: string;
  /** The newsroom's own words, in the site's language where the newsroom speaks it (see i18n/newsroom/). */
  readonly words: Translator<NewsroomKey>;
  readonly stylesheetUrl: string;
  readonly iconUrl: string;
  /** Absent on the sign-in and setup pages. */
  readonly staff?: {
    readonly name: string;
    readonly role: string;
    readonly managesTeam: boolean;
    readonly managesCatalog: boolean;
    readonly moderatesComments: boolean;
    /** May bring in another system's export (WordPress, Ghost, Disqus). */
    readonly importsArchives: boolean;
    /** May register webhook endpoints and see their deliveries. */
    readonly managesWebhooks: boolean;
    /** Comments awaiting moderation, shown as a badge to those who moderate. */
    readonly pendingComments: number;
  };
  readonly csrfToken: string;
  readonly currentPath: string;
}

type Staff = NonNullable<AdminChrome['staff']>;
const everyone = () => true;
const navigation: readonly { href: string; label: NewsroomKey; shownTo: (staff: Staff) => boolean }[] = [
  { href: '/admin', label: 'nav.articles', shownTo: everyone },
  { href: '/admin/media', label: 'nav.media', shownTo: everyone },
  // Plain pages are site structure, like sections and tags: the same grant (manage-sections-and-tags).
  { href: '/admin/pages', label: 'nav.pages', shownTo: (staff) => staff.managesCatalog },
  { href: '/admin/comments', label: 'nav.comments', shownTo: (staff) => staff.moderatesComments },
  { href: '/admin/sections', label: 'nav.sections', shownTo: (staff) => staff.managesCatalog },
  { href: '/admin/tags', label: 'nav.tags', shownTo: (staff) => staff.managesCatalog },
  { href: '/admin/authors', label: 'nav.authors', shownTo: (staff) => staff.managesCatalog },
  { href: '/admin/team', label: 'nav.team', shownTo: (staff) => staff.managesTeam },
  { href: '/admin/settings', label: 'nav.settings', shownTo: (staff) => staff.managesTeam },
  { href: '/admin/import', label: 'nav.import', shownTo: (staff) => staff.importsArchives },
  { href: '/admin/webhooks', label: 'nav.webhooks', shownTo: (staff) => staff.managesWebhooks },
  { href: '/admin/audit', label: 'nav.audit', shownTo: (staff) => staff.managesTeam },
  { href: '/admin/account', label: 'nav.account', shownTo: everyone },
];

const roleKeys = { owner: 'role.owner', admin: 'role.admin', editor: 'role.editor', author: 'role.author', contributor: 'role.contributor' } as const;

/**
 * `scripts`: fingerprinted URLs of the few pages' scripts, deferred; the CSP allows no inline script. With them
 * comes the browser's words in the newsroom's language (the `client.*` messages, see messages-island.tsx).
 * `refreshSeconds`: the page reloads itself, to follow work going on in the background without JavaScript;
 * on a page with scripts, only when scripts do not run (the page's script follows the work instead).
 */
export function AdminDocument({
  chrome,
  title,
  scripts = [],
  refreshSeconds,
  children,
}: {
  chrome: AdminChrome;
  title: string;
  scripts?: readonly string[];
  refreshSeconds?: number | undefined;
  children?: Child;
}) {
  const words = chrome.words;
  return (
    <html lang={words.language} dir={textDirectionOf(words.language) === 'rtl' ? 'rtl' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        {refreshSeconds && scripts.length > 0 ? (
          <noscript>
            <meta http-equiv="refresh" content={String(refreshSeconds)} />
          </noscript>
        ) : refreshSeconds ? (
          <meta http-equiv="refresh" content={String(refreshSeconds)} />
        ) : null}
        <title>{words.text('chrome.title', { title, siteName: chrome.siteName })}</title>
        <link rel="icon" href={chrome.iconUrl} type="image/svg+xml" />
        <link rel="stylesheet" href={chrome.stylesheetUrl} />
        {scripts.map((src) => (
          <script src={src} defer />
        ))}
        {scripts.length > 0 ? (
          <MessagesIsland locale={words.language} hourCycle={words.hourCycle} messages={newsroomMessagesFor(words.catalog, 'client.')} />
        ) : null}
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">
          {words.text('chrome.skipLink')}
        </a>
        <header class="admin-bar">
          <a class="admin-bar__site" href="/">
            {chrome.siteName}
          </a>
          {chrome.staff ? (
            <>
              <nav aria-label={words.text('chrome.navigationLabel')}>
                <ul class="admin-bar__nav">
                  {navigation
                    .filter((link) => link.shownTo(chrome.staff!))
                    .map((link) => (
                      <li>
                        <a href={link.href} aria-current={link.href === chrome.currentPath ? 'page' : undefined}>
                          {words.text(link.label)}
                          {link.href === '/admin/comments' && chrome.staff!.pendingComments > 0 ? (
                            <>
                              {' '}
                              <span class="badge">
                                {chrome.staff!.pendingComments}
                                <span class="visually-hidden"> {words.text('chrome.awaitingModeration')}</span>
                              </span>
                            </>
                          ) : null}
                        </a>
                      </li>
                    ))}
                </ul>
              </nav>
              <form class="admin-bar__signout" method="post" action="/admin/logout">
                <CsrfField token={chrome.csrfToken} />
                <span class="admin-bar__who">
                  {chrome.staff.name} · {chrome.staff.role in roleKeys ? words.text(roleKeys[chrome.staff.role as keyof typeof roleKeys]) : chrome.staff.role}
                </span>{' '}
                <button type="submit">{words.text('chrome.signOut')}</button>
              </form>
            </>
          ) : null}
        </header>
        <main id="main" class="admin-main" tabindex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
