import { type Static, Type } from '@sinclair/typebox';
import { descriptionLimits, type MediaItem, type UploadRefusal } from '../../media/index.ts';
import { ImageJson, imageJson, type JsonContext } from '../article-json.ts';

// A media library image as the Admin API shows it: the Image an article carries (sizes, words,
// every variant's address) and what the library's own page adds. Never its storage path.

export const AdminMediaJson = Type.Object({
  ...ImageJson.properties,
  photographer: Type.String(),
  copyright: Type.String(),
  originalName: Type.String({ description: 'The file name it was uploaded with.' }),
  mimeType: Type.String({ examples: ['image/jpeg'] }),
  bytes: Type.Integer({ description: "The original's size." }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type AdminMediaJson = Static<typeof AdminMediaJson>;

const describedAs = (field: keyof typeof descriptionLimits, words: string) =>
  Type.String({ maxLength: 64 * 1024, description: `${words} Plain text, at most ${descriptionLimits[field]} characters.` });

const descriptionProperties = {
  alt: describedAs('alt', 'What the image shows, for people who cannot see it.'),
  caption: describedAs('caption', 'What is printed under it.'),
  credit: describedAs('credit', 'Who to thank, e.g. an agency.'),
  photographer: describedAs('photographer', 'Who took it.'),
  copyright: describedAs('copyright', 'Who owns it.'),
};

/**
 * The upload's form, for the document: the route reads the parts itself (one file in memory at a
 * time, as the library does) and checks each, so this schema is not what validates it.
 */
export const UploadForm = Type.Object(
  {
    file: Type.String({
      contentMediaType: 'application/octet-stream',
      description: 'The image: JPEG, PNG, WebP, AVIF or GIF, at most 20 MB. An SVG drawing is refused.',
    }),
    ...Type.Partial(Type.Object(descriptionProperties)).properties,
  },
  { additionalProperties: false, description: 'Fields left out are filled from the file’s own IPTC or XMP description, where it has one.' },
);

export const MediaUpdateBody = Type.Partial(Type.Object(descriptionProperties), {
  additionalProperties: false,
  minProperties: 1,
  examples: [{ alt: 'Three blue fishing boats tied up at a concrete pier', credit: 'Harbour Photo Agency' }],
});
export type MediaUpdateBody = Static<typeof MediaUpdateBody>;

/** The form's text fields; anything else but `file` is refused. */
export const uploadTextFields: ReadonlySet<string> = new Set(Object.keys(descriptionProperties));

/** Each refusal of the library's upload as an HTTP status: too large, not an image at all, or an image it cannot use. */
export function uploadRefusalStatus(reason: UploadRefusal): number {
  if (reason === 'too-large' || reason === 'too-many-files') return 413;
  if (reason === 'not-an-image' || reason === 'svg') return 415;
  if (reason === 'incomplete') return 400;
  return 422;
}

export function adminMediaJson(item: MediaItem, context: JsonContext): AdminMediaJson {
  return {
    ...imageJson(item, context),
    photographer: item.photographer,
    copyright: item.copyright,
    originalName: item.originalName,
    mimeType: item.mimeType,
    bytes: item.bytes,
    createdAt: item.createdAt.toISOString(),
  };
}
