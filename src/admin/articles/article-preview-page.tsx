import { type previewLinkLifetimes, type previewStatusOf, type TimeLabel, timeLabel } from '../../articles/index.ts';
import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import type { DateStyle } from '../../render/dates.ts';
import { CsrfField } from '../../render/form.tsx';
import { renderFragment, type SafeHtml } from '../../render/safe-html.ts';

type Words = Translator<NewsroomKey>;
type PreviewLinkLifetime = keyof typeof previewLinkLifetimes;

/** The banner's own words in the newsroom's language, for renderPreviewBanner and renderPhonePreviewPage. */
export function previewWordsIn(words: Words) {
  return {
    language: words.language,
    region: words.text('articles.banner.region'),
    viewsLabel: words.text('articles.banner.viewsLabel'),
    desktop: words.text('articles.banner.desktop'),
    phone: words.text('articles.banner.phone'),
    phoneTitle: (headline: string) => words.text('articles.banner.phoneTitle', { headline }),
    frameTitle: words.text('articles.banner.frameTitle'),
  };
}

/** The banner's first line for `status`, in the newsroom's words; times as `style` writes them. */
export function describePreviewStatusIn(status: ReturnType<typeof previewStatusOf>, words: Words, style: DateStyle) {
  const notPublished = words.text('articles.banner.notPublished');
  switch (status.kind) {
    case 'published':
      return { heading: words.text('articles.banner.published'), status: words.text('articles.banner.savedVersion') };
    case 'scheduled':
      return { heading: notPublished, status: words.text('articles.banner.scheduledFor'), time: timeLabel(status.at, style) };
    case 'in-review':
      return { heading: notPublished, status: words.text('articles.status.review') };
    case 'trashed':
      return { heading: notPublished, status: words.text('articles.banner.trashed') };
    case 'draft':
      return { heading: notPublished, status: words.text('articles.status.draft') };
  }
}

const lifetimeKeys = {
  '1h': 'articles.preview.lifetime1h',
  '24h': 'articles.preview.lifetime24h',
  '7d': 'articles.preview.lifetime7d',
} as const satisfies Record<PreviewLinkLifetime, NewsroomKey>;

/** How long a share link may work, as the choice is offered. */
export function lifetimeLabel(lifetime: PreviewLinkLifetime, words: Words): string {
  return words.text(lifetimeKeys[lifetime]);
}

export interface PreviewEditorToolsData {
  readonly articleId: number;
  readonly csrfToken: string;
  /** False for an article in the trash: nobody outside may see it. */
  readonly canShare: boolean;
  readonly lifetimes: readonly { readonly value: string; readonly label: string }[];
  readonly defaultLifetime: string;
  readonly links: readonly { readonly id: number; readonly createdByName: string | null; readonly expires: TimeLabel }[];
  /** The link just made: its only showing. */
  readonly created?: { readonly url: string; readonly expires: TimeLabel };
  readonly revoked?: boolean;
}

function Time({ time }: { time: TimeLabel }) {
  return <time datetime={time.iso}>{time.label}</time>;
}

/** What the newsroom adds to the preview's banner: the way back, and the share links. */
function PreviewEditorTools({ data, words }: { data: PreviewEditorToolsData; words: Words }) {
  const base = `/admin/articles/${data.articleId}`;
  return (
    <div class="preview-banner__tools">
      <p class="preview-banner__back">
        <a href={base}>{words.text('articles.preview.back')}</a>
      </p>
      {data.revoked ? (
        <p class="preview-banner__notice" role="status">
          {words.text('articles.preview.revoked')}
        </p>
      ) : null}
      {data.canShare ? (
        <details class="preview-share" open={data.created || data.revoked ? true : undefined}>
          <summary>
            {words.text('articles.preview.share')}
            {data.links.length > 0 ? ` ${words.text('articles.preview.activeCount', { count: data.links.length })}` : ''}
          </summary>
          {data.created ? (
            <div class="preview-share__created" role="status">
              <label for="preview-share-url">{words.text('articles.preview.createdLabel')}</label>
              <input
                id="preview-share-url"
                class="preview-share__url"
                type="text"
                readonly
                value={data.created.url}
                aria-describedby="preview-share-url-hint"
              />
              <p id="preview-share-url-hint" class="preview-share__hint">
                {words.rich('articles.preview.createdHint', { time: <Time time={data.created.expires} /> })}
              </p>
            </div>
          ) : null}
          <form class="preview-share__form" method="post" action={`${base}/preview-links`}>
            <CsrfField token={data.csrfToken} />
            <label for="preview-share-lifetime">{words.text('articles.preview.lifetimeLabel')}</label>{' '}
            <select id="preview-share-lifetime" name="lifetime">
              {data.lifetimes.map((lifetime) => (
                <option value={lifetime.value} selected={lifetime.value === data.defaultLifetime ? true : undefined}>
                  {lifetime.label}
                </option>
              ))}
            </select>{' '}
            <button type="submit">{words.text('articles.preview.create')}</button>
          </form>
          {data.links.length > 0 ? (
            <>
              <p id="preview-share-active" class="preview-share__heading">
                {words.text('articles.preview.activeHeading')}
              </p>
              <ul class="preview-share__links" aria-labelledby="preview-share-active">
                {data.links.map((link) => (
                  <li>
                    {words.rich('articles.preview.madeBy', {
                      name: link.createdByName ?? words.text('articles.formerMember'),
                      time: <Time time={link.expires} />,
                    })}{' '}
                    <form class="preview-share__revoke" method="post" action={`${base}/preview-links/${link.id}/revoke`}>
                      <CsrfField token={data.csrfToken} />
                      <button type="submit">
                        {words.text('articles.preview.revoke')}
                        <span class="visually-hidden"> {words.text('articles.preview.revokeWhich', { expires: link.expires.label })}</span>
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p class="preview-share__hint">{words.text('articles.preview.none')}</p>
          )}
        </details>
      ) : null}
    </div>
  );
}

export function renderPreviewEditorTools(data: PreviewEditorToolsData, words: Words): SafeHtml {
  return renderFragment(<PreviewEditorTools data={data} words={words} />);
}
