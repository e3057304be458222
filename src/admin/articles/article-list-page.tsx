import { type NewsroomKey, translator } from '../../i18n/index.ts';
import { CsrfField, Field, FormOutcome, Select } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type PageLinks, Pagination } from '../../render/pagination.tsx';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import {
  type ArticleListFilters,
  type ArticleListSort,
  type ArticleListSortKey,
  type ArticleListView,
  defaultSort,
  isFiltered,
  type SortDirection,
} from './article-list-urls.ts';

export interface TimeLabel {
  readonly iso: string;
  readonly label: string;
}

export interface ArticleListRow {
  readonly editUrl: string | null;
  readonly headline: string;
  readonly status: 'draft' | 'review' | 'scheduled' | 'published';
  /** A change to the live article waits for an editor's review. */
  readonly changePending: boolean;
  readonly section: string;
  /** The names on the byline, primary first. */
  readonly bylines: readonly string[];
  /** The public page, for published articles only. */
  readonly publicUrl: string | null;
  /** When it was last edited; in the trash, when it was trashed. */
  readonly updated: TimeLabel;
  /** When a published article went live or a scheduled one goes live; null for drafts. */
  readonly liveAt: TimeLabel | null;
  /** In the trash view: where to restore it and where to delete it for good, when this person may. */
  readonly restoreAction?: string | null;
  readonly deleteUrl?: string | null;
}

interface Choice {
  readonly id: number;
  readonly name: string;
}

export interface ArticleListData {
  readonly view: ArticleListView;
  readonly rows: readonly ArticleListRow[];
  /** Articles in this view that match the filters. */
  readonly total: number;
  /** Articles in this view, whatever the filters. */
  readonly viewTotal: number;
  readonly trashCount: number;
  /** Live articles with a change waiting for review. */
  readonly changesCount: number;
  readonly pages: PageLinks;
  readonly notice?: string;
  readonly filters: ArticleListFilters;
  readonly sort: ArticleListSort;
  /** What the section and byline filters offer; "typed" where there are too many bylines for a menu. */
  readonly choices: { readonly sections: readonly Choice[]; readonly authors: readonly Choice[] | 'typed' };
  /** This view and sort without any filter. */
  readonly clearUrl: string;
  /** Where each column heading leads. */
  readonly sortUrls: Readonly<Record<ArticleListSortKey, string>>;
}

type Words = AdminChrome['words'];

const statusKeys = {
  draft: 'articles.status.draft',
  review: 'articles.status.review',
  scheduled: 'articles.status.scheduled',
  published: 'articles.status.published',
} as const satisfies Record<ArticleListRow['status'], NewsroomKey>;
const none = '—';

/** "12 articles" or, filtered, "3 of 12 articles match". */
function found(data: ArticleListData, words: Words): string {
  return isFiltered(data.filters)
    ? words.text('articles.list.matching', { total: data.total, viewTotal: data.viewTotal })
    : words.text('articles.list.count', { count: data.total });
}

/** The sentence under the tabs: how many, and in what order. */
function lede(data: ArticleListData, words: Words): string {
  switch (data.view) {
    case 'articles':
      return words.text('articles.list.lede', { found: found(data, words), order: sortPhrase(data.sort, 'edited', words) });
    case 'changes':
      return isFiltered(data.filters)
        ? words.text('articles.list.changesMatching', { total: data.total, viewTotal: data.viewTotal })
        : words.text('articles.list.changesLede', { count: data.total });
    case 'trash':
      return words.text('articles.list.trashLede', { found: found(data, words), order: sortPhrase(data.sort, 'trashed', words) });
  }
}

const sortPhrases = {
  edited: { asc: 'articles.sort.editedAsc', desc: 'articles.sort.editedDesc' },
  'goes-live': { asc: 'articles.sort.goesLiveAsc', desc: 'articles.sort.goesLiveDesc' },
  status: { asc: 'articles.sort.statusAsc', desc: 'articles.sort.statusDesc' },
  headline: { asc: 'articles.sort.headlineAsc', desc: 'articles.sort.headlineDesc' },
  section: { asc: 'articles.sort.sectionAsc', desc: 'articles.sort.sectionDesc' },
  byline: { asc: 'articles.sort.bylineAsc', desc: 'articles.sort.bylineDesc' },
} as const satisfies Record<ArticleListSortKey, Record<SortDirection, NewsroomKey>>;

/** How the list is ordered, in words for the lede: "most recently edited first", "by headline, A to Z". */
function sortPhrase({ key, direction }: ArticleListSort, edited: 'edited' | 'trashed', words: Words): string {
  if (key === 'edited' && edited === 'trashed') return words.text(direction === 'asc' ? 'articles.sort.trashedAsc' : 'articles.sort.trashedDesc');
  return words.text(sortPhrases[key][direction]);
}

