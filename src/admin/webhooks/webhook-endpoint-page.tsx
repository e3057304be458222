import { sentenceIn } from '../../errors.ts';
import { CsrfField, ErrorSummary, FormOutcome } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import type { WebhookDelivery } from '../../webhooks/index.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { AdminTable } from '../admin-table.tsx';
import { DescriptionField, EventChoices, type WebhookFormState, webhookFormLabels } from './webhook-form.tsx';
import { EndpointState, type ListedEndpoint } from './webhook-list-page.tsx';

/** A delivery as the table shows it, its times already in the newsroom's words. */
export type ListedDelivery = WebhookDelivery & {
  /** The last attempt's time, or when it was recorded if none has been made. */
  readonly timeLabel: string;
  readonly nextAttemptLabel: string | null;
};

export interface WebhookEndpointData {
  readonly endpoint: ListedEndpoint & { readonly previousSecretLabel: string | null };
  readonly deliveries: readonly ListedDelivery[];
  readonly form: WebhookFormState;
  readonly notice?: string | undefined;
  /** Why the last action was refused, when it was. */
  readonly problem?: string | undefined;
}

type Words = AdminChrome['words'];
const hidden = (chunks: unknown) => <span class="visually-hidden">{chunks}</span>;

function DeliveryState({ words, delivery }: { words: Words; delivery: ListedDelivery }) {
  if (delivery.status === 'delivered') return <span class="status--published">{words.text('webhooks.deliveryDelivered')}</span>;
  if (delivery.status === 'failed') return <strong class="status--review">{words.text('webhooks.deliveryFailed')}</strong>;
  if (delivery.attempts > 0) return <span class="status--scheduled">{words.text('webhooks.deliveryRetrying', { attempts: delivery.attempts })}</span>;
  return <span class="status--draft">{words.text('webhooks.deliveryPending')}</span>;
}

function Deliveries({ chrome, data }: { chrome: AdminChrome; data: WebhookEndpointData }) {
  const words = chrome.words;
  const columns = [
    'webhooks.eventColumn',
    'webhooks.deliveryStateColumn',
    'webhooks.timeColumn',
    'webhooks.responseColumn',
    'webhooks.nextRetryColumn',
    'webhooks.actionColumn',
  ] as const;
  if (data.deliveries.length === 0) return <p>{words.text('webhooks.noDeliveries')}</p>;
  return (
    <AdminTable columns={columns.map((column) => words.text(column))}>
      {data.deliveries.map((delivery) => (
        <tr id={`delivery-${delivery.id}`}>
          <td>
            <code>{delivery.eventType}</code>
            <span class="status-when" dir="ltr">
              {delivery.eventId}
            </span>
          </td>
          <td>
            <DeliveryState words={words} delivery={delivery} />
            {delivery.problem && delivery.status !== 'delivered' ? <span class="status-when">{sentenceIn(delivery.problem, words)}</span> : null}
          </td>
          <td data-label={words.text('webhooks.timeColumn')}>{delivery.timeLabel}</td>
          <td data-label={words.text('webhooks.responseColumn')}>{delivery.responseStatus === null ? '—' : String(delivery.responseStatus)}</td>
          <td data-label={words.text('webhooks.nextRetryColumn')}>{delivery.nextAttemptLabel ?? '—'}</td>
          <td>
            {data.endpoint.disabledAt ? null : (
              <form method="post" action={`/admin/webhooks/${data.endpoint.id}/deliveries/${delivery.id}/resend`} class="inline-form">
                <CsrfField token={chrome.csrfToken} />
                <button type="submit" class="button">
                  {words.rich('webhooks.resendButton', { event: delivery.eventId, hidden })}
                </button>
              </form>
            )}
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}

/** /admin/webhooks/:id: the endpoint's state, its events and description, its secret, and its latest deliveries. */
export function renderWebhookEndpointPage(chrome: AdminChrome, data: WebhookEndpointData): string {
  const words = chrome.words;
  const { endpoint } = data;
  const base = `/admin/webhooks/${endpoint.id}`;
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('webhooks.endpointTitle')}>
      <p>
        <a href="/admin/webhooks">{words.text('webhooks.backToList')}</a>
      </p>
      <h1>{words.text('webhooks.endpointTitle')}</h1>
      <p class="admin-lede">
        <code dir="ltr">{endpoint.url}</code> <EndpointState words={words} endpoint={endpoint} />
      </p>
      <FormOutcome notice={data.notice} problem={data.problem} />
      {endpoint.disabledAt ? (
        <div class="form-message" role="alert">
          <p>{words.text('webhooks.disabledExplained', { since: endpoint.sinceLabel })}</p>
          <form method="post" action={`${base}/enable`}>
            <CsrfField token={chrome.csrfToken} />
            <button type="submit" class="button button--primary">
              {words.text('webhooks.enableButton')}
            </button>
          </form>
        </div>
      ) : endpoint.failingSince ? (
        <p class="form-message">{words.text('webhooks.failingExplained', { since: endpoint.sinceLabel })}</p>
      ) : null}

      <h2 id="deliveries-heading">{words.text('webhooks.deliveriesHeading')}</h2>
      <Deliveries chrome={chrome} data={data} />

      <h2 id="edit-heading">{words.text('webhooks.editHeading')}</h2>
      <ErrorSummary errors={data.form.errors} labels={webhookFormLabels(words)} title={words.text('webhooks.problemTitle')} />
      <form method="post" action={base} class="admin-form editor" aria-labelledby="edit-heading" novalidate>
        <CsrfField token={chrome.csrfToken} />
        <EventChoices words={words} form={data.form} />
        <DescriptionField words={words} form={data.form} />
        <div class="editor-actions">
          <button type="submit" class="button button--primary">
            {words.text('webhooks.saveButton')}
          </button>
        </div>
      </form>

      <h2 id="secret-heading">{words.text('webhooks.secretHeading')}</h2>
      <p>{words.text('webhooks.rotateHint')}</p>
      {endpoint.previousSecretLabel ? <p>{words.text('webhooks.previousSecretUntil', { until: endpoint.previousSecretLabel })}</p> : null}
      <form method="post" action={`${base}/rotate`}>
        <CsrfField token={chrome.csrfToken} />
        <button type="submit" class="button">
          {words.text('webhooks.rotateButton')}
        </button>
      </form>

      <h2 id="delete-heading">{words.text('webhooks.deleteHeading')}</h2>
      <p>
        <a class="button button--danger" href={`${base}/delete`}>
          {words.text('webhooks.deleteLink')}
        </a>
      </p>
    </AdminDocument>,
  );
}
