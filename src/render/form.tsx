/** Form pieces shared by the newsroom and the reader site: labelled, described, and keeping what was typed. */

export interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly type?: 'text' | 'email' | 'password' | 'url' | 'search' | 'date' | 'datetime-local';
  readonly value?: string;
  /** The earliest value a date-time picker offers. */
  readonly min?: string;
  /** The message for this field after a failed submit. */
  readonly error?: string;
  readonly hint?: string;
  readonly required?: boolean;
  /** The word after a required field's label, in the page's language; "required" by default. */
  readonly requiredLabel?: string;
  /** "auto" for text whose direction may differ from the page's (an English headline in an Arabic newsroom). */
  readonly dir?: 'auto';
  readonly autocomplete?: string;
  readonly maxlength?: number;
  readonly minlength?: number;
  readonly autofocus?: boolean;
}

/** The parts every control shares: wrapper, label, hint and error, with their ids for aria-describedby. */
function FieldFrame(props: {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  requiredLabel?: string | undefined;
  children: (ids: { id: string; describedBy: string | undefined }) => unknown;
}) {
  const id = `field-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'field field--invalid' : 'field'}>
      <label for={id}>
        {props.label}
        {props.required ? <span class="field__required"> ({props.requiredLabel ?? 'required'})</span> : null}
      </label>
      {props.hint ? (
        <p class="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field__error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      {props.children({ id, describedBy })}
    </div>
  );
}

export function Field(props: FieldProps) {
  return (
    <FieldFrame name={props.name} label={props.label} hint={props.hint} error={props.error} required={props.required} requiredLabel={props.requiredLabel}>
      {({ id, describedBy }) => (
        <input
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.type === 'password' ? undefined : props.value}
          required={props.required}
          autocomplete={props.autocomplete}
          maxlength={props.maxlength}
          minlength={props.minlength}
          min={props.min}
          dir={props.dir}
          autofocus={props.autofocus}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldFrame>
  );
}

/** Summary at the top of a failed form, linking to each field, as GOV.UK's pattern does. The title is the page's words; the newsroom's are English. */
export function ErrorSummary({
  errors,
  labels,
  idPrefix = 'field-',
  title = 'There is a problem',
}: {
  errors: Readonly<Record<string, string>>;
  labels: Readonly<Record<string, string>>;
  idPrefix?: string;
  title?: string;
}) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>{labels[field] ? <a href={`#${idPrefix}${field}`}>{message}</a> : message}</li>
        ))}
      </ul>
    </div>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function TextArea(props: Omit<FieldProps, 'type' | 'autocomplete'> & { readonly rows?: number }) {
  return (
    <FieldFrame name={props.name} label={props.label} hint={props.hint} error={props.error} required={props.required} requiredLabel={props.requiredLabel}>
      {({ id, describedBy }) => (
        <textarea
          id={id}
          name={props.name}
          rows={props.rows ?? 3}
          required={props.required}
          maxlength={props.maxlength}
          dir={props.dir}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy}
        >
          {props.value ?? ''}
        </textarea>
      )}
    </FieldFrame>
  );
}

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export function Select(props: {
  name: string;
  label: string;
  options: readonly SelectOption[];
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  return (
    <FieldFrame name={props.name} label={props.label} hint={props.hint} error={props.error}>
      {({ id, describedBy }) => (
        <select id={id} name={props.name} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy}>
          {props.options.map((option) => (
            <option value={option.value} selected={option.value === (props.value ?? '')}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/**
 * What the last submit did: a success notice (announced politely) and a problem (announced at once).
 * Either may be absent; nothing is rendered for an absent one.
 */
export function FormOutcome({ notice, problem }: { readonly notice?: string | undefined; readonly problem?: string | undefined }) {
  return (
    <>
      {notice ? (
        <p class="form-message form-message--ok" role="status">
          {notice}
        </p>
      ) : null}
      {problem ? (
        <p class="form-message" role="alert">
          {problem}
        </p>
      ) : null}
    </>
  );
}
