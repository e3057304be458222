import { type Static, type TSchema, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { can } from '../../accounts/index.ts';
import { type Author, createAuthor, deleteUnusedAuthor, findAuthorById, listAuthors, updateAuthor } from '../../authors/index.ts';
import type { Database } from '../../db/database.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import { getMediaItem } from '../../media/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ContentChanges } from '../../platform/content-changes.ts';
import { rowIdParams } from '../../platform/route-schemas.ts';
import type { SiteContext } from '../../settings/index.ts';
import { createSection, deleteSection, listSectionsWithCounts, type Section, updateSection } from '../../sections/index.ts';
import { createTag, deleteUnusedTag, listTagsWithCounts, type Tag, updateTag } from '../../tags/index.ts';
import {
  AdminAuthorJson,
  adminAuthorJson,
  AdminSectionJson,
  adminSectionJson,
  AdminTagJson,
  adminTagJson,
  type AuthorBody,
  authorBodies,
  type SectionBody,
  sectionBodies,
  type TagBody,
  tagBodies,
} from './admin-taxonomy-json.ts';
import { auditApiChange } from '../api-audit.ts';
import { callerOf } from '../api-callers.ts';
import { problemResponses } from '../problem-details.ts';

/** What the catalog routes are given (the API's deps have more). */
export interface AdminTaxonomyDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly changes: ContentChanges;
  readonly site: SiteContext;
}

const IdParams = rowIdParams('id');
type IdParams = Static<typeof IdParams>;
const security = [{ token: [] }];

/** What differs between sections, tags and authors; the routes are the same, as on the newsroom's catalog pages. */
interface Catalog<T extends { id: number; name: string }, Body extends { name?: string }> {
  /** Below /api/v1/admin, and the audit log's action prefix (the newsroom's own: "sections.added"). */
  readonly path: 'sections' | 'tags' | 'authors';
  readonly noun: string;
  readonly json: TSchema;
  readonly bodies: { readonly create: TSchema; readonly update: TSchema };
  readonly toJson: (item: T) => unknown;
  readonly list: () => Promise<T[]>;
  readonly find: (id: number) => Promise<T | undefined>;
  /** Every writable field as it stands, so an update changes only the fields sent. */
  readonly bodyOf: (item: T) => Required<Body>;
  readonly create: (body: Body) => Promise<{ id: number }>;
  readonly update: (id: number, body: Required<Body>) => Promise<unknown>;
  readonly remove: { readonly run: (id: number) => Promise<void>; readonly description: string };
}

