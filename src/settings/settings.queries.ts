import type { Db } from '../db/database.ts';

export async function readAllSettings(db: Db): Promise<Map<string, unknown>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const settings = new Map<string, unknown>();
  for (const row of rows) {
    try {
      settings.set(row.key, JSON.parse(row.value));
    } catch {
      // A hand-edited row that is not JSON is ignored; the default applies.
    }
  }
  return settings;
}

export async function writeSettings(db: Db, values: Readonly<Record<string, unknown>>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    const json = JSON.stringify(value);
    await db
      .insertInto('settings')
      .values({ key, value: json })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
      .execute();
  }
}
