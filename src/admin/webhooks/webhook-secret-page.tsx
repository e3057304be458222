import { CsrfField } from '../../render/form.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';

export interface WebhookSecretData {
  readonly endpointId: number;
  readonly url: string;
  readonly secret: string;
  /** After a rotation: until when the replaced secret keeps signing. Absent for a new endpoint. */
  readonly previousUntilLabel?: string;
}

/**
 * The secret, shown this once: after a registration or a rotation. It is in no address and no later
 * page, and the newsroom sends `Cache-Control: no-store`, so the browser's history keeps no copy.
 */
export function renderWebhookSecretPage(chrome: AdminChrome, data: WebhookSecretData): string {
  const words = chrome.words;
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('webhooks.secretTitle')}>
      <h1>{words.text('webhooks.secretTitle')}</h1>
      <div class="form-message form-message--ok" role="status">
        <p>
          {data.previousUntilLabel
            ? words.text('webhooks.secretRotated', { url: data.url, until: data.previousUntilLabel })
            : words.text('webhooks.secretRegistered', { url: data.url })}
        </p>
      </div>
      <p>
        <strong>{words.text('webhooks.secretOnce')}</strong>
      </p>
      <p>{words.text('webhooks.secretLabel')}</p>
      <p>
        <code class="copy-link" id="webhook-secret" dir="ltr">
          {data.secret}
        </code>
      </p>
      <p>{words.text('webhooks.secretVerifyHint')}</p>
      <p>
        <a class="button button--primary" href={`/admin/webhooks/${data.endpointId}`}>
          {words.text('webhooks.toEndpoint')}
        </a>
      </p>
    </AdminDocument>,
  );
}

/** The confirmation step before an endpoint is deleted. */
export function renderWebhookDeletePage(chrome: AdminChrome, data: { readonly endpointId: number; readonly url: string }): string {
  const words = chrome.words;
  const title = words.text('webhooks.deleteTitle', { url: data.url });
  return renderDocument(
    <AdminDocument chrome={chrome} title={title}>
      <h1>{title}</h1>
      <p class="admin-lede">{words.text('webhooks.deleteLede')}</p>
      <form method="post" action={`/admin/webhooks/${data.endpointId}/delete`} class="editor-actions">
        <CsrfField token={chrome.csrfToken} />
        <button type="submit" class="button button--danger">
          {words.text('webhooks.confirmDelete')}
        </button>
        <a class="button" href={`/admin/webhooks/${data.endpointId}`}>
          {words.text('webhooks.keep')}
        </a>
      </form>
    </AdminDocument>,
  );
}
