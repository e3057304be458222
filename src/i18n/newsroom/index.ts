import * as chrome from './chrome.ts';
import * as articles from './articles.ts';
import * as editor from './editor.ts';
import * as client from './client.ts';
import * as team from './team.ts';
import * as apiTokens from './api-tokens.ts';
import * as moderation from './moderation.ts';
import * as media from './media.ts';
import * as sitePages from './site-pages.ts';
import * as catalog from './catalog.ts';
import * as imports from './imports.ts';
import * as importReports from './import-reports.ts';
import * as settings from './settings.ts';
import * as webhooks from './webhooks.ts';
import * as refusalsAccounts from './refusals-accounts.ts';
import * as refusalsArticles from './refusals-articles.ts';
import * as refusalsLibrary from './refusals-library.ts';

/**
 * The newsroom's words, one module per part of it (chrome.ts: the bar and navigation around every
 * page; others by capability). Each module exports `en`, the source of its keys, and `ko` and `ar`, typed
 * `Record<keyof typeof en, string>` so `tsc` refuses a catalog that misses a key or adds one.
 * Messages are ICU MessageFormat, as in the reader's catalogs (../catalog-en.ts).
 * To add a part: write its module, then spread it into every catalog below.
 */
const newsroomEn = {
  ...chrome.en,
  ...articles.en,
  ...editor.en,
  ...team.en,
  ...apiTokens.en,
  ...moderation.en,
  ...media.en,
  ...sitePages.en,
  ...catalog.en,
  ...imports.en,
  ...importReports.en,
  ...settings.en,
  ...webhooks.en,
  ...client.en,
  ...refusalsAccounts.en,
  ...refusalsArticles.en,
  ...refusalsLibrary.en,
};

export type NewsroomKey = keyof typeof newsroomEn;

const newsroomKo: Readonly<Record<NewsroomKey, string>> = {
  ...chrome.ko,
  ...articles.ko,
  ...editor.ko,
  ...team.ko,
  ...apiTokens.ko,
  ...moderation.ko,
  ...media.ko,
  ...sitePages.ko,
  ...catalog.ko,
  ...imports.ko,
  ...importReports.ko,
  ...settings.ko,
  ...webhooks.ko,
  ...client.ko,
  ...refusalsAccounts.ko,
  ...refusalsArticles.ko,
  ...refusalsLibrary.ko,
};

const newsroomAr: Readonly<Record<NewsroomKey, string>> = {
  ...chrome.ar,
  ...articles.ar,
  ...editor.ar,
  ...team.ar,
  ...apiTokens.ar,
  ...moderation.ar,
  ...media.ar,
  ...sitePages.ar,
  ...catalog.ar,
  ...imports.ar,
  ...importReports.ar,
  ...settings.ar,
  ...webhooks.ar,
  ...client.ar,
  ...refusalsAccounts.ar,
  ...refusalsArticles.ar,
  ...refusalsLibrary.ar,
};

export const newsroomCatalogs = { en: newsroomEn, ko: newsroomKo, ar: newsroomAr } as const;
