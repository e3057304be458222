import { CsrfField, ErrorSummary, Field, FormOutcome } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { maxWebhookUrlLength, type WebhookEndpoint } from '../../webhooks/index.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { AdminTable } from '../admin-table.tsx';
import { DescriptionField, EventChoices, type WebhookFormState, webhookFormLabels } from './webhook-form.tsx';

/** An endpoint as listed, with its dates already in the newsroom's words. */
export type ListedEndpoint = WebhookEndpoint & {
  /** When it was disabled, or since when it has been failing. */
  readonly sinceLabel: string;
};

export interface WebhookListData {
  readonly endpoints: readonly ListedEndpoint[];
  readonly form: WebhookFormState;
  readonly notice?: string | undefined;
}

type Words = AdminChrome['words'];

export function EndpointState({ words, endpoint }: { words: Words; endpoint: ListedEndpoint }) {
  if (endpoint.disabledAt) return <strong class="badge badge--warning">{words.text('webhooks.stateDisabled', { since: endpoint.sinceLabel })}</strong>;
  if (endpoint.failingSince) return <span class="badge badge--warning">{words.text('webhooks.stateFailing', { since: endpoint.sinceLabel })}</span>;
  return <span class="badge">{words.text('webhooks.stateActive')}</span>;
}

/** /admin/webhooks: the endpoints, a warning about any turned off, and the form to register one. */
export function renderWebhookListPage(chrome: AdminChrome, data: WebhookListData): string {
  const words = chrome.words;
  const disabled = data.endpoints.filter((endpoint) => endpoint.disabledAt).length;
  const columns = [words.text('webhooks.endpointColumn'), words.text('webhooks.eventsColumn'), words.text('webhooks.stateColumn')];
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('webhooks.title')}>
      <h1>{words.text('webhooks.title')}</h1>
      <p class="admin-lede">{words.text('webhooks.lede')}</p>
      <FormOutcome notice={data.notice} problem={disabled > 0 ? words.text('webhooks.disabledWarning', { count: disabled }) : undefined} />
      {data.endpoints.length === 0 ? (
        <p>{words.text('webhooks.noEndpoints')}</p>
      ) : (
        <AdminTable columns={columns}>
          {data.endpoints.map((endpoint) => (
            <tr>
              <td>
                <a href={`/admin/webhooks/${endpoint.id}`} dir="ltr">
                  {endpoint.url}
                </a>
                {endpoint.description ? <span class="status-when">{endpoint.description}</span> : null}
              </td>
              <td>
                {endpoint.events.map((type, index) => (
                  <>
                    {index > 0 ? ' ' : null}
                    <code>{type}</code>
                  </>
                ))}
              </td>
              <td>
                <EndpointState words={words} endpoint={endpoint} />
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      <h2 id="register-heading">{words.text('webhooks.registerHeading')}</h2>
      <ErrorSummary errors={data.form.errors} labels={webhookFormLabels(words)} title={words.text('webhooks.problemTitle')} />
      <form method="post" action="/admin/webhooks" class="admin-form editor" aria-labelledby="register-heading" novalidate>
        <CsrfField token={chrome.csrfToken} />
        <Field
          name="url"
          type="url"
          label={words.text('webhooks.labelUrl')}
          value={data.form.values.url}
          error={data.form.errors.url}
          hint={words.text('webhooks.urlHint')}
          required
          requiredLabel={words.text('chrome.required')}
          maxlength={maxWebhookUrlLength}
          autocomplete="off"
          dir="auto"
        />
        <EventChoices words={words} form={data.form} />
        <DescriptionField words={words} form={data.form} />
        <div class="editor-actions">
          <button type="submit" class="button button--primary">
            {words.text('webhooks.registerButton')}
          </button>
        </div>
      </form>
    </AdminDocument>,
  );
}
