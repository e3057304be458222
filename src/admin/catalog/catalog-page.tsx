import { CsrfField, FormOutcome, ErrorSummary, Field, Select, type SelectOption, TextArea } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { AdminTable } from '../admin-table.tsx';

/** One field of a catalog form (sections, tags, authors). */
export interface CatalogField {
  readonly name: string;
  readonly label: string;
  readonly multiline?: boolean;
  readonly hint?: string;
  readonly maxlength?: number;
  readonly required?: boolean;
  /** Makes the field a list to choose from. */
  readonly options?: readonly SelectOption[];
}

export interface CatalogPageData {
  readonly title: string;
  readonly introduction: string;
  readonly columns: readonly string[];
  /** First cell links to the row's edit page. */
  readonly rows: readonly { readonly editUrl: string; readonly cells: readonly string[] }[];
  readonly notice?: string;
  readonly message?: string;
  readonly form?: {
    readonly heading: string;
    readonly action: string;
    readonly submitLabel: string;
    readonly fields: readonly CatalogField[];
    readonly values: Readonly<Record<string, string>>;
    readonly errors: Readonly<Record<string, string>>;
    /** Shown on an edit page; the server still refuses to delete what is in use. */
    readonly deleteAction?: string;
  };
}

/** A list of things with a form to add or edit one: sections, tags and author profiles. */
export function renderCatalogPage(chrome: AdminChrome, data: CatalogPageData): string {
  const { form } = data;
  return renderDocument(
    <AdminDocument chrome={chrome} title={data.title}>
      <h1>{data.title}</h1>
      <p class="admin-lede">{data.introduction}</p>
      <FormOutcome notice={data.notice} problem={data.message} />
      {form ? (
        <section class="catalog-form" aria-labelledby="catalog-form-heading">
          <h2 id="catalog-form-heading">{form.heading}</h2>
          <ErrorSummary
            errors={form.errors}
            labels={Object.fromEntries(form.fields.map((field) => [field.name, field.label]))}
            title={chrome.words.text('catalog.problemTitle')}
          />
          <form method="post" action={form.action} class="admin-form editor" novalidate>
            <CsrfField token={chrome.csrfToken} />
            {form.fields.map((field) =>
              field.options ? (
                <Select
                  name={field.name}
                  label={field.label}
                  options={field.options}
                  value={form.values[field.name]}
                  error={form.errors[field.name]}
                  hint={field.hint}
                />
              ) : field.multiline ? (
                <TextArea
                  name={field.name}
                  label={field.label}
                  value={form.values[field.name]}
                  error={form.errors[field.name]}
                  hint={field.hint}
                  maxlength={field.maxlength}
                  rows={4}
                />
              ) : (
                <Field
                  name={field.name}
                  label={field.label}
                  value={form.values[field.name]}
                  error={form.errors[field.name]}
                  hint={field.hint}
                  maxlength={field.maxlength}
                  required={field.required}
                  requiredLabel={chrome.words.text('chrome.required')}
                />
              ),
            )}
            <button type="submit" class="button button--primary">
              {form.submitLabel}
            </button>
          </form>
          {form.deleteAction ? (
            <form method="post" action={form.deleteAction} class="inline-form catalog-delete">
              <CsrfField token={chrome.csrfToken} />
              <button type="submit" class="button button--danger">
                {chrome.words.text('catalog.delete')}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
      <AdminTable columns={data.columns}>
        {data.rows.map((row) => (
          <tr>
            {row.cells.map((cell, index) =>
              index === 0 ? (
                <td>
                  <a href={row.editUrl}>{cell}</a>
                </td>
              ) : (
                <td>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </AdminTable>
    </AdminDocument>,
  );
}
