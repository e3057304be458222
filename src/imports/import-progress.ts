import type { NewsroomKey } from '../i18n/index.ts';
import type { ExportedTableName } from './gazette/gazette-tables.ts';
import { type ImportPhrase, importPhrase } from './import-phrases.ts';

/**
 * The phases an import goes through. They are identifiers, stored in the job's row: the newsroom's page
 * puts them in its own words (imports.phase.* in src/i18n/newsroom/imports.ts), the command line in English.
 */
const phaseKeys = {
  reading: 'imports.phase.reading',
  authors: 'imports.phase.authors',
  'sections-and-tags': 'imports.phase.sections-and-tags',
  photos: 'imports.phase.photos',
  articles: 'imports.phase.articles',
  pages: 'imports.phase.pages',
  links: 'imports.phase.links',
  'old-addresses': 'imports.phase.old-addresses',
  'reading-threads': 'imports.phase.reading-threads',
  'matching-threads': 'imports.phase.matching-threads',
  comments: 'imports.phase.comments',
  'checking-files': 'imports.phase.checking-files',
  'media-files': 'imports.phase.media-files',
  'search-index': 'imports.phase.search-index',
} as const satisfies Record<string, NewsroomKey>;

export type ImportPhase = keyof typeof phaseKeys;

/** A phase, or (Gazette's own import and export) the table being copied. */
export type ImportPhaseName = ImportPhase | ExportedTableName;

export function isImportPhase(name: string): name is ImportPhase {
  return Object.hasOwn(phaseKeys, name);
}

/** What jobs stored before phases were identifiers say: their English names. */
const englishNames: Readonly<Record<string, ImportPhase>> = {
  Reading: 'reading',
  Authors: 'authors',
  'Sections and tags': 'sections-and-tags',
  Photos: 'photos',
  Articles: 'articles',
  Pages: 'pages',
  Links: 'links',
  'Old addresses': 'old-addresses',
  'Reading threads': 'reading-threads',
  'Matching threads': 'matching-threads',
  Comments: 'comments',
  'Checking the files': 'checking-files',
  'Media files': 'media-files',
  'media files': 'media-files',
  'Search index': 'search-index',
};

/** The phase as words go in "Importing: …": a known phase (by identifier or its old English name), else a table by its name. */
export function phasePhrase(name: string): ImportPhrase {
  const phase = isImportPhase(name) ? name : Object.hasOwn(englishNames, name) ? englishNames[name] : undefined;
  return phase ? importPhrase(phaseKeys[phase]) : importPhrase('imports.phase.table', { name });
}

/** How an import tells a person where it is; the command line draws a bar, the newsroom page a count. */
export interface Progress {
  /** A new phase ('photos', 'articles'); `total` when it is known. */
  phase(name: ImportPhaseName, total?: number): void;
  advance(count?: number): void;
  done(): void;
}

/** For scripts and tests: nothing is shown. */
export const silentProgress: Progress = { phase() {}, advance() {}, done() {} };
