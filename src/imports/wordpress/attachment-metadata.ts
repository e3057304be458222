import { decodeHTMLStrict } from 'entities';
import { unserialize } from 'php-serialize';

/** What an importer needs from an attachment's `_wp_attachment_metadata`; a field is absent when WordPress stored none. */
export interface AttachmentMetadata {
  readonly width?: number;
  readonly height?: number;
  /** The original's path under wp-content/uploads ("2025/03/seoul-night-market.jpg"). */
  readonly file?: string;
  /** From the photo's IPTC/EXIF, as WordPress read them at upload: plain text. */
  readonly caption?: string;
  readonly credit?: string;
  readonly copyright?: string;
  readonly title?: string;
}

// Real values hold a few kilobytes (one entry per generated size); anything far larger is not WordPress's.
const MAX_SERIALIZED_BYTES = 256 * 1024;

/**
 * Reads the PHP-serialised `_wp_attachment_metadata` of a WXR attachment. Returns undefined for anything
 * that is not a serialised PHP array as WordPress writes it (an object, a malformed or oversized value), never throws.
 *
 * @example
 * readAttachmentMetadata(item.meta._wp_attachment_metadata?.[0] ?? '')
 * // → { width: 640, height: 427, file: '2025/03/seoul-night-market.jpg', caption: 'Paper lanterns…', credit: 'Hana Kim / The Gazette', … }
 */
export function readAttachmentMetadata(serialized: string): AttachmentMetadata | undefined {
  if (typeof serialized !== 'string' || Buffer.byteLength(serialized) > MAX_SERIALIZED_BYTES) return undefined;
  // php-serialize takes a negative count and ignores whatever follows the value: neither is something WordPress writes.
  if (!/^a:\d{1,6}:\{/.test(serialized) || !serialized.endsWith('}')) return undefined;
  // XML turns every CR LF into LF, so a caption typed with Windows line ends is shorter than the byte count
  // serialised beside it; putting the CRs back is the one repair that cannot misread anything.
  const metadata = unserializeArray(serialized) ?? (serialized.includes('\n') ? unserializeArray(serialized.replaceAll('\n', '\r\n')) : undefined);
  if (metadata === undefined) return undefined;
  const imageMeta = ownValue(metadata, 'image_meta');
  const iptc = isPlainRecord(imageMeta) ? imageMeta : {};
  const file = ownValue(metadata, 'file');
  return withoutUndefined({
    width: toDimension(ownValue(metadata, 'width')),
    height: toDimension(ownValue(metadata, 'height')),
    file: typeof file === 'string' && file !== '' ? file : undefined,
    caption: toText(ownValue(iptc, 'caption')),
    credit: toText(ownValue(iptc, 'credit')),
    copyright: toText(ownValue(iptc, 'copyright')),
    title: toText(ownValue(iptc, 'title')),
  });
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/** The top-level PHP array as a record, or undefined if it is not one or does not parse. */
function unserializeArray(serialized: string): Record<string, unknown> | undefined {
  try {
    // An empty, null-prototype class scope with strict on: a serialised object (O:…, C:…) names a class that is
    // not there, so it throws before anything is built ({} would hand out Object itself for "constructor").
    const value: unknown = unserialize(serialized, Object.create(null), { strict: true, encoding: 'utf8' });
    if (Array.isArray(value)) return value.length === 0 ? {} : undefined;
    return isPlainRecord(value) ? value : undefined;
  } catch {
    // Malformed, truncated, lengths that do not match the bytes, or nested deep enough to exhaust the stack.
    return undefined;
  }
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// A key "__proto__" in the payload sets the parsed object's prototype instead of a property: read own properties only.
function ownValue(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function toDimension(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

// wp_read_image_metadata() passes image_meta through wp_kses_post_deep(), which stores "&" as "&amp;".
function toText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = decodeHTMLStrict(value.replaceAll('\r\n', '\n')).trim();
  return text === '' ? undefined : text;
}
