import { ValidationError } from '../../errors.ts';
import { findSectionById, findSectionBySlug } from '../../sections/index.ts';
import { findTagById } from '../../tags/index.ts';
import { slugFrom } from '../../platform/slugs.ts';
import { type ImportSentence, importPhrase } from '../import-phrases.ts';
import { findImportRecord, saveImportRecord } from '../import-records.queries.ts';
import type { Outcome } from '../import-report.ts';
import { cleanName, gazetteSlug, sectionForCategory, tagForName } from '../taxonomy.ts';
import type { GhostTag } from './ghost-export.ts';
import { dryRunId, type GhostRun } from './ghost-run.ts';

/**
 * Ghost's tags as Gazette's sections and tags. Ghost has no sections: a tag that is some post's
 * primary public tag becomes a section, the other public tags become tags (a section's tag is a tag
 * too on the posts where it comes second). Internal `#tags` and tags on no post are reported only.
 */
export async function importGhostTaxonomy(run: GhostRun): Promise<void> {
  const roles = run.site.tagRoles();
  for (const tag of roles.internal) skip(run, 'tags', tag, importPhrase('imports.reason.ghostInternalTag'));
  for (const tag of roles.unused) skip(run, 'tags', tag, importPhrase('imports.reason.ghostUnusedTag'));
  run.progress.phase('sections-and-tags', roles.sections.length + roles.tags.length);
  for (const [index, tag] of roles.sections.entries()) {
    await settle(run, 'sections', tag, () => importSection(run, tag, Math.min((index + 1) * 10, 999)));
    run.progress.advance();
  }
  for (const tag of roles.tags) {
    await settle(run, 'tags', tag, () => importTag(run, tag));
    run.progress.advance();
  }
}

function skip(run: GhostRun, kind: 'sections' | 'tags', tag: GhostTag, reason: ImportSentence): void {
  run.report.note({ kind, sourceId: tag.slug, title: tag.name, outcome: 'skipped', reason });
}

/** Counts what became of a tag; a name Gazette refuses is reported, not fatal. */
async function settle(run: GhostRun, kind: 'sections' | 'tags', tag: GhostTag, work: () => Promise<Outcome>): Promise<void> {
  try {
    run.report.count(kind, await work());
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    skip(run, kind, tag, Object.values(error.fields).join(' ') || error.message);
  }
}

async function importSection(run: GhostRun, tag: GhostTag, position: number): Promise<Outcome> {
  const { deps, from, lookups } = run;
  const known = await findImportRecord(deps.db, from, 'section', tag.id);
  const existing = known && (await findSectionById(deps.db, known.localId));
  if (existing) {
    lookups.sectionIds.set(tag.id, existing.id);
    return 'unchanged';
  }
  const source = { slug: sectionSlugOf(tag), name: tag.name, description: tag.description ?? '' };
  const found = await findSectionBySlug(deps.db, gazetteSlug(source.slug, cleanName(tag.name)));
  if (run.dryRun) {
    lookups.sectionIds.set(tag.id, found?.id ?? dryRunId);
    return found ? 'unchanged' : 'created';
  }
  const section = await sectionForCategory(deps.db, source, position);
  await saveImportRecord(deps.db, from, 'section', tag.id, { localId: section.id, fingerprint: '' }, run.now);
  lookups.sectionIds.set(tag.id, section.id);
  if (section.note) run.report.note({ kind: 'sections', sourceId: tag.slug, title: tag.name, outcome: 'changed', reason: section.note });
  return found ? 'unchanged' : 'created';
}

async function importTag(run: GhostRun, tag: GhostTag): Promise<Outcome> {
  const { deps, from, lookups } = run;
  const known = await findImportRecord(deps.db, from, 'tag', tag.id);
  const existing = known && (await findTagById(deps.db, known.localId));
  if (existing) {
    lookups.tagIds.set(tag.id, existing.id);
    return 'unchanged';
  }
  if (run.dryRun) {
    lookups.tagIds.set(tag.id, dryRunId);
    return 'created';
  }
  const { id, existed } = await tagForName(deps.db, cleanName(tag.name) || tag.slug, tag.description ?? '');
  await saveImportRecord(deps.db, from, 'tag', tag.id, { localId: id, fingerprint: '' }, run.now);
  lookups.tagIds.set(tag.id, id);
  return existed ? 'unchanged' : 'created';
}

/**
 * The slug a section takes: Ghost's own, except where Ghost transliterated a name in another script
 * (서울 → `seoul`, القاهرة → `lqhr`), since Gazette keeps such names as they are written.
 */
function sectionSlugOf(tag: GhostTag): string {
  const fromName = slugFrom(cleanName(tag.name));
  return /^[a-z0-9-]*$/.test(fromName) ? tag.slug : fromName;
}
