import { open, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { maxUploadBytes, UploadRefusedError } from '../media/index.ts';

/** A photo the export names that cannot be read from the folder given; the import reports it and goes on. */
export class MissingUploadError extends Error {}

/**
 * Reads a file of the old site's uploads copy (WordPress's wp-content/uploads, Ghost's content/images),
 * refusing anything that would leave it: `..`, absolute paths and links pointing elsewhere. The path
 * comes from the export, which is untrusted. `folderName` is how the messages name the folder.
 */
export async function readUpload(uploadsDir: string, uploadPath: string, folderName = 'uploads folder'): Promise<Buffer> {
  if (uploadPath.includes('\0') || isAbsolute(uploadPath)) throw new MissingUploadError('the path in the export is not a relative path');
  const root = await realpath(uploadsDir);
  const wanted = resolve(root, uploadPath);
  const inside = (path: string) => {
    const rel = relative(root, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  if (!inside(wanted)) throw new MissingUploadError(`the path in the export leads outside the ${folderName}`);
  let real: string;
  try {
    real = await realpath(wanted);
  } catch {
    throw new MissingUploadError(`the file ${uploadPath} is not in the ${folderName}`);
  }
  if (!inside(real)) throw new MissingUploadError(`the file is a link to somewhere outside the ${folderName}`);
  const handle = await open(real, 'r');
  try {
    const info = await handle.stat();
    // A path naming a folder ("2026/12/") would fail in readFile with an error no one can act on.
    if (!info.isFile()) throw new MissingUploadError(`${uploadPath} in the ${folderName} is not a file`);
    if (info.size > maxUploadBytes) throw new UploadRefusedError('too-large');
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
