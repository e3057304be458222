import { createHash } from 'node:crypto';
import { createAuthor, findAuthorById, findAuthorBySlug, updateAuthor } from '../../authors/index.ts';
import { ValidationError } from '../../errors.ts';
import type { MediaItem } from '../../media/index.ts';
import { importPhrase } from '../import-phrases.ts';
import { findImportRecord, saveImportRecord } from '../import-records.queries.ts';
import type { Outcome } from '../import-report.ts';
import { gazetteSlug } from '../taxonomy.ts';
import { ghostImagePath, plainLine } from './ghost-content.ts';
import type { GhostUser } from './ghost-export.ts';
import { dryRunPhoto } from './ghost-media.ts';
import { dryRunId, type GhostRun } from './ghost-run.ts';

/** Profile fields Ghost keeps that an author page here has no place for. */
const unmappedFields = ['website', 'location', 'cover_image', 'facebook', 'twitter'] as const;

/**
 * Staff on at least one post's byline become authors, with name, slug, bio and portrait. An author
 * the newsroom already has under that slug is used as it is; one imported before is updated when
 * Ghost's profile changed (its slug and job title stay as the newsroom set them).
 */
export async function importGhostAuthors(run: GhostRun, photos: ReadonlyMap<string, MediaItem | typeof dryRunPhoto>): Promise<void> {
  const { authors, others } = run.site.bylineUsers();
  for (const user of others)
    run.report.note({
      kind: 'authors',
      sourceId: user.id,
      title: plainLine(user.name, 100),
      outcome: 'skipped',
      reason: importPhrase('imports.reason.ghostStaffOnly'),
    });
  run.progress.phase('authors', authors.length);
  for (const user of authors) {
    try {
      const { id, outcome } = await importAuthor(run, user, photos);
      run.lookups.authorIds.set(user.id, id);
      run.report.count('authors', outcome);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const reason = Object.values(error.fields).join(' ') || error.message;
      run.report.note({ kind: 'authors', sourceId: user.id, title: plainLine(user.name, 100), outcome: 'skipped', reason });
    }
    run.progress.advance();
  }
}

async function importAuthor(
  run: GhostRun,
  user: GhostUser,
  photos: ReadonlyMap<string, MediaItem | typeof dryRunPhoto>,
): Promise<{ id: number; outcome: Outcome }> {
  const { deps, from, dryRun, now } = run;
  const name = plainLine(user.name, 100) || user.slug.slice(0, 100);
  const bio = plainLine(user.bio, 1500);
  const portrait = user.profile_image ? photos.get(ghostImagePath(user.profile_image) ?? '') : undefined;
  const photoMediaId = portrait === undefined || portrait === dryRunPhoto ? null : portrait.id;
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([name, bio, photoMediaId]))
    .digest('hex')
    .slice(0, 32);
  for (const field of unmappedFields) if (user[field]) run.report.unmapped(`users.${field}`);

  const known = await findImportRecord(deps.db, from, 'author', user.id);
  const existing = known && (await findAuthorById(deps.db, known.localId));
  if (existing && known.fingerprint === fingerprint) return { id: existing.id, outcome: 'unchanged' };
  if (existing) {
    if (!dryRun) {
      const input = { name, slug: existing.slug, jobTitle: existing.jobTitle, bio, photoMediaId: photoMediaId ?? existing.photo?.id ?? null };
      await updateAuthor({ db: deps.db, changes: deps.changes, now }, existing.id, input);
      await saveImportRecord(deps.db, from, 'author', user.id, { localId: existing.id, fingerprint }, now);
    }
    return { id: existing.id, outcome: 'updated' };
  }
  const slug = gazetteSlug(user.slug, name);
  const bySlug = await findAuthorBySlug(deps.db, slug);
  if (dryRun) return { id: bySlug?.id ?? dryRunId, outcome: bySlug ? 'unchanged' : 'created' };
  const id = bySlug?.id ?? (await createAuthor(deps.db, { name, slug, bio, photoMediaId })).id;
  await saveImportRecord(deps.db, from, 'author', user.id, { localId: id, fingerprint }, now);
  return { id, outcome: bySlug ? 'unchanged' : 'created' };
}
