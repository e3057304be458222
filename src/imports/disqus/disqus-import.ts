import { contentTags } from '../../platform/content-changes.ts';
import type { ImportDeps } from '../import-deps.ts';
import { importPhrase } from '../import-phrases.ts';
import type { Progress } from '../import-progress.ts';
import { ImportReport } from '../import-report.ts';
import { importDisqusPost, type PostContext, type ResolvedThread } from './disqus-posts.ts';
import { readDisqus } from './disqus-reader.ts';
import type { DisqusThread } from './disqus-records.ts';
import { matchThread } from './disqus-threads.ts';

export interface DisqusImportOptions {
  /** Opens the export again for each pass (the file is read as a stream, never held whole). */
  readonly open: () => NodeJS.ReadableStream;
  readonly dryRun?: boolean;
  readonly progress: Progress;
}

type ThreadEntry = Pick<DisqusThread, 'link' | 'identifier' | 'forum' | 'categoryId' | 'title' | 'isDeleted'>;

/** What the first pass learns: the threads (one per page that had a comment box) and how many posts each has. */
interface ThreadIndex {
  readonly threads: Map<string, ThreadEntry>;
  readonly forumsByCategory: Map<string, string>;
  readonly postsPerThread: Map<string, number>;
  posts: number;
}

async function readThreads(options: DisqusImportOptions): Promise<ThreadIndex> {
  const index: ThreadIndex = { threads: new Map(), forumsByCategory: new Map(), postsPerThread: new Map(), posts: 0 };
  for await (const record of readDisqus(options.open())) {
    if (record.kind === 'category') index.forumsByCategory.set(record.id, record.forum);
    else if (record.kind === 'thread') {
      const { link, identifier, forum, categoryId, title, isDeleted } = record;
      index.threads.set(record.id, { link, identifier, forum, categoryId, title, isDeleted });
      options.progress.advance();
    } else {
      index.posts++;
      index.postsPerThread.set(record.threadId, (index.postsPerThread.get(record.threadId) ?? 0) + 1);
    }
  }
  return index;
}

/** The forum's short name keys the import records, so two forums imported into one newsroom never collide. */
function originOf(thread: ThreadEntry, index: ThreadIndex): string {
  const forum = (thread.forum || index.forumsByCategory.get(thread.categoryId) || '').trim().toLowerCase();
  return forum.slice(0, 100) || 'disqus';
}

/**
 * Imports a Disqus export's comments onto the articles their threads were about, with their state (spam,
 * deleted → trash, otherwise approved), date, author and place in the thread. Threads are matched by their
 * link (an article's address, or an old address a WordPress import recorded) or by the WordPress plugin's
 * identifier; a thread that matches nothing has its posts reported, not imported. A post the WordPress
 * plugin copied from a WordPress comment already imported is matched to it, not duplicated. Every post is
 * remembered by its Disqus id, so a re-run creates nothing twice; a dry run writes nothing and reports the same.
 *
 * @throws {DisqusFormatError} when the file is not a complete, well-formed Disqus export.
 * @example
 * const report = await importDisqus(deps, { open: () => createReadStream('disqus.xml'), progress: silentProgress });
 * console.log(report.toText());
 */
export async function importDisqus(deps: ImportDeps, options: DisqusImportOptions): Promise<ImportReport> {
  const { progress } = options;
  const dryRun = options.dryRun ?? false;
  const report = new ImportReport(dryRun);
  const now = deps.clock.now();

  progress.phase('reading-threads');
  const index = await readThreads(options);

  // A forum has a thread for every page the comment box was ever loaded on; only those with posts matter.
  const wanted = [...index.threads].filter(([id]) => index.postsPerThread.has(id));
  progress.phase('matching-threads', wanted.length);
  const threads = new Map<string, ResolvedThread>();
  for (const [id, thread] of wanted) {
    const articleId = await matchThread(deps.db, thread, now);
    threads.set(id, { articleId, link: thread.link, title: thread.title, origin: originOf(thread, index), isDeleted: thread.isDeleted });
    if (articleId === undefined) {
      const posts = index.postsPerThread.get(id) ?? 0;
      report.note({
        kind: 'threads',
        sourceId: id,
        title: thread.title,
        outcome: 'skipped',
        reason: importPhrase('imports.reason.disqusThreadUnmatched', {
          link: thread.link.slice(0, 200) || importPhrase('imports.reason.none'),
          count: posts,
          shown: String(posts),
        }),
      });
    }
    progress.advance();
  }

  progress.phase('comments', index.posts);
  const context: PostContext = { db: deps.db, report, dryRun, now, threads, placed: new Map(), changedArticles: new Set() };
  for await (const record of readDisqus(options.open())) {
    if (record.kind !== 'post') continue;
    await importDisqusPost(context, record);
    progress.advance();
  }
  if (context.changedArticles.size > 0) deps.changes.announce([...context.changedArticles].map(contentTags.article));
  progress.done();
  return report;
}
