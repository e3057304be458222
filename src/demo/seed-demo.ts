import type { Kysely } from 'kysely';
import { type ArticleDeps, createArticle, publishArticle, updateArticle } from '../articles/index.ts';
import { createAuthor } from '../authors/index.ts';
import type { Database } from '../db/database.ts';
import { importImage, type MediaFiles } from '../media/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { ContentChanges } from '../platform/content-changes.ts';
import { createSection } from '../sections/index.ts';
import type { SettingsStore } from '../settings/index.ts';
import { findOrCreateTag } from '../tags/index.ts';
import { demoArticles, demoAuthors, demoSections } from './demo-content.ts';
import { isNewsroomEmpty } from './empty-newsroom.ts';
import type { DemoArticle } from './demo-content.types.ts';
import { demoPhotoJpeg } from './demo-photo-jpeg.ts';

export interface SeedDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly changes: ContentChanges;
  readonly settings: SettingsStore;
  readonly mediaFiles: MediaFiles;
  /** Where drawn photos are kept for the next seed (see `demoPhotoJpeg`); without it they are drawn afresh. */
  readonly photoCacheDir?: string;
}

const hour = 60 * 60 * 1000;

/** The demo newsroom's standards, so its footer and schema.org data show what a real one publishes. */
const demoPolicies = {
  corrections:
    'We correct errors of fact promptly and openly. A correction is added to the end of the article with the date it was made, and listed on our corrections page.\n\nTo report an error, write to corrections@meridian.example with the article’s address and what is wrong.',
  ethics:
    'Our reporters do not accept gifts, paid travel or payment from people they cover. We name our sources unless doing so would put them at risk, and we say why when we do not.',
  ownership: 'The Meridian Gazette is a fictional newsroom that shows what Gazette can do. It has no owners, advertisers or funders.',
  masthead: 'Editor: Amara Okafor\nData editor: Lucía Ferreira\nScience editor: Priya Raman',
  feedback: 'Write to letters@meridian.example. We read every message and publish a selection each week.',
};

function clockAt(date: Date): Clock {
  return { now: () => date };
}

async function seedArticle(
  deps: SeedDeps,
  article: DemoArticle,
  jpeg: Buffer,
  ids: { sections: Map<string, number>; authors: Map<string, number> },
): Promise<void> {
  const now = deps.clock.now();
  const publishedAt = new Date(now.getTime() - article.publishedHoursAgo * hour);
  const photo = await importImage(
    { db: deps.db, files: deps.mediaFiles, now: publishedAt },
    { bytes: jpeg, originalName: `${article.photo.key}.jpg` },
    { alt: article.photo.alt, caption: article.photo.caption, credit: article.photo.credit },
  );
  const tagIds = [];
  for (const name of article.tags) tagIds.push((await findOrCreateTag(deps.db, { name })).id);
  const input = {
    slug: article.slug,
    headline: article.headline,
    standfirst: article.standfirst,
    dateline: article.dateline,
    bodyHtml: article.bodyHtml,
    sectionId: ids.sections.get(article.section) ?? null,
    authorIds: article.authors.map((slug) => ids.authors.get(slug)).filter((id) => id !== undefined),
    tagIds,
    featuredMediaId: photo.id,
  };
  const at = (date: Date): ArticleDeps => ({ db: deps.db, changes: deps.changes, clock: clockAt(date) });
  const created = await createArticle(at(publishedAt), input);
  await publishArticle(at(publishedAt), created.id, publishedAt);
  if (article.updatedHoursAgo !== undefined) {
    await updateArticle(at(new Date(now.getTime() - article.updatedHoursAgo * hour)), created.id, input);
  }
}

/**
 * Fills an empty database with the demo newsroom, so a first `npm start` shows a living site.
 * Does nothing when the newsroom already has sections or articles.
 */
export async function seedDemoNewsroom(deps: SeedDeps): Promise<boolean> {
  if (!(await isNewsroomEmpty(deps.db))) return false;
  const sections = new Map<string, number>();
  for (const [position, section] of demoSections.entries()) {
    sections.set(section.slug, (await createSection(deps.db, { ...section, position })).id);
  }
  const authors = new Map<string, number>();
  for (const author of demoAuthors) authors.set(author.slug, (await createAuthor(deps.db, author)).id);
  const photos = await Promise.all(demoArticles.map((article) => demoPhotoJpeg(article.photo, deps.photoCacheDir)));
  for (const [index, article] of demoArticles.entries()) {
    await seedArticle(deps, article, photos[index]!, { sections, authors });
  }
  await deps.settings.update({
    name: 'The Meridian Gazette',
    description: 'Independent reporting from cities, coasts and capitals.',
    language: 'en-GB',
    timeZone: 'Europe/London',
    navigation: demoSections.map((section) => ({ label: section.name, href: `/${section.slug}` })),
    policies: demoPolicies,
  });
  return true;
}
