import { type Static, type TProperties, type TSchema, type TString, Type } from '@sinclair/typebox';
import type { Author } from '../../authors/index.ts';
import { absoluteUrl, authorUrl, sectionUrl, tagUrl } from '../../platform/urls.ts';
import type { Section } from '../../sections/index.ts';
import type { Tag } from '../../tags/index.ts';

// Sections, tags and author profiles as the Admin API shows and takes them: the newsroom catalog's
// fields, with the counts its tables show. The services check the values; the schemas only bound them.

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const articleCount = Type.Integer({ minimum: 0, description: 'Articles filed under it, in any state.' });
const text = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });
const slug = text(300, 'Lower-case letters, digits and hyphens; empty or left out: made from the name.');

export const AdminSectionJson = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  position: Type.Integer({ description: 'Its place in the order sections are listed in, from 0.' }),
  url: Type.String(),
  articleCount,
});
export const AdminTagJson = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  url: Type.String(),
  articleCount,
});
export const AdminAuthorJson = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  jobTitle: Type.String(),
  bio: Type.String(),
  photo: nullable(Type.Integer({ description: "Its portrait: a media library image's id." })),
  url: Type.String(),
});

/** What a create takes (`name` required, the rest optional) and what an update takes (any of them, at least one). */
function bodies<Rest extends TProperties>(name: TString, rest: Rest, examples: { create: object; update: object }) {
  const create = Type.Composite([Type.Object({ name }), Type.Partial(Type.Object(rest))], { additionalProperties: false, examples: [examples.create] });
  const update = Type.Partial(Type.Object({ name, ...rest }), { additionalProperties: false, minProperties: 1, examples: [examples.update] });
  return { create, update };
}

export const sectionBodies = bodies(
  text(1000, 'Up to 60 characters.'),
  { slug, description: text(5000, 'Up to 500 characters.'), position: Type.Integer({ description: 'Its place in the order, 0 to 999.' }) },
  { create: { name: 'Obituaries', description: 'Lives remembered.', position: 9 }, update: { position: 2 } },
);
export type SectionBody = Static<typeof sectionBodies.update>;

export const tagBodies = bodies(
  text(1000, 'Up to 50 characters.'),
  { slug, description: text(5000, 'Up to 500 characters.') },
  { create: { name: 'Harbour', description: 'Ships, ferries and the port.' }, update: { description: 'Ships, ferries and the port.' } },
);
export type TagBody = Static<typeof tagBodies.update>;

export const authorBodies = bodies(
  text(1000, 'Up to 100 characters.'),
  {
    slug,
    jobTitle: text(1000, 'Up to 100 characters.'),
    bio: text(20_000, 'Up to 1,500 characters.'),
    photo: nullable(Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: "A media library image's id; null for none." })),
  },
  { create: { name: 'Ana Costa', jobTitle: 'Harbour correspondent', bio: 'Covers the port and its people.' }, update: { jobTitle: 'Port editor' } },
);
export type AuthorBody = Static<typeof authorBodies.update>;

export function adminSectionJson(section: Section & { articleCount: number }, publicUrl: string): Static<typeof AdminSectionJson> {
  const { id, slug, name, description, position, articleCount } = section;
  return { id, slug, name, description, position, url: absoluteUrl(publicUrl, sectionUrl(section)), articleCount };
}

export function adminTagJson(tag: Tag & { articleCount: number }, publicUrl: string): Static<typeof AdminTagJson> {
  const { id, slug, name, description, articleCount } = tag;
  return { id, slug, name, description, url: absoluteUrl(publicUrl, tagUrl(tag)), articleCount };
}

export function adminAuthorJson(author: Author, publicUrl: string): Static<typeof AdminAuthorJson> {
  const { id, slug, name, jobTitle, bio } = author;
  return { id, slug, name, jobTitle, bio, photo: author.photo?.id ?? null, url: absoluteUrl(publicUrl, authorUrl(author)) };
}
