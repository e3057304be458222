import { decodeXML } from 'entities';
import { commonJsExports, loadOnFirstUse } from '../platform/load-on-first-use.ts';
import { cleanEmbeddedText, type DescriptionField } from './image-description.ts';

/** Loaded when a photo arrives, not by a server that only serves pages. */
const exifrLibrary = loadOnFirstUse(async () => commonJsExports(await import('exifr'), 'sidecar'));

/** The description a photographer or agency embedded in the file; '' where the file says nothing. */
export type EmbeddedDescription = Readonly<Record<DescriptionField, string>>;

/**
 * The raw metadata blocks of an image, as sharp (libvips) finds them in any container. exifr reads
 * neither WebP nor the XMP item of an AVIF, so the container is left to sharp and exifr parses the blocks.
 */
export interface MetadataBlocks {
  /** The XMP packet (RDF/XML). */
  readonly xmp?: Buffer | undefined;
  /** Photoshop's image resources holding the IPTC-IIM record ("8BIM" 0x0404). */
  readonly iptc?: Buffer | undefined;
}

/** The XMP namespaces read, with the prefix files usually give them. */
const namespaces = {
  dc: { uri: 'http://purl.org/dc/elements/1.1/', usualPrefix: 'dc' },
  photoshop: { uri: 'http://ns.adobe.com/photoshop/1.0/', usualPrefix: 'photoshop' },
  iptcCore: { uri: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/', usualPrefix: 'Iptc4xmpCore' },
} as const;

type Properties = Readonly<Record<string, unknown>>;

/**
 * Reads caption, credit, photographer, copyright and alt text: XMP first, IPTC-IIM where XMP says
 * nothing. Alt text comes only from IPTC's accessibility field, never from the caption or credit.
 * A block that cannot be parsed counts as empty: metadata only saves typing, it never stops an upload.
 * @example readEmbeddedDescription(await sharp(bytes).metadata())
 */
export async function readEmbeddedDescription(blocks: MetadataBlocks): Promise<EmbeddedDescription> {
  const [xmp, iim] = await Promise.all([parseXmp(blocks.xmp), parseIim(blocks.iptc)]);
  const pick = (field: DescriptionField, ...candidates: string[]) => cleanEmbeddedText(candidates.find((text) => text.trim() !== '') ?? '', field);
  return {
    caption: pick('caption', xmpText(xmp.dc.description), iimText(iim.Caption)),
    credit: pick('credit', xmpText(xmp.photoshop.Credit), iimText(iim.Credit)),
    photographer: pick('photographer', xmpText(xmp.dc.creator), iimText(iim.Byline)),
    copyright: pick('copyright', xmpText(xmp.dc.rights), iimText(iim.CopyrightNotice)),
    alt: pick('alt', xmpText(xmp.iptcCore.AltTextAccessibility)),
  };
}

async function parseXmp(packet: Buffer | undefined): Promise<Record<keyof typeof namespaces, Properties>> {
  const exifr = await exifrLibrary();
  const parsed = packet ? ((await exifr.sidecar(packet, { xmp: true }, 'xmp').catch(() => undefined)) as Record<string, Properties> | undefined) : undefined;
  // exifr groups properties by the prefix the file used; the namespace URI is what identifies them.
  const prefixes = (parsed?.xmlns ?? {}) as Readonly<Record<string, string>>;
  const group = (name: keyof typeof namespaces) => {
    const prefix = Object.keys(prefixes).find((candidate) => prefixes[candidate] === namespaces[name].uri) ?? namespaces[name].usualPrefix;
    return parsed?.[prefix] ?? {};
  };
  return { dc: group('dc'), photoshop: group('photoshop'), iptcCore: group('iptcCore') };
}

async function parseIim(resources: Buffer | undefined): Promise<Properties> {
  if (!resources) return {};
  const exifr = await exifrLibrary();
  return ((await exifr.sidecar(resources, { iptc: true }, 'iptc').catch(() => undefined)) as Properties | undefined) ?? {};
}

/**
 * An XMP value as the text it stands for. exifr hands values over with their XML escapes still in
 * them (`&quot;`, `&amp;`, `&#169;`); they are decoded exactly once, so `&amp;lt;` stays the
 * literal text `&lt;`, and what comes out is checked like typed text.
 */
export function xmpText(value: unknown): string {
  return decodeXML(textOf(value));
}

/**
 * An XMP value as text: a language alternative gives its x-default entry (else its first), a list
 * such as dc:creator gives its entries joined with commas.
 */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const fallback = value.find((entry) => isLanguageValue(entry) && entry.lang.toLowerCase() === 'x-default');
    if (fallback) return textOf(fallback.value);
    if (value.some(isLanguageValue)) return textOf(value.find(isLanguageValue)?.value);
    return value
      .map(textOf)
      .map((text) => text.trim())
      .filter(Boolean)
      .join(', ');
  }
  if (isLanguageValue(value)) return textOf(value.value);
  return '';
}

function isLanguageValue(value: unknown): value is { lang: string; value: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { lang?: unknown }).lang === 'string' && 'value' in value;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
// Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1 control characters, so the
// characters Windows puts there (curly quotes, dashes, €) are mapped here.
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const decodeWindows1252 = (bytes: Buffer) =>
  Array.from(bytes, (byte) => (byte >= 0x80 && byte <= 0x9f ? windows1252High[byte - 0x80] : String.fromCharCode(byte))).join('');

/**
 * IIM text as exifr gives it: one character per byte, whatever the file's character set. Most files
 * are UTF-8 (declared in record 1:90 or not); bytes that are not valid UTF-8 are read as Windows-1252,
 * the Latin-1 superset older newsroom software writes.
 */
export function iimText(value: unknown): string {
  if (Array.isArray(value))
    return value
      .map(iimText)
      .map((text) => text.trim())
      .filter(Boolean)
      .join(', ');
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return '';
  const bytes = Buffer.from(value, 'latin1');
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}
