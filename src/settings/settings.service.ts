import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { type ContentChanges, contentTags } from '../platform/content-changes.ts';
import { readAllSettings, writeSettings } from './settings.queries.ts';
import { type SiteSettings, siteSettingsFromStored } from './site-settings.ts';

/**
 * The one accessor for site settings: read from the database at boot and after every change,
 * so rendering a page never waits on a settings query.
 */
export class SettingsStore {
  #current: SiteSettings;

  private constructor(
    private readonly db: Kysely<Database>,
    private readonly changes: ContentChanges,
    initial: SiteSettings,
  ) {
    this.#current = initial;
    // Another instance changed the settings: read them again before pages are rebuilt.
    changes.subscribe((tags, origin) => {
      if (origin === 'remote' && (tags.includes(contentTags.settings) || tags.includes(contentTags.everything))) {
        void this.reload();
      }
    });
  }

  async reload(): Promise<void> {
    this.#current = siteSettingsFromStored(await readAllSettings(this.db));
    this.changes.announce([contentTags.settings], 'refresh');
  }

  static async load(db: Kysely<Database>, changes: ContentChanges): Promise<SettingsStore> {
    return new SettingsStore(db, changes, siteSettingsFromStored(await readAllSettings(db)));
  }

  current(): SiteSettings {
    return this.#current;
  }

  async update(values: Partial<SiteSettings>): Promise<SiteSettings> {
    await this.db.transaction().execute((trx) => writeSettings(trx, values));
    this.#current = siteSettingsFromStored(await readAllSettings(this.db));
    this.changes.announce([contentTags.settings]);
    return this.#current;
  }
}
