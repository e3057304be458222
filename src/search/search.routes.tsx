import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { type ReaderDeps, toStoryTeaser } from '../articles/index.ts';
import { searchUrl } from '../platform/urls.ts';
import { BadRequestError } from '../errors.ts';
import { PageQuery } from '../platform/route-schemas.ts';
import { renderDocument } from '../render/safe-html.ts';
import { listSections } from '../sections/index.ts';
import { siteChrome } from '../settings/index.ts';
import { startOfDay } from './day-range.ts';
import { maxQueryLength, parseSearchQuery } from './search-query.ts';
import type { SearchFilters, SearchIndex } from './search-index.ts';
import { type SearchPageContent, SearchPage } from './search-page.tsx';
import { toSearchResultView } from './search-results.ts';
import { loadLatestArticles, resultsPerPage, searchArticles } from './search.reader.ts';

// For the error page, which puts the status's own message in the site's words first (render/error-page.tsx).
const messages = {
  unknownSection: 'There is no section by that name to search in. Choose one from the list, or search all sections.',
  notADate: 'A date in this search is not a real day. Write dates as year-month-day, for example 2026-11-27.',
};

export interface SearchRoutesOptions extends ReaderDeps {
  readonly index: SearchIndex;
}

const optionalDay = Type.Optional(Type.String({ pattern: '^(?:\\d{4}-\\d{2}-\\d{2})?$' }));

/**
 * Generous on `q` on purpose: a long query is cut and the page says so, which helps a reader more
 * than an error page would. Section and dates come from the form, so anything else there is a 400.
 */
const SearchQuerystring = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 20_000 })),
  section: Type.Optional(Type.String({ maxLength: 120, pattern: '^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$' })),
  from: optionalDay,
  to: optionalDay,
  ...PageQuery.properties,
});
type SearchQuerystring = Static<typeof SearchQuerystring>;

/** The filters as the database needs them; an earlier "to" than "from" is read the right way round. */
function dateFilters(from: string, to: string, timeZone: string): Pick<SearchFilters, 'from' | 'before'> {
  const [first, last] = from && to && from > to ? [to, from] : [from, to];
  const start = first ? startOfDay(first, timeZone) : undefined;
  const end = last ? startOfDay(last, timeZone, 1) : undefined;
  if ((first && !start) || (last && !end)) throw new BadRequestError(messages.notADate);
  return { ...(start ? { from: start } : {}), ...(end ? { before: end } : {}) };
}

/** GET /search: never cached, never indexed; the query is unbounded and results change with every publication. */
export const searchRoutes: FastifyPluginAsync<SearchRoutesOptions> = async (app, { db, site, index, summaries }) => {
  app.get<{ Querystring: SearchQuerystring }>('/search', { schema: { querystring: SearchQuerystring } }, async (request, reply) => {
    const { section: sectionSlug = '', from = '', to = '', page } = request.query;
    const now = site.clock.now();
    const settings = site.settings.current();
    const chrome = siteChrome(site, searchUrl(), now);
    const { words } = chrome;
    const query = parseSearchQuery(request.query.q ?? '');
    const sections = await listSections(db);
    const section = sections.find((candidate) => candidate.slug === sectionSlug);
    if (sectionSlug && !section) throw new BadRequestError(messages.unknownSection);
    const filters: SearchFilters = { ...dateFilters(from, to, settings.timeZone), ...(section ? { sectionId: section.id } : {}) };
    const form = { query: query.text, section: sectionSlug, from, to, sections, maxLength: maxQueryLength };

    let content: SearchPageContent;
    if (query.text === '') {
      if (page > 1) return reply.callNotFound();
      content = { kind: 'start', latest: (await loadLatestArticles(db, now)).map((summary) => toStoryTeaser(summary, words)) };
    } else {
      const outcome = await searchArticles(db, index, { terms: query.terms, filters, page, now, ...(summaries ? { summaries } : {}) });
      const pageUrl = (number: number) => searchUrl({ q: query.text, section: sectionSlug, from, to, page: number });
      content =
        outcome.kind === 'found'
          ? {
              kind: 'found',
              match: outcome.match,
              total: outcome.total,
              more: outcome.more,
              firstPosition: (outcome.page - 1) * resultsPerPage + 1,
              results: outcome.found.map((found) => toSearchResultView(found, words)),
              pages: {
                page: outcome.page,
                pageCount: outcome.pageCount,
                previousUrl: outcome.page > 1 ? pageUrl(outcome.page - 1) : null,
                nextUrl: outcome.page < outcome.pageCount ? pageUrl(outcome.page + 1) : null,
              },
            }
          : { kind: query.terms.length === 0 ? 'no-words' : 'nothing', latest: outcome.latest.map((summary) => toStoryTeaser(summary, words)) };
    }

    const html = renderDocument(
      <SearchPage
        data={{
          site: chrome,
          head: {
            title: query.text ? words.text('search.titleFor', { query: query.text }) : words.text('search.title'),
            description: words.text('search.description'),
            ogType: 'website',
            noindex: true,
          },
          form,
          shortened: query.shortened,
          content,
        }}
      />,
    );
    return reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex').type('text/html; charset=utf-8').send(html);
  });
};
