import { open, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { maxUploadBytes, UploadRefusedError } from '../media/index.ts';
import { ExplainedError, importPhrase } from './import-phrases.ts';

/** A photo the export names that cannot be read from the folder given; the import reports it and goes on. */
export class MissingUploadError extends ExplainedError {}

/** Which copy of the old site's files a path is looked up in, as the messages name it. */
export type UploadFolder = 'uploads' | 'images' | 'media';

/**
 * Reads a file of the old site's uploads copy (WordPress's wp-content/uploads, Ghost's content/images),
 * refusing anything that would leave it: `..`, absolute paths and links pointing elsewhere. The path
 * comes from the export, which is untrusted. `folder` is how the messages name the folder.
 */
export async function readUpload(uploadsDir: string, uploadPath: string, folder: UploadFolder = 'uploads'): Promise<Buffer> {
  if (uploadPath.includes('\0') || isAbsolute(uploadPath)) throw new MissingUploadError(importPhrase('imports.upload.notRelative'));
  const root = await realpath(uploadsDir);
  const wanted = resolve(root, uploadPath);
  const inside = (path: string) => {
    const rel = relative(root, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  if (!inside(wanted)) throw new MissingUploadError(importPhrase('imports.upload.outside', { folder }));
  let real: string;
  try {
    real = await realpath(wanted);
  } catch {
    throw new MissingUploadError(notInFolder(uploadPath, folder));
  }
  if (!inside(real)) throw new MissingUploadError(importPhrase('imports.upload.linkOutside', { folder }));
  const handle = await open(real, 'r');
  try {
    const info = await handle.stat();
    // A path naming a folder ("2026/12/") would fail in readFile with an error no one can act on.
    if (!info.isFile()) throw new MissingUploadError(importPhrase('imports.upload.notFile', { path: uploadPath, folder }));
    if (info.size > maxUploadBytes) throw new UploadRefusedError('too-large');
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** "the file 2026/12/a.jpg is not in the uploads folder" */
export function notInFolder(path: string, folder: UploadFolder) {
  return importPhrase('imports.upload.missing', { path, folder });
}