function Headline({ row, words }: { row: ArticleListRow; words: Words }) {
  return (
    <>
      {row.editUrl ? <a href={row.editUrl}>{row.headline}</a> : row.headline}
      {row.publicUrl ? (
        <>
          {' '}
          <a class="view-link" href={row.publicUrl}>
            {words.text('articles.list.view')}
            <span class="visually-hidden"> {words.text('articles.list.viewOnSite', { headline: row.headline })}</span>
          </a>
        </>
      ) : null}
    </>
  );
}

function TrashActions({ row, chrome }: { row: ArticleListRow; chrome: AdminChrome }) {
  if (!row.restoreAction && !row.deleteUrl) return null;
  return (
    <form method="post" action={row.restoreAction ?? undefined} class="inline-form">
      <CsrfField token={chrome.csrfToken} />
      {row.restoreAction ? (
        <button type="submit" class="button">
          {chrome.words.text('articles.list.restore')}
          <span class="visually-hidden"> “{row.headline}”</span>
        </button>
      ) : null}
      {row.deleteUrl ? (
        <a class="button button--danger" href={row.deleteUrl}>
          {chrome.words.text('articles.list.deleteForever')}
          <span class="visually-hidden"> “{row.headline}”</span>
        </a>
      ) : null}
    </form>
  );
}

/** Above the table, and usable without JavaScript: a GET form whose address is the filtered list. */
function Filters({ data, words }: { data: ArticleListData; words: Words }) {
  const { filters, sort, choices } = data;
  const sorted = sort.key !== defaultSort.key || sort.direction !== defaultSort.direction;
  const options = (any: string, list: readonly Choice[]) => [
    { value: '', label: any },
    ...list.map((choice) => ({ value: String(choice.id), label: choice.name })),
  ];
  const statuses = Object.entries(statusKeys).map(([value, key]) => ({ value, label: words.text(key) }));
  return (
    // biome-ignore lint/a11y/useSemanticElements: as on the other search forms, the <search> element is not yet announced by every screen reader.
    <form method="get" action="/admin" class="article-filters" role="search" aria-label={words.text('articles.filter.label')}>
      {data.view === 'articles' ? null : <input type="hidden" name="view" value={data.view} />}
      {sorted ? (
        <>
          <input type="hidden" name="sort" value={sort.key} />
          <input type="hidden" name="dir" value={sort.direction} />
        </>
      ) : null}
      <Field
        name="q"
        label={words.text('articles.filter.search')}
        hint={words.text('articles.filter.searchHint')}
        type="search"
        value={filters.q}
        maxlength={200}
      />
      {/* Everything in the trash is a draft, so there status would only ever empty the list. */}
      {data.view === 'trash' ? null : (
        <Select
          name="status"
          label={words.text('articles.filter.status')}
          options={[{ value: '', label: words.text('articles.filter.anyStatus') }, ...statuses]}
          value={filters.status}
        />
      )}
      <Select
        name="section"
        label={words.text('articles.filter.section')}
        options={options(words.text('articles.filter.anySection'), choices.sections)}
        value={String(filters.sectionId ?? '')}
      />
      {choices.authors === 'typed' ? (
        <Field
          name="byline"
          label={words.text('articles.filter.byline')}
          hint={words.text('articles.filter.bylineHint')}
          value={filters.byline}
          maxlength={120}
        />
      ) : (
        <Select
          name="author"
          label={words.text('articles.filter.byline')}
          options={options(words.text('articles.filter.anyByline'), choices.authors)}
          value={String(filters.authorId ?? '')}
        />
      )}
      <Field name="tag" label={words.text('articles.filter.tag')} hint={words.text('articles.filter.tagHint')} value={filters.tag} maxlength={120} />
      <div class="article-filters__actions">
        <button type="submit" class="button">
          {words.text('articles.filter.find')}
        </button>
        {isFiltered(filters) ? <a href={data.clearUrl}>{words.text('articles.filter.clear')}</a> : null}
      </div>
    </form>
  );
}

interface Column {
  readonly label: NewsroomKey;
  readonly sortKey?: ArticleListSortKey;
}

const workingColumns: readonly Column[] = [
  { label: 'articles.column.headline', sortKey: 'headline' },
  { label: 'articles.column.status', sortKey: 'status' },
  { label: 'articles.column.section', sortKey: 'section' },
  { label: 'articles.column.bylines', sortKey: 'byline' },
  { label: 'articles.column.goesLive', sortKey: 'goes-live' },
  { label: 'articles.column.edited', sortKey: 'edited' },
];
const trashColumns: readonly Column[] = [
  { label: 'articles.column.headline', sortKey: 'headline' },
  { label: 'articles.column.section', sortKey: 'section' },
  { label: 'articles.column.bylines', sortKey: 'byline' },
  { label: 'articles.column.trashed', sortKey: 'edited' },
  { label: 'articles.column.actions' },
];

