import type { Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { audit, can } from '../../accounts/index.ts';
import { createAuthor, deleteUnusedAuthor, findAuthorById, listAuthors, updateAuthor } from '../../authors/index.ts';
import { ConflictError, ForbiddenError, NotFoundError, phrase, ValidationError } from '../../errors.ts';
import { createSection, deleteSection, listSectionsWithCounts, updateSection } from '../../sections/index.ts';
import { listAllMedia } from '../../media/index.ts';
import type { SelectOption } from '../../render/form.tsx';
import { deleteUnusedTag, listTagsWithCounts, updateTag } from '../../tags/index.ts';
import type { NewsroomKey } from '../../i18n/index.ts';
import { accountDeps, type AdminContext, newsroomWords, requestMeta, requireStaff, staffOnly, sendAdminPage } from '../admin-context.ts';
import { type CatalogField, type CatalogPageData, renderCatalogPage } from './catalog-page.tsx';
import { rowIdParams } from '../../platform/route-schemas.ts';

type Values = Record<string, string>;

/** A catalog form's field as declared, its label and hint named by their keys in the newsroom's catalog. */
interface CatalogFieldSpec extends Omit<CatalogField, 'label' | 'hint'> {
  readonly label: NewsroomKey;
  readonly hint?: NewsroomKey;
}

/** What differs between the sections, tags and authors pages; the routes are the same. */
interface Catalog<T extends { id: number; name: string }> {
  readonly path: string;
  readonly title: NewsroomKey;
  readonly introduction: NewsroomKey;
  readonly columns: readonly NewsroomKey[];
  readonly fields: readonly CatalogFieldSpec[];
  /** Choices for fields picked from a list, loaded when the page is shown. */
  readonly fieldOptions?: () => Promise<Readonly<Record<string, readonly SelectOption[]>>>;
  readonly list: () => Promise<T[]>;
  readonly cells: (item: T) => string[];
  readonly valuesOf: (item: T) => Values;
  readonly find: (id: number) => Promise<T | undefined>;
  readonly create?: (values: Values) => Promise<unknown>;
  readonly update: (id: number, values: Values) => Promise<unknown>;
  readonly remove?: (id: number) => Promise<void>;
}

const IdParams = rowIdParams('id');
type IdParams = Static<typeof IdParams>;

function registerCatalog<T extends { id: number; name: string }>(app: FastifyInstance, context: AdminContext, catalog: Catalog<T>): void {
  const base = `/admin/${catalog.path}`;
  const body = {
    type: 'object',
    properties: Object.fromEntries([...catalog.fields.map((f) => f.name), '_csrf'].map((name) => [name, { type: 'string', maxLength: 20_000 }])),
  } as const;
  const valuesFrom = (request: FastifyRequest) =>
    Object.fromEntries(catalog.fields.map((field) => [field.name, String((request.body as Values | undefined)?.[field.name] ?? '')]));

  const show = async (request: FastifyRequest, reply: FastifyReply, status: number, page: Partial<CatalogPageData>, editing?: T) => {
    const words = newsroomWords(context);
    const items = await catalog.list();
    const options = (await catalog.fieldOptions?.()) ?? {};
    const fields: CatalogField[] = catalog.fields.map(({ label, hint, ...field }) => ({
      ...field,
      label: words.text(label),
      ...(hint ? { hint: words.text(hint) } : {}),
      ...(options[field.name] ? { options: options[field.name] } : {}),
    }));
    const form = editing
      ? {
          heading: words.text('catalog.editHeading', { name: editing.name }),
          action: `${base}/${editing.id}`,
          submitLabel: words.text('catalog.save'),
          ...(catalog.remove ? { deleteAction: `${base}/${editing.id}/delete` } : {}),
        }
      : catalog.create
        ? { heading: words.text('catalog.addHeading'), action: base, submitLabel: words.text('catalog.add') }
        : undefined;
    return sendAdminPage(context, request, reply, status, renderCatalogPage, {
      title: words.text(catalog.title),
      introduction: words.text(catalog.introduction),
      columns: catalog.columns.map((column) => words.text(column)),
      rows: items.map((item) => ({ editUrl: `${base}/${item.id}`, cells: catalog.cells(item) })),
      ...page,
      ...(form ? { form: { ...form, fields, values: page.form?.values ?? (editing ? catalog.valuesOf(editing) : {}), errors: page.form?.errors ?? {} } } : {}),
    });
  };
  const formState = (values: Values, errors: Record<string, string> = {}) => ({ form: { values, errors } as unknown as CatalogPageData['form'] });
  const found = async (id: number) => {
    const item = await catalog.find(id);
    if (!item) throw new NotFoundError(phrase('catalog.noSuchEntry'));
    return item;
  };
  const save = async (request: FastifyRequest, reply: FastifyReply, action: () => Promise<unknown>, editing: T | undefined, notice: string) => {
    const values = valuesFrom(request);
    try {
      await action();
      await audit(accountDeps(context), requireStaff(request), `${catalog.path}.${editing ? 'changed' : 'added'}`, values.name ?? '', requestMeta(request));
      return show(request, reply, 200, { notice });
    } catch (error) {
      const words = newsroomWords(context);
      if (error instanceof ValidationError)
        return show(request, reply, 422, { ...formState(values, error.fieldsIn(words)), message: error.textIn(words) }, editing);
      if (error instanceof ConflictError) return show(request, reply, 409, { ...formState(values), message: error.textIn(words) }, editing);
      throw error;
    }
  };

  app.get(base, (request, reply) => show(request, reply, 200, {}));
  app.get<{ Params: IdParams }>(`${base}/:id`, { schema: { params: IdParams } }, async (request, reply) =>
    show(request, reply, 200, {}, await found(request.params.id)),
  );
  if (catalog.create) {
    const create = catalog.create;
    app.post(base, { schema: { body }, preHandler: app.csrfProtection }, (request, reply) =>
      save(request, reply, () => create(valuesFrom(request)), undefined, newsroomWords(context).text('catalog.added')),
    );
  }
  app.post<{ Params: IdParams }>(`${base}/:id`, { schema: { params: IdParams, body }, preHandler: app.csrfProtection }, async (request, reply) => {
    const item = await found(request.params.id);
    return save(request, reply, () => catalog.update(item.id, valuesFrom(request)), item, newsroomWords(context).text('catalog.saved'));
  });
  if (catalog.remove) {
    const remove = catalog.remove;
    app.post<{ Params: IdParams }>(`${base}/:id/delete`, { schema: { params: IdParams }, preHandler: app.csrfProtection }, async (request, reply) => {
      const item = await found(request.params.id);
      try {
        await remove(item.id);
        await audit(accountDeps(context), requireStaff(request), `${catalog.path}.deleted`, item.name, requestMeta(request));
        return show(request, reply, 200, { notice: newsroomWords(context).text('catalog.deleted', { name: item.name }) });
      } catch (error) {
        if (error instanceof ConflictError) return show(request, reply, 409, { message: error.textIn(newsroomWords(context)) }, item);
        throw error;
      }
    });
  }
}

/** Sections, tags and author profiles: editors and up. */
export const catalogRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  const { db, changes } = context;
  const deps = () => ({ db, changes, now: context.site.clock.now() });
  app.addHook('preHandler', staffOnly);
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!can(requireStaff(request), 'manage-sections-and-tags')) throw new ForbiddenError(phrase('catalog.forbidden'));
  });
  const authorInput = (v: Values) => ({ name: v.name ?? '', slug: v.slug ?? '', jobTitle: v.jobTitle ?? '', bio: v.bio ?? '' });
  // Only an image that exists may be chosen; a crafted id is refused with a message.
  const photoId = async (v: Values) => {
    if (!v.photo) return null;
    const id = Number(v.photo);
    if ((await listAllMedia(db)).some((m) => m.id === id)) return id;
    const choosePhoto = phrase('catalog.choosePhoto');
    throw new ValidationError(choosePhoto, { photo: choosePhoto });
  };
  const position = (values: Values) => (values.position?.trim() === '' ? 0 : Number(values.position));

  registerCatalog(app, context, {
    path: 'sections',
    title: 'catalog.sectionsTitle',
    introduction: 'catalog.sectionsIntro',
    columns: ['catalog.columnName', 'catalog.columnAddress', 'catalog.columnOrder', 'catalog.columnArticles'],
    fields: [
      { name: 'name', label: 'catalog.fieldName', required: true, maxlength: 60 },
      { name: 'slug', label: 'catalog.fieldSlug', hint: 'catalog.slugHint', maxlength: 120 },
      { name: 'position', label: 'catalog.fieldHomeOrder', hint: 'catalog.homeOrderHint', maxlength: 3 },
      { name: 'description', label: 'catalog.fieldDescription', multiline: true, maxlength: 500 },
    ],
    list: () => listSectionsWithCounts(db),
    cells: (s) => [s.name, `/${s.slug}`, String(s.position), String(s.articleCount)],
    valuesOf: (s) => ({ name: s.name, slug: s.slug, position: String(s.position), description: s.description }),
    find: async (id) => (await listSectionsWithCounts(db)).find((s) => s.id === id),
    create: (v) => createSection(db, { name: v.name ?? '', slug: v.slug ?? '', description: v.description ?? '', position: position(v) }),
    update: (id, v) => updateSection(deps(), id, { name: v.name ?? '', slug: v.slug ?? '', description: v.description ?? '', position: position(v) }),
    remove: (id) => deleteSection(deps(), id),
  });

  registerCatalog(app, context, {
    path: 'tags',
    title: 'catalog.tagsTitle',
    introduction: 'catalog.tagsIntro',
    columns: ['catalog.columnName', 'catalog.columnAddress', 'catalog.columnArticles'],
    fields: [
      { name: 'name', label: 'catalog.fieldName', required: true, maxlength: 50 },
      { name: 'slug', label: 'catalog.fieldSlug', hint: 'catalog.slugHint', maxlength: 120 },
      { name: 'description', label: 'catalog.fieldDescription', multiline: true, maxlength: 500 },
    ],
    list: () => listTagsWithCounts(db),
    cells: (t) => [t.name, `/tag/${t.slug}`, String(t.articleCount)],
    valuesOf: (t) => ({ name: t.name, slug: t.slug, description: t.description }),
    find: async (id) => (await listTagsWithCounts(db)).find((t) => t.id === id),
    update: (id, v) => updateTag(deps(), id, { name: v.name ?? '', slug: v.slug ?? '', description: v.description ?? '' }),
    remove: (id) => deleteUnusedTag(deps(), id),
  });

  registerCatalog(app, context, {
    path: 'authors',
    title: 'catalog.authorsTitle',
    introduction: 'catalog.authorsIntro',
    columns: ['catalog.columnName', 'catalog.columnJobTitle', 'catalog.columnAddress'],
    fields: [
      { name: 'name', label: 'catalog.fieldName', required: true, maxlength: 100 },
      { name: 'slug', label: 'catalog.fieldSlug', hint: 'catalog.slugHint', maxlength: 120 },
      { name: 'jobTitle', label: 'catalog.fieldJobTitle', maxlength: 100 },
      { name: 'bio', label: 'catalog.fieldBio', multiline: true, maxlength: 1500 },
      { name: 'photo', label: 'catalog.fieldPhoto', hint: 'catalog.photoHint' },
    ],
    fieldOptions: async () => ({
      photo: [
        { value: '', label: newsroomWords(context).text('catalog.noPhoto') },
        ...(await listAllMedia(db)).map((m) => ({ value: String(m.id), label: m.originalName })),
      ],
    }),
    list: () => listAuthors(db),
    cells: (a) => [a.name, a.jobTitle, `/author/${a.slug}`],
    valuesOf: (a) => ({ name: a.name, slug: a.slug, jobTitle: a.jobTitle, bio: a.bio, photo: a.photo ? String(a.photo.id) : '' }),
    find: (id) => findAuthorById(db, id),
    create: async (v) => createAuthor(db, { ...authorInput(v), photoMediaId: await photoId(v) }),
    update: async (id, v) => updateAuthor(deps(), id, { ...authorInput(v), photoMediaId: await photoId(v) }),
    remove: (id) => deleteUnusedAuthor(deps(), id),
  });
};
