import type { Child } from 'hono/jsx';
import { CsrfField } from '../render/form.tsx';

/** What every newsroom page shows around its content. */
export interface AdminChrome {
  readonly siteName: string;
  readonly language: string;
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
    /** Comments awaiting moderation, shown as a badge to those who moderate. */
    readonly pendingComments: number;
  };
  readonly csrfToken: string;
  readonly currentPath: string;
}

type Staff = NonNullable<AdminChrome['staff']>;
const everyone = () => true;
const navigation: readonly { href: string; label: string; shownTo: (staff: Staff) => boolean }[] = [
  { href: '/admin', label: 'Articles', shownTo: everyone },
  { href: '/admin/media', label: 'Media', shownTo: everyone },
  // Plain pages are site structure, like sections and tags: the same grant (manage-sections-and-tags).
  { href: '/admin/pages', label: 'Pages', shownTo: (staff) => staff.managesCatalog },
  { href: '/admin/comments', label: 'Comments', shownTo: (staff) => staff.moderatesComments },
  { href: '/admin/sections', label: 'Sections', shownTo: (staff) => staff.managesCatalog },
  { href: '/admin/tags', label: 'Tags', shownTo: (staff) => staff.managesCatalog },
  { href: '/admin/authors', label: 'Authors', shownTo: (staff) => staff.managesCatalog },
  { href: '/admin/team', label: 'Team', shownTo: (staff) => staff.managesTeam },
  { href: '/admin/settings', label: 'Settings', shownTo: (staff) => staff.managesTeam },
  { href: '/admin/import', label: 'Import', shownTo: (staff) => staff.importsArchives },
  { href: '/admin/audit', label: 'Audit log', shownTo: (staff) => staff.managesTeam },
  { href: '/admin/account', label: 'Your account', shownTo: everyone },
];

/**
 * `scripts`: fingerprinted URLs of the few pages' scripts, deferred; the CSP allows no inline script.
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
  return (
    <html lang={chrome.language}>
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
        <title>{`${title} | ${chrome.siteName} newsroom`}</title>
        <link rel="icon" href={chrome.iconUrl} type="image/svg+xml" />
        <link rel="stylesheet" href={chrome.stylesheetUrl} />
        {scripts.map((src) => (
          <script src={src} defer />
        ))}
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="admin-bar">
          <a class="admin-bar__site" href="/">
            {chrome.siteName}
          </a>
          {chrome.staff ? (
            <>
              <nav aria-label="Newsroom">
                <ul class="admin-bar__nav">
                  {navigation
                    .filter((link) => link.shownTo(chrome.staff!))
                    .map((link) => (
                      <li>
                        <a href={link.href} aria-current={link.href === chrome.currentPath ? 'page' : undefined}>
                          {link.label}
                          {link.href === '/admin/comments' && chrome.staff!.pendingComments > 0 ? (
                            <>
                              {' '}
                              <span class="badge">
                                {chrome.staff!.pendingComments}
                                <span class="visually-hidden"> awaiting moderation</span>
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
                  {chrome.staff.name} · {chrome.staff.role}
                </span>{' '}
                <button type="submit">Sign out</button>
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