/** A column heading that sorts the list when followed; the sorted one says which way (aria-sort) and shows an arrow. */
function ColumnHeading({ column, data, words }: { column: Column; data: ArticleListData; words: Words }) {
  const label = words.text(column.label);
  if (!column.sortKey) return <th scope="col">{label}</th>;
  const ascending = data.sort.direction === 'asc';
  const sorted = data.sort.key === column.sortKey;
  return (
    <th scope="col" aria-sort={sorted ? (ascending ? 'ascending' : 'descending') : undefined}>
      <a class="sort-link" href={data.sortUrls[column.sortKey]}>
        {label}
        {sorted ? (
          <span class="sort-link__arrow" aria-hidden="true">
            {ascending ? ' ▲' : ' ▼'}
          </span>
        ) : null}
      </a>
    </th>
  );
}

function When({ time }: { time: TimeLabel | null }) {
  return time ? <time datetime={time.iso}>{time.label}</time> : none;
}

function StatusCell({ row, words }: { row: ArticleListRow; words: Words }) {
  return (
    <>
      <span class={`status status--${row.status}`}>{words.text(statusKeys[row.status])}</span>
      {row.status === 'scheduled' && row.liveAt ? (
        <>
          {' '}
          <span class="status-when">{words.rich('articles.list.scheduledFor', { time: <When time={row.liveAt} /> })}</span>
        </>
      ) : null}
      {row.changePending ? (
        <>
          {' '}
          <span class="status status--review">{words.text('articles.list.changePending')}</span>
        </>
      ) : null}
    </>
  );
}

const headings = {
  articles: 'articles.list.heading',
  changes: 'articles.list.changesHeading',
  trash: 'articles.list.trashHeading',
} as const satisfies Record<ArticleListView, NewsroomKey>;

export function renderArticleListPage(chrome: AdminChrome, data: ArticleListData): string {
  const { words } = chrome;
  const trash = data.view === 'trash';
  const heading = words.text(headings[data.view]);
  const columns = trash ? trashColumns : workingColumns;
  const label = (key: NewsroomKey) => words.text(key);
  const tab = (view: ArticleListView, count: number) => words.text('articles.list.tab', { heading: words.text(headings[view]), count });
  // Pagination speaks the reader catalogs' words: those in the newsroom's language (English where it has no catalog).
  const pageWords = translator(words.language, words.timeZone);
  // On a phone each row stacks under the headings (still there, to sort by); data-label names each value.
  return renderDocument(
    <AdminDocument chrome={chrome} title={data.view === 'articles' ? heading : words.text('articles.list.viewTitle', { heading })}>
      <div class="admin-heading">
        <h1>{heading}</h1>
        <a class="button button--primary" href="/admin/articles/new">
          {words.text('articles.list.newArticle')}
        </a>
      </div>
      <nav aria-label={words.text('articles.list.listsLabel')}>
        <ul class="admin-tabs">
          <li>
            <a href="/admin" aria-current={data.view === 'articles' ? 'page' : undefined}>
              {words.text(headings.articles)}
            </a>
          </li>
          <li>
            <a href="/admin?view=changes" aria-current={data.view === 'changes' ? 'page' : undefined}>
              {tab('changes', data.changesCount)}
            </a>
          </li>
          <li>
            <a href="/admin?view=trash" aria-current={trash ? 'page' : undefined}>
              {tab('trash', data.trashCount)}
            </a>
          </li>
        </ul>
      </nav>
      <FormOutcome notice={data.notice} />
      <Filters data={data} words={words} />
      <p class="admin-lede">{lede(data, words)}</p>
      <table class="admin-table article-table">
        <thead>
          <tr>
            {columns.map((column) => (
              <ColumnHeading column={column} data={data} words={words} />
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr>
              <td>
                <Headline row={row} words={words} />
              </td>
              {trash ? null : (
                <td data-label={label('articles.column.status')}>
                  <StatusCell row={row} words={words} />
                </td>
              )}
              <td data-label={label('articles.column.section')}>{row.section}</td>
              <td data-label={label('articles.column.bylines')}>{row.bylines.length > 0 ? row.bylines.join(', ') : none}</td>
              {trash ? null : (
                <td data-label={label('articles.column.goesLive')}>
                  <When time={row.liveAt} />
                </td>
              )}
              <td data-label={label(trash ? 'articles.column.trashed' : 'articles.column.edited')}>
                <When time={row.updated} />
              </td>
              {trash ? (
                <td>
                  <TrashActions row={row} chrome={chrome} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination links={data.pages} words={pageWords} />
    </AdminDocument>,
  );
}
