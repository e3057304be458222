import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { Field } from '../../render/form.tsx';
import { maxWebhookDescriptionLength, type WebhookEventType, webhookEventTypes } from '../../webhooks/index.ts';

type Words = Translator<NewsroomKey>;

/** What the register and edit forms hold: what was typed, kept when the form comes back with problems. */
export interface WebhookFormState {
  readonly values: { readonly url: string; readonly description: string; readonly events: readonly string[] };
  readonly errors: Readonly<Record<string, string>>;
}

export const emptyWebhookForm: WebhookFormState = { values: { url: '', description: '', events: [] }, errors: {} };

const eventKeys = {
  'article.published': 'webhooks.event.articlePublished',
  'article.updated': 'webhooks.event.articleUpdated',
  'article.unpublished': 'webhooks.event.articleUnpublished',
  'article.trashed': 'webhooks.event.articleTrashed',
  'comment.created': 'webhooks.event.commentCreated',
  'comment.approved': 'webhooks.event.commentApproved',
  'media.created': 'webhooks.event.mediaCreated',
} as const satisfies Record<WebhookEventType, NewsroomKey>;

/** "An article is published", for an event's name. */
export function eventDescription(words: Words, type: WebhookEventType): string {
  return words.text(eventKeys[type]);
}

/** Each field's label, for the error summary's links. */
export function webhookFormLabels(words: Words): Record<string, string> {
  return { url: words.text('webhooks.labelUrl'), events: words.text('webhooks.labelEvents'), description: words.text('webhooks.labelDescription') };
}

/** The events as checkboxes, each with its name as receivers see it in `type` and what it means. */
export function EventChoices({ words, form }: { words: Words; form: WebhookFormState }) {
  const error = form.errors.events;
  return (
    <fieldset class="field-group" id="field-events" aria-describedby={error ? 'field-events-error' : 'field-events-hint'}>
      <legend>{words.text('webhooks.labelEvents')}</legend>
      <p class="field__hint" id="field-events-hint">
        {words.text('webhooks.eventsHint')}
      </p>
      {error ? (
        <p class="field__error" id="field-events-error">
          {error}
        </p>
      ) : null}
      {webhookEventTypes.map((type) => (
        <div>
          <input type="checkbox" name="events" value={type} id={`event-${type}`} checked={form.values.events.includes(type)} />{' '}
          <label for={`event-${type}`}>
            <code>{type}</code>: {eventDescription(words, type)}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function DescriptionField({ words, form }: { words: Words; form: WebhookFormState }) {
  return (
    <Field
      name="description"
      label={words.text('webhooks.labelDescription')}
      value={form.values.description}
      error={form.errors.description}
      hint={words.text('webhooks.descriptionHint')}
      maxlength={maxWebhookDescriptionLength}
    />
  );
}
