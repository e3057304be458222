import { phrase, ValidationError } from '../../errors.ts';
import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import type { Page, PageInput } from '../../pages/index.ts';
import { slugFrom } from '../../platform/slugs.ts';

/** The page form exactly as typed, every field a string, for showing it again after an error. */
export type PageFormValues = Readonly<Record<PageFieldName, string>>;

export const pageFieldNames = ['title', 'slug', 'parentId', 'position', 'status', 'bodyHtml'] as const;
type PageFieldName = (typeof pageFieldNames)[number];

const pageLabelKeys = {
  title: 'sitePages.labelTitle',
  slug: 'sitePages.labelSlug',
  parentId: 'sitePages.labelParent',
  position: 'sitePages.labelPosition',
  status: 'sitePages.labelStatus',
  bodyHtml: 'sitePages.labelBody',
} as const satisfies Record<PageFieldName, NewsroomKey>;

/** Each field's label in the newsroom's words, for the form and its error summary. */
export function pageLabelsIn(words: Translator<NewsroomKey>): Readonly<Record<PageFieldName, string>> {
  return Object.fromEntries(pageFieldNames.map((name) => [name, words.text(pageLabelKeys[name])])) as Record<PageFieldName, string>;
}

// Over the service's 400,000-character limit, so a body that is too long gets its message on the form, not a bare 400.
export const pageBodySchema = {
  type: 'object',
  properties: Object.fromEntries([...pageFieldNames, '_csrf'].map((name) => [name, { type: 'string', maxLength: 500_000 }])),
} as const;

export function pageValuesFrom(body: Readonly<Record<string, unknown>> | undefined): PageFormValues {
  return Object.fromEntries(pageFieldNames.map((name) => [name, typeof body?.[name] === 'string' ? body[name] : ''])) as PageFormValues;
}

export function pageValuesOf(page: Page): PageFormValues {
  return {
    title: page.title,
    slug: page.slug,
    parentId: page.parentId === null ? '' : String(page.parentId),
    position: String(page.position),
    status: page.status,
    bodyHtml: page.bodyHtml,
  };
}

/** A new page's form: a draft, under the parent its "Add a sub-page" link named. */
export function newPageValues(parentId: number | undefined): PageFormValues {
  return { title: '', slug: '', parentId: parentId === undefined ? '' : String(parentId), position: '0', status: 'draft', bodyHtml: '' };
}

/**
 * What the service is asked to save. An empty slug is made from the title, as for sections and tags;
 * the service checks the rest (and refuses a parent that would put the page under itself). Only a
 * parent that is not a row id at all is refused here, since the select never offers one.
 */
export function pageInputFrom(values: PageFormValues): PageInput {
  const parent = values.parentId.trim();
  // A row id PostgreSQL's integer can hold; anything else would be a database error, not a message.
  if (parent !== '' && !(/^[1-9]\d{0,9}$/.test(parent) && Number(parent) <= 2_147_483_647)) {
    const unknownParent = phrase('sitePages.unknownParent');
    throw new ValidationError(unknownParent, { parentId: unknownParent });
  }
  const position = values.position.trim();
  const slug = values.slug.trim();
  return {
    parentId: parent === '' ? null : Number(parent),
    slug: slug === '' && values.title.trim() !== '' ? slugFrom(values.title) : slug,
    title: values.title,
    bodyHtml: values.bodyHtml,
    // Anything but digits is NaN, which the service refuses with its message beside the other fields'.
    position: position === '' ? 0 : /^\d{1,7}$/.test(position) ? Number(position) : Number.NaN,
    status: values.status as PageInput['status'],
  };
}
