import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.ts';
import type { Collection } from './scale/archive-report.ts';
import { terminalSeedProgress } from './scale/progress.ts';
import { ArchiveNotEmptyError, type ScaleOptions, type ScaleReport, seedScale } from './scale/seed.ts';
import { printTable } from './result-tables.ts';

/**
 * `npm run seed:scale -- --articles N --comments M`: fills the database the server is configured for
 * (DATABASE_URL, else the SQLite file under GAZETTE_DATA_DIR) with a big newsroom archive for
 * benchmarks, after the app's migrations, and prints rows/s per table and where the busiest pages are.
 * Refuses a database that has articles unless given --append.
 */

const usage = `Usage: npm run seed:scale -- --articles N [--comments M] [--seed S] [--until YYYY-MM-DD] [--append] [--connections C] [--photos P]

  --articles N      articles to add (1 to 10,000,000)
  --comments M      comments to spread over them (default 0; at most 100,000,000)
  --seed S          the random seed (default 2026): the same seed and --until build the same archive
  --until DATE      when the archive ends (default: today, 00:00 UTC); scheduled stories come after it
  --append          add to a database that already has articles (nothing is ever deleted);
                    give another --seed too, or the new stories repeat the old ones' words
  --connections C   PostgreSQL connections loading at once (default: one per CPU, 2 to 8)
  --photos P        photos the articles share (default 20)`;

class UsageError extends Error {}

function wholeNumber(name: string, value: string | undefined, fallback: number | undefined, min: number, max: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  const number = Number(value.replaceAll('_', ''));
  if (!/^\d[\d_]*$/.test(value) || number < min || number > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max.toLocaleString('en')}, got "${value}"`);
  return number;
}

function readUntil(value: string | undefined): Date {
  if (value === undefined) return new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(value) || Number.isNaN(date.getTime()))
    throw new UsageError(`--until must be a date such as 2026-12-01, got "${value}"`);
  return date;
}

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: {
        articles: { type: 'string' },
        comments: { type: 'string' },
        seed: { type: 'string' },
        until: { type: 'string' },
        append: { type: 'boolean', default: false },
        connections: { type: 'string' },
        photos: { type: 'string' },
      },
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function readOptions(args: readonly string[]): ScaleOptions {
  const { values } = parse(args);
  return {
    articles: wholeNumber('articles', values.articles, undefined, 1, 10_000_000),
    comments: wholeNumber('comments', values.comments, 0, 0, 100_000_000),
    seed: wholeNumber('seed', values.seed, 2026, 0, 2 ** 31 - 1),
    until: readUntil(values.until),
    append: values.append,
    connections: wholeNumber('connections', values.connections, Math.min(8, Math.max(2, availableParallelism())), 1, 32),
    photos: wholeNumber('photos', values.photos, 20, 1, 100),
    tags: 20_000,
    authors: 2_000,
    progress: terminalSeedProgress(),
  };
}

const count = (value: number) => Math.round(value).toLocaleString('en');

function describe(name: string, collection: Collection | undefined): string {
  if (!collection) return `${name}: none published`;
  const deepest = collection.pages >= 5000 ? `${collection.path}?page=5000` : `page 5,000 does not exist yet (last is ?page=${collection.pages})`;
  return `${name}: ${collection.path} (id ${collection.id}), ${count(collection.articles)} articles, ${count(collection.pages)} pages; ${deepest}`;
}

function print(report: ScaleReport, options: ScaleOptions): void {
  console.log(
    `\nSeeded articles ${count(report.articleIds.first)}–${count(report.articleIds.last)} in ${report.seconds.toFixed(1)} s (seed ${options.seed}, until ${options.until.toISOString()})\n`,
  );
  printTable(
    ['table', 'rows', 'seconds loading', 'rows/s'],
    report.tables.map(({ table, rows, seconds }) => [table, count(rows), seconds.toFixed(1), seconds > 0 ? count(rows / seconds) : '–']),
  );
  console.log(
    `\nall tables: ${count(report.totalRows)} rows in ${report.seconds.toFixed(1)} s, ${count(report.totalRows / report.seconds)} rows/s overall ` +
      `(of which: migrations, sections, tags, authors and photos ${report.preparingSeconds.toFixed(1)} s; writing the rows ${report.generatingSeconds.toFixed(1)} s; ` +
      `${report.maintenance.what} ${report.maintenance.seconds.toFixed(1)} s)`,
  );
  if (report.dialect === 'postgres') console.log('(PostgreSQL tables load on several connections at once, so their seconds add up to more than the run)');
  const { highlights } = report;
  console.log(`\n${describe('biggest section', highlights.biggestSection)}`);
  console.log(describe('biggest tag', highlights.biggestTag));
  console.log(describe('biggest author', highlights.biggestAuthor));
  const article = highlights.mostCommented;
  console.log(article ? `most-commented article: ${article.path} (id ${article.id}), ${count(article.approvedComments)} approved comments` : 'no comments');
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const config = loadConfig();
  console.log(
    `Seeding ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite in ${config.dataDir}`}: ${count(options.articles)} articles, ${count(options.comments)} comments`,
  );
  print(await seedScale(config, options), options);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${usage}`);
  else if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else if (error instanceof ArchiveNotEmptyError) console.error(error.message);
  else console.error('seed:scale failed:', error);
  process.exit(1);
});
