import type { Role } from '../../accounts/index.ts';
import type { NewsroomKey, Translator } from '../../i18n/index.ts';
import { type AdminChrome, AdminDocument } from '../admin-document.tsx';
import { AdminTable } from '../admin-table.tsx';
import { ApiTokens, type ApiTokensSection } from './api-tokens-section.tsx';
import { renderDocument } from '../../render/safe-html.ts';
import { CsrfField, FormOutcome, Field, Select } from '../../render/form.tsx';
import { roleName } from './team-pages.tsx';

export interface SessionRow {
  readonly isCurrent: boolean;
  readonly device: string;
  readonly ip: string;
  readonly signedInLabel: string;
  readonly lastSeenLabel: string;
}

/** An author profile the person may write under: one nobody else holds, or their own. */
export interface BylineChoice {
  readonly id: number;
  readonly name: string;
  readonly slug: string;
}

export interface BylineSection {
  /** The profile linked to this account, if any; it is also among the choices. */
  readonly currentId: number | null;
  readonly choices: readonly BylineChoice[];
  /** Why the last change was refused, e.g. the profile belongs to someone else. */
  readonly problem?: string;
}

export interface AccountPageData {
  readonly name: string;
  readonly email: string;
  readonly role: Role;
  readonly sessions: readonly SessionRow[];
  readonly twoStepOn: boolean;
  readonly notice?: string;
  /** A message about the two-step form, e.g. a wrong code when turning it off. */
  readonly twoStepError?: string;
  readonly byline: BylineSection;
  readonly apiTokens: ApiTokensSection;
}

/** Two profiles may share a name; their addresses tell them apart. */
function choiceLabels(choices: readonly BylineChoice[]): { value: string; label: string }[] {
  const names = choices.map((choice) => choice.name);
  return choices.map((choice) => ({
    value: String(choice.id),
    label: names.indexOf(choice.name) === names.lastIndexOf(choice.name) ? choice.name : `${choice.name} (/author/${choice.slug})`,
  }));
}

function YourByline({ csrfToken, name, byline, words }: { csrfToken: string; name: string; byline: BylineSection; words: Translator<NewsroomKey> }) {
  return (
    <>
      <h2 id="byline-heading">{words.text('team.bylineHeading')}</h2>
      <p>{words.text('team.bylineIntro')}</p>
      <FormOutcome problem={byline.problem} />
      <form method="post" action="/admin/account/byline" class="admin-form admin-form--row" aria-labelledby="byline-heading" novalidate>
        <CsrfField token={csrfToken} />
        <Select
          name="author"
          label={words.text('team.authorProfileLabel')}
          hint={words.text('team.authorProfileHint')}
          options={[{ value: '', label: words.text('team.noByline') }, ...choiceLabels(byline.choices)]}
          value={byline.currentId === null ? '' : String(byline.currentId)}
        />
        <button type="submit" class="button">
          {words.text('team.saveBylineButton')}
        </button>
      </form>
      {byline.currentId === null ? (
        <form method="post" action="/admin/account/byline/new">
          <CsrfField token={csrfToken} />
          <button type="submit" class="button">
            {words.text('team.createBylineButton', { name })}
          </button>
        </form>
      ) : null}
    </>
  );
}

const sessionColumns = ['team.browserColumn', 'team.ipColumn', 'team.signedInColumn', 'team.lastSeenColumn'] as const;

export function renderAccountPage(chrome: AdminChrome, data: AccountPageData): string {
  const words = chrome.words;
  return renderDocument(
    <AdminDocument chrome={chrome} title={words.text('team.accountTitle')}>
      <h1>{words.text('team.accountTitle')}</h1>
      <FormOutcome notice={data.notice} />
      <dl class="admin-facts">
        <dt>{words.text('team.name')}</dt>
        <dd>{data.name}</dd>
        <dt>{words.text('team.email')}</dt>
        <dd>{data.email}</dd>
        <dt>{words.text('team.role')}</dt>
        <dd>{roleName(words, data.role)}</dd>
      </dl>
      <YourByline csrfToken={chrome.csrfToken} name={data.name} byline={data.byline} words={words} />
      <h2 id="two-step-heading">{words.text('team.twoStepHeading')}</h2>
      {data.twoStepOn ? (
        <form method="post" action="/admin/account/two-step/off" class="admin-form admin-form--row" aria-labelledby="two-step-heading" novalidate>
          <p>{words.text('team.twoStepOnIntro')}</p>
          <CsrfField token={chrome.csrfToken} />
          <Field name="code" label={words.text('team.turnOffCodeLabel')} error={data.twoStepError} autocomplete="one-time-code" maxlength={12} />
          <button type="submit" class="button">
            {words.text('team.turnOffButton')}
          </button>
        </form>
      ) : (
        <p>{words.rich('team.twoStepOff', { link: (chunks) => <a href="/admin/account/two-step">{chunks}</a> })}</p>
      )}
      <h2>{words.text('team.sessionsHeading')}</h2>
      <AdminTable columns={sessionColumns.map((column) => words.text(column))}>
        {data.sessions.map((session) => (
          <tr>
            <td>
              {session.device}
              {session.isCurrent ? <strong class="badge">{words.text('team.thisBrowserBadge')}</strong> : null}
            </td>
            <td data-label={words.text(sessionColumns[1])}>{session.ip}</td>
            <td data-label={words.text(sessionColumns[2])}>{session.signedInLabel}</td>
            <td data-label={words.text(sessionColumns[3])}>{session.lastSeenLabel}</td>
          </tr>
        ))}
      </AdminTable>
      {data.sessions.length > 1 ? (
        <form method="post" action="/admin/account/sign-out-others">
          <CsrfField token={chrome.csrfToken} />
          <button type="submit" class="button">
            {words.text('team.signOutOthersButton')}
          </button>
        </form>
      ) : null}
      <ApiTokens data={data.apiTokens} csrfToken={chrome.csrfToken} words={words} />
    </AdminDocument>,
  );
}