function registerCatalog<T extends { id: number; name: string }, Body extends { name?: string }>(
  app: FastifyInstance,
  deps: AdminTaxonomyDeps,
  catalog: Catalog<T, Body>,
) {
  const base = `/${catalog.path}`;
  const tags = [`Admin: ${catalog.path[0]!.toUpperCase()}${catalog.path.slice(1)}`];
  const one = { 200: catalog.json };
  const found = async (id: number) => {
    const item = await catalog.find(id);
    if (!item) throw new NotFoundError(`No ${catalog.noun} has the id ${id}.`);
    return item;
  };
  const subjectOf = (item: T) => `${item.id}: ${item.name}`;

  app.get(
    base,
    {
      schema: {
        tags,
        security,
        summary: `List ${catalog.path}`,
        response: { 200: Type.Object({ [catalog.path]: Type.Array(catalog.json) }), ...problemResponses(401, 403) },
      },
    },
    async (_request, reply) => reply.header('cache-control', 'no-store').send({ [catalog.path]: (await catalog.list()).map(catalog.toJson) }),
  );

  app.get<{ Params: IdParams }>(
    `${base}/:id`,
    { schema: { tags, security, summary: `Get a ${catalog.noun}`, params: IdParams, response: { ...one, ...problemResponses(401, 403, 404, 422) } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(catalog.toJson(await found(request.params.id))),
  );

  app.post<{ Body: Body }>(
    base,
    {
      schema: {
        tags,
        security,
        summary: `Create a ${catalog.noun}`,
        description: 'Checked as the newsroom checks it: a refused field is named in `errors`. Send `Idempotency-Key` so a retried request creates it once.',
        body: catalog.bodies.create,
        response: { 201: catalog.json, ...problemResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const { id } = await catalog.create(request.body as Body);
      const item = await found(id);
      await auditApiChange(deps, request, `${catalog.path}.added`, subjectOf(item));
      return reply
        .code(201)
        .header('location', `${request.url.split('?')[0]}/${id}`)
        .send(catalog.toJson(item));
    },
  );

  app.patch<{ Params: IdParams; Body: Body }>(
    `${base}/:id`,
    {
      schema: {
        tags,
        security,
        summary: `Update a ${catalog.noun}`,
        description: 'Changes the fields sent, keeping the others. A new slug leaves the old address answering 301.',
        params: IdParams,
        body: catalog.bodies.update,
        response: { ...one, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const before = await found(request.params.id);
      await catalog.update(before.id, { ...catalog.bodyOf(before), ...(request.body as Body) });
      const item = await found(before.id);
      await auditApiChange(deps, request, `${catalog.path}.changed`, subjectOf(item));
      return reply.header('cache-control', 'no-store').send(catalog.toJson(item));
    },
  );

  app.delete<{ Params: IdParams }>(
    `${base}/:id`,
    {
      schema: {
        tags,
        security,
        summary: `Delete a ${catalog.noun}`,
        description: catalog.remove.description,
        params: IdParams,
        response: { 204: Type.Null({ description: 'Deleted.' }), ...problemResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const item = await found(request.params.id);
      await catalog.remove.run(item.id);
      await auditApiChange(deps, request, `${catalog.path}.deleted`, subjectOf(item));
      return reply.code(204).send();
    },
  );
}

/** Sections, tags and author profiles: editors and up, as on the newsroom's catalog pages, through the same services. */
export const adminTaxonomyRoutes: FastifyPluginAsync<AdminTaxonomyDeps> = async (app, deps) => {
  const { db, changes, site } = deps;
  const serviceDeps = () => ({ db, changes, now: deps.clock.now() });
  app.addHook('preHandler', async (request) => {
    if (!can(callerOf(request).user, 'manage-sections-and-tags')) throw new ForbiddenError('Your role may not manage sections, tags or authors.');
  });

  const findSection = async (id: number) => (await listSectionsWithCounts(db)).find((section) => section.id === id);
  registerCatalog<Section & { articleCount: number }, SectionBody>(app, deps, {
    path: 'sections',
    noun: 'section',
    json: AdminSectionJson,
    bodies: sectionBodies,
    toJson: (section) => adminSectionJson(section, site.publicUrl),
    list: () => listSectionsWithCounts(db),
    find: findSection,
    bodyOf: ({ name, slug, description, position }) => ({ name, slug, description, position }),
    create: (body) => createSection(db, { ...body, name: body.name ?? '' }),
    update: (id, body) => updateSection(serviceDeps(), id, body),
    remove: {
      run: (id) => deleteSection(serviceDeps(), id),
      description: 'Only an empty section can be deleted: one that still holds articles, in any state, is a 409.',
    },
  });

  const findTag = async (id: number) => (await listTagsWithCounts(db)).find((tag) => tag.id === id);
  registerCatalog<Tag & { articleCount: number }, TagBody>(app, deps, {
    path: 'tags',
    noun: 'tag',
    json: AdminTagJson,
    bodies: tagBodies,
    toJson: (tag) => adminTagJson(tag, site.publicUrl),
    list: () => listTagsWithCounts(db),
    find: findTag,
    bodyOf: ({ name, slug, description }) => ({ name, slug, description }),
    create: (body) => createTag(db, { ...body, name: body.name ?? '' }),
    update: (id, body) => updateTag(serviceDeps(), id, body),
    remove: { run: (id) => deleteUnusedTag(serviceDeps(), id), description: 'Only a tag no article carries can be deleted; one in use is a 409.' },
  });

  // As in the newsroom's form, only an image that exists may be an author's photo.
  const photoId = async (photo: number | null): Promise<number | null> => {
    if (photo === null) return null;
    const found = await getMediaItem(db, photo).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    if (!found) throw new ValidationError('The author has errors.', { photo: `No image in the media library has the id ${photo}.` });
    return found.id;
  };
  const authorInput = async ({ photo = null, ...body }: AuthorBody) => ({ ...body, name: body.name ?? '', photoMediaId: await photoId(photo) });
  registerCatalog<Author, AuthorBody>(app, deps, {
    path: 'authors',
    noun: 'author',
    json: AdminAuthorJson,
    bodies: authorBodies,
    toJson: (author) => adminAuthorJson(author, site.publicUrl),
    list: () => listAuthors(db),
    find: (id) => findAuthorById(db, id),
    bodyOf: ({ name, slug, jobTitle, bio, photo }) => ({ name, slug, jobTitle, bio, photo: photo?.id ?? null }),
    create: async (body) => createAuthor(db, await authorInput(body)),
    update: async (id, body) => updateAuthor(serviceDeps(), id, await authorInput(body)),
    remove: {
      run: (id) => deleteUnusedAuthor(serviceDeps(), id),
      description:
        'Only a profile no article has in its byline, in any state (drafts and the trash too), can be deleted; one in a byline is a 409. An account linked to the profile is left without one.',
    },
  });
};
