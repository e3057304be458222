import { rmSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { connectDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { seedDemoNewsroom } from '../../src/demo/seed-demo.ts';
import { openMediaFiles } from '../../src/media/index.ts';
import { demoPhotoCacheDir } from '../../src/platform/build-cache.ts';
import { ContentChanges } from '../../src/platform/content-changes.ts';
import { SettingsStore } from '../../src/settings/index.ts';
import { createTestDatabase } from './databases.ts';

interface DemoTemplate {
  /** The migrated, seeded SQLite database, serialised. */
  readonly image: Buffer;
  /** The files the seed wrote (the photos' originals). */
  readonly dataDir: string;
}

const templates = new Map<number, Promise<DemoTemplate>>();

async function buildTemplate(seededAt: Date): Promise<DemoTemplate> {
  const database = await createTestDatabase('sqlite');
  const dataDir = await mkdtemp(join(tmpdir(), 'gazette-template-'));
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  try {
    const changes = new ContentChanges();
    const settings = await SettingsStore.load(database.db, changes);
    const mediaFiles = await openMediaFiles(dataDir, { kind: 'local' });
    await seedDemoNewsroom({ db: database.db, clock: { now: () => seededAt }, changes, settings, mediaFiles, photoCacheDir: demoPhotoCacheDir });
    const file = join(dataDir, 'template.sqlite');
    await sql`vacuum into ${file}`.execute(database.db);
    const image = await readFile(file);
    await rm(file);
    return { image, dataDir };
  } finally {
    await database.destroy();
  }
}

/**
 * A private copy of the demo newsroom as seeded at `seededAt`: an in-memory SQLite database and its
 * photos in `dataDir`. Seeding is paid once per process and moment; every copy starts identical.
 */
export async function copyDemoNewsroom(seededAt: Date, dataDir: string): Promise<DatabaseHandle> {
  let template = templates.get(seededAt.getTime());
  if (!template) {
    template = buildTemplate(seededAt);
    templates.set(seededAt.getTime(), template);
  }
  const { image, dataDir: templateDir } = await template;
  await cp(templateDir, dataDir, { recursive: true });
  return connectDatabase({ sqliteFile: image });
}
