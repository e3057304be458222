import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import { demoArticles } from '../../src/demo/demo-content.ts';
import type { DemoPhoto } from '../../src/demo/demo-content.types.ts';
import { demoPhotoJpeg } from '../../src/demo/demo-photo-jpeg.ts';
import { importImage, type MediaFiles } from '../../src/media/index.ts';
import { slugFrom } from '../../src/platform/slugs.ts';
import { reservedSectionSlugs } from '../../src/platform/urls.ts';
import type { Dice } from './dice.ts';
import type { Writer } from './writer.ts';

/**
 * What articles are filed under and illustrated with: sections, tags, authors and photos, stored
 * through the app's own rules (slugs, the photo import). A second run with the same seed finds the
 * ones the first stored, by slug, instead of adding copies.
 */

const sectionNames = (
  'World,Politics,Business,Science,Culture,Sport,Opinion,Technology,Health,Education,Environment,Money,Travel,Food,Books,Film,Music,Arts,' +
  'Property,Television,Law,Transport,Energy,Cities,Weather,Obituaries,Letters,Investigations,Data,Fashion,Motoring,Gardening,Religion,Crime,' +
  'Defence,Agriculture'
).split(',');
const jobTitles = [
  'Reporter',
  'Senior Reporter',
  'Correspondent',
  'Foreign Correspondent',
  'Columnist',
  'Critic',
  'Editor',
  'Deputy Editor',
  'Data Reporter',
  'Photographer',
];

export interface Named {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
}

/** Each list in popularity order: the first section, tag and author get the most articles. */
export interface Newsroom {
  readonly sections: readonly Named[];
  readonly tags: readonly Named[];
  readonly authors: readonly Named[];
  readonly photoIds: readonly number[];
}

export interface NewsroomSize {
  readonly tags: number;
  readonly authors: number;
  readonly photos: number;
}

type Filed = 'sections' | 'tags' | 'authors';

/** The stored rows of these slugs: an earlier run's (or the newsroom's own) keep their names. */
async function storedBySlug(db: Kysely<Database>, table: Filed, slugs: readonly string[]): Promise<Map<string, Named>> {
  const stored = new Map<string, Named>();
  for (let start = 0; start < slugs.length; start += 500) {
    const rows = await db
      .selectFrom(table)
      .select(['id', 'slug', 'name'])
      .where('slug', 'in', slugs.slice(start, start + 500))
      .execute();
    for (const row of rows) stored.set(row.slug, row);
  }
  return stored;
}

/** Stores the rows whose slug is not taken yet; returns every row as stored, in the order given. */
async function storeMissing<Row extends { slug: string }>(
  db: Kysely<Database>,
  table: Filed,
  rows: readonly Row[],
  insert: (batch: Row[]) => Promise<unknown>,
): Promise<Named[]> {
  const slugs = rows.map((row) => row.slug);
  const existing = await storedBySlug(db, table, slugs);
  const missing = rows.filter((row) => !existing.has(row.slug));
  for (let start = 0; start < missing.length; start += 500) await insert(missing.slice(start, start + 500));
  const stored = await storedBySlug(db, table, slugs);
  return slugs.map((slug) => stored.get(slug)!);
}

/** `count` names whose slugs all differ, each from `make` (tried again when its slug is taken). */
function distinctNames(count: number, make: () => string): { name: string; slug: string }[] {
  const seen = new Set<string>();
  const named: { name: string; slug: string }[] = [];
  while (named.length < count) {
    const name = make();
    const slug = slugFrom(name);
    if (seen.has(slug)) continue;
    seen.add(slug);
    named.push({ name, slug });
  }
  return named;
}

function tagName(dice: Dice, writer: Writer): string {
  switch (dice.weighted([5, 2, 3])) {
    case 0:
      return capitalise(writer.contentWordAt(dice.between(0, 15_000)));
    case 1:
      return writer.familyName();
    default:
      return capitalise(`${writer.contentWordAt(dice.between(0, 8_000))} ${writer.contentWordAt(dice.between(0, 15_000))}`);
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The 20 or so photos every article shares: the demo's drawings, redrawn with other seeds past its 14. */
function photosToDraw(count: number): DemoPhoto[] {
  const base = demoArticles.map((article) => article.photo);
  return Array.from({ length: count }, (_, index) => {
    const photo = base[index % base.length]!;
    const round = Math.floor(index / base.length);
    return round === 0 ? photo : { ...photo, key: `${photo.key}-${round + 1}`, seed: photo.seed + round * 7919 };
  });
}

export async function buildNewsroom(
  deps: { readonly db: Kysely<Database>; readonly files: MediaFiles; readonly now: Date; readonly photoCacheDir?: string },
  dice: Dice,
  writer: Writer,
  size: NewsroomSize,
): Promise<Newsroom> {
  const { db } = deps;
  const sectionRows = sectionNames.map((name, position) => ({ name, slug: slugFrom(name), description: `${name}: ${writer.sentence(12)}`, position }));
  const reserved = sectionRows.find((row) => reservedSectionSlugs.has(row.slug));
  if (reserved) throw new Error(`The section slug "${reserved.slug}" is one the site itself uses`);
  const sections = await storeMissing(db, 'sections', sectionRows, (batch) => db.insertInto('sections').values(batch).execute());

  const tagRows = distinctNames(size.tags, () => tagName(dice, writer)).map((tag) => ({ ...tag, description: '' }));
  const tags = await storeMissing(db, 'tags', tagRows, (batch) => db.insertInto('tags').values(batch).execute());

  const authorRows = distinctNames(size.authors, () => writer.personName()).map((author) => ({
    ...author,
    job_title: dice.pick(jobTitles),
    bio: `${author.name} writes about ${dice.pick(sectionNames).toLowerCase()} and ${dice.pick(sectionNames).toLowerCase()}. ${writer.sentence(14)}`,
    photo_media_id: null,
    user_id: null,
  }));
  const authors = await storeMissing(db, 'authors', authorRows, (batch) => db.insertInto('authors').values(batch).execute());

  const photos = photosToDraw(size.photos);
  const jpegs = await Promise.all(photos.map((photo) => demoPhotoJpeg(photo, deps.photoCacheDir)));
  const photoIds: number[] = [];
  for (const [index, photo] of photos.entries()) {
    // The import names the file after its bytes, so a photo stored by an earlier run is found, not copied.
    const stored = await importImage(
      { db, files: deps.files, now: deps.now },
      { bytes: jpegs[index]!, originalName: `${photo.key}.jpg` },
      { alt: photo.alt, caption: photo.caption, credit: photo.credit },
    );
    photoIds.push(stored.id);
  }
  return { sections, tags, authors, photoIds };
}
