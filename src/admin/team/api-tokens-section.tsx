import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { CsrfField, ErrorSummary, Field, FormOutcome } from '../../render/form.tsx';
import { AdminTable } from '../admin-table.tsx';
import { type FormState, problemTitle } from './sign-in-pages.tsx';

/** A token as the account page lists it: dates already in the newsroom's words. */
export interface ApiTokenRow {
  readonly id: number;
  readonly name: string;
  readonly ownerName: string;
  readonly createdLabel: string;
  /** Null when never used. */
  readonly lastUsedLabel: string | null;
  /** Null when it never expires. */
  readonly expiresLabel: string | null;
  readonly expired: boolean;
}

export interface ApiTokensSection {
  readonly mine: readonly ApiTokenRow[];
  /** Everyone's tokens, for an owner, who may revoke any; absent for everyone else. */
  readonly everyone?: readonly ApiTokenRow[];
  /** The create form: what was typed and what was wrong with it. */
  readonly form: FormState;
  /** Just made: its secret, shown this once (this page is the answer to the POST, never a redirect). */
  readonly created?: { readonly name: string; readonly secret: string };
  /** What happened to a token (revoked), or why a revoke was refused. */
  readonly notice?: string;
  readonly problem?: string;
  /** The newsroom's time zone, which an expiry day is read in, and today there ("2026-11-27"), the earliest expiry. */
  readonly timeZone: string;
  readonly today: string;
  readonly nameMaxLength: number;
}

const visuallyHidden = (chunks: unknown) => <span class="visually-hidden">{chunks}</span>;

function TokenTable(props: { tokens: readonly ApiTokenRow[]; showOwner: boolean; csrfToken: string; words: Translator<NewsroomKey> }) {
  const { words } = props;
  const columns: NewsroomKey[] = [
    'tokens.nameColumn',
    ...(props.showOwner ? (['tokens.ownerColumn'] as const) : []),
    'tokens.createdColumn',
    'tokens.lastUsedColumn',
    'tokens.expiresColumn',
    'tokens.actionColumn',
  ];
  return (
    <AdminTable columns={columns.map((column) => words.text(column))}>
      {props.tokens.map((token) => (
        <tr>
          <td>{token.name}</td>
          {props.showOwner ? <td data-label={words.text('tokens.ownerColumn')}>{token.ownerName}</td> : null}
          <td data-label={words.text('tokens.createdColumn')}>{token.createdLabel}</td>
          <td data-label={words.text('tokens.lastUsedColumn')}>{token.lastUsedLabel ?? words.text('tokens.neverUsed')}</td>
          <td data-label={words.text('tokens.expiresColumn')}>
            {token.expiresLabel ?? words.text('tokens.noExpiry')}
            {token.expired ? <strong class="badge badge--warning">{words.text('tokens.expiredBadge')}</strong> : null}
          </td>
          <td>
            <form method="post" action={`/admin/account/tokens/${token.id}/revoke`} class="inline-form">
              <CsrfField token={props.csrfToken} />
              <button type="submit" class="button button--danger">
                {words.rich('tokens.revokeButton', { name: token.name, hidden: visuallyHidden })}
              </button>
            </form>
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}

/** The account page's "API tokens": the create form, a new token shown once, one's own tokens, and for an owner everyone's. */
export function ApiTokens({ data, csrfToken, words }: { data: ApiTokensSection; csrfToken: string; words: Translator<NewsroomKey> }) {
  const labels = { name: words.text('tokens.nameLabel'), expiresAt: words.text('tokens.expiresLabel') };
  return (
    <>
      <h2 id="api-tokens-heading">{words.text('tokens.heading')}</h2>
      <p>{words.text('tokens.intro')}</p>
      <FormOutcome notice={data.notice} problem={data.problem} />
      {data.created ? (
        <div class="form-message form-message--ok" role="status">
          <p>{words.text('tokens.created', { name: data.created.name })}</p>
          <p>{words.text('tokens.secretLabel')}</p>
          <p>
            <code class="copy-link">{data.created.secret}</code>
          </p>
        </div>
      ) : null}
      <ErrorSummary errors={data.form.errors} labels={labels} title={problemTitle(words)} />
      <form method="post" action="/admin/account/tokens" class="admin-form admin-form--row" aria-labelledby="api-tokens-heading" novalidate>
        <CsrfField token={csrfToken} />
        <Field
          name="name"
          label={labels.name}
          hint={words.text('tokens.nameHint')}
          value={data.form.values.name}
          error={data.form.errors.name}
          required
          requiredLabel={words.text('chrome.required')}
          maxlength={data.nameMaxLength}
          autocomplete="off"
        />
        <Field
          name="expiresAt"
          type="date"
          label={labels.expiresAt}
          hint={words.text('tokens.expiresHint', { timeZone: data.timeZone })}
          value={data.form.values.expiresAt}
          error={data.form.errors.expiresAt}
          min={data.today}
        />
        <button type="submit" class="button button--primary">
          {words.text('tokens.createButton')}
        </button>
      </form>
      <h3>{words.text('tokens.yoursHeading')}</h3>
      {data.mine.length > 0 ? <TokenTable tokens={data.mine} showOwner={false} csrfToken={csrfToken} words={words} /> : <p>{words.text('tokens.noneYet')}</p>}
      {data.everyone ? (
        <>
          <h3>{words.text('tokens.everyoneHeading')}</h3>
          <p>{words.text('tokens.everyoneIntro')}</p>
          {data.everyone.length > 0 ? <TokenTable tokens={data.everyone} showOwner={true} csrfToken={csrfToken} words={words} /> : null}
        </>
      ) : null}
    </>
  );
}
