import type { Db } from '../db/database.ts';
import { ValidationError } from '../errors.ts';
import { isValidSlug, slugFrom } from '../platform/slugs.ts';
import { htmlToText } from '../render/sanitize.ts';
import { createSection, findSectionBySlug } from '../sections/index.ts';
import { findOrCreateTag, findTagBySlug } from '../tags/index.ts';

// Sections and tags as every importer makes them, so two sources bring the same names in the same way.

/** What a section is made from: a WordPress category, a Ghost tag. Name and description may hold HTML. */
export interface SectionSource {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
}

/** Names as a person reads them: WordPress stores term names HTML-escaped ("Arts &amp; Culture"). */
export function cleanName(name: string): string {
  return htmlToText(name).slice(0, 100);
}

/** The Gazette slug for the old site's: kept when Gazette can use it, else made from the name. */
export function gazetteSlug(oldSlug: string, name: string): string {
  return isValidSlug(oldSlug) ? oldSlug : slugFrom(name);
}

/**
 * The section for a top-level WordPress category or a Ghost primary tag: the one with its slug if the
 * newsroom has it, else a new one. A slug Gazette keeps for itself (`news`, `tag`, `search` …) gets `-section` added, and says so.
 */
export async function sectionForCategory(db: Db, category: SectionSource, position: number): Promise<{ id: number; existed: boolean; note?: string }> {
  const name = cleanName(category.name).slice(0, 60) || category.slug.slice(0, 60);
  const wanted = gazetteSlug(category.slug, name);
  for (const slug of [wanted, `${wanted.slice(0, 100)}-section`]) {
    const existing = await findSectionBySlug(db, slug);
    if (existing) return { id: existing.id, existed: true };
    try {
      const created = await createSection(db, { name, slug, description: htmlToText(category.description).slice(0, 500), position });
      return slug === wanted
        ? { id: created.id, existed: false }
        : { id: created.id, existed: false, note: `the address /${wanted} is Gazette's own: the section is at /${slug}` };
    } catch (error) {
      if (!(error instanceof ValidationError) || !error.fields.slug) throw error;
    }
  }
  throw new ValidationError(`“${name}” cannot be a section.`);
}

/** The tag with this name (by its slug), made if the newsroom has none; `existed` says which. */
export async function tagForName(db: Db, name: string, description = ''): Promise<{ id: number; existed: boolean }> {
  const existing = await findTagBySlug(db, slugFrom(name.trim()));
  if (existing) return { id: existing.id, existed: true };
  return { id: (await findOrCreateTag(db, { name, description: htmlToText(description).slice(0, 500) })).id, existed: false };
}

/** For a dry run: whether the import would find this term's section (`asSection`) or tag already here. */
export async function alreadyHere(db: Db, term: { slug: string; name: string }, asSection: boolean): Promise<boolean> {
  const name = cleanName(term.name) || term.slug;
  if (asSection) return (await findSectionBySlug(db, gazetteSlug(term.slug, name))) !== undefined;
  return (await findTagBySlug(db, slugFrom(name.trim()))) !== undefined;
}
