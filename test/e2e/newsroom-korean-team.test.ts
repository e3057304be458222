import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { issueSetupTokenIfNoUsers, type User } from '../../src/accounts/index.ts';
import { FormClient } from '../helpers/form-client.ts';
import { addTestMember, createTestOwner, testOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';
import { codeAt, wrongCodesAt } from '../helpers/two-step.ts';

// The newsroom's sign-in, one-time links, team, account and audit pages speak the site's language:
// Korean on a Korean site, with the English of an English site unchanged, the accounts service's own
// refusals (a wrong password, say) included.

/** The link in the last email sent, from the newsroom's address on. */
function linkInLastMail(gazette: TestGazette): string {
  const link = /https:\/\/news\.example(\/admin\/[^\s]+)/.exec(gazette.sentMail.at(-1)!.text)?.[1];
  assert.ok(link, 'the last email holds no newsroom link');
  return link;
}

describe('a Korean newsroom', () => {
  let gazette: TestGazette;
  let siteName: string;
  let owner: { user: User; sessionToken: string };
  let editorSession: string;
  let setupToken: string;
  const editor = { name: 'Test editor', email: 'test.editor@example.org', password: 'Test editor lantern harbour violet' };

  before(async () => {
    gazette = await buildTestApp();
    await gazette.settings.update({ language: 'ko', timeZone: 'Asia/Seoul' });
    siteName = gazette.settings.current().name;
    setupToken = (await issueSetupTokenIfNoUsers({ db: gazette.database.db, clock: { now: () => testNow } }))!;
  });
  after(() => gazette.close());

  async function ownerBrowser(firstPage: string): Promise<FormClient> {
    const browser = new FormClient(gazette.app);
    browser.setCookie('gazette_session', owner.sessionToken);
    await browser.get(firstPage);
    return browser;
  }

  test('first-run setup, before anyone has an account', async () => {
    const setup = await gazette.app.inject({ url: `/admin/setup?token=${setupToken}` });
    assert.equal(setup.statusCode, 200);
    assert.match(setup.body, /<html lang="ko">/);
    assert.match(setup.body, /<title>소유자 계정 만들기 \| [^<]+ 뉴스룸<\/title>/);
    assert.match(setup.body, /<h1>Gazette에 오신 것을 환영합니다<\/h1>/);
    assert.match(setup.body, /<label for="field-passwordAgain">비밀번호 확인/);
    assert.match(setup.body, /12자 이상 입력하세요\./);
    assert.match(setup.body, />\s*계정 만들고 로그인\s*</);
    assert.doesNotMatch(setup.body, /Welcome to Gazette|Your name|Password again|At least 12 characters|Create account/);
    owner = await createTestOwner(gazette);
    editorSession = (await addTestMember(gazette, owner.user, 'editor', editor.name)).sessionToken;
  });

  test('the sign-in page, and a wrong password refused on it', async () => {
    const browser = new FormClient(gazette.app);
    const page = await browser.get('/admin/login');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html lang="ko">/);
    assert.match(page.body, /<title>로그인 \| /);
    assert.match(page.body, /<h1>뉴스룸 로그인<\/h1>/);
    assert.match(page.body, /<label for="field-email">이메일 주소/);
    assert.match(page.body, /<label for="field-password">비밀번호/);
    assert.match(page.body, /<a href="\/admin\/reset">비밀번호를 잊으셨나요\?<\/a>/);
    assert.doesNotMatch(page.body, /Sign in|Email address|Forgot your password/);
    assert.match(page.body, /<span class="field__required"> \(필수\)<\/span>/, 'a required field is marked in Korean');
    assert.doesNotMatch(page.body, /\(required\)/);

    const refused = await browser.post('/admin/login', { email: testOwner.email, password: 'not the password at all' });
    assert.equal(refused.statusCode, 401);
    assert.match(refused.body, /<h1>뉴스룸 로그인<\/h1>/);
    assert.match(refused.body, /role="alert">\s*이메일 주소나 비밀번호가 맞지 않습니다\./, 'the service’s refusal, in Korean');
    assert.doesNotMatch(refused.body, /The email address or password is not right/);
    assert.match(refused.body, /value="mina@example\.org"/);
  });

  test('a password reset: asking for the link and choosing a new password', async () => {
    const stranger = new FormClient(gazette.app);
    const ask = await stranger.get('/admin/reset');
    assert.match(ask.body, /<h1>비밀번호 재설정<\/h1>/);
    assert.match(ask.body, /이메일 주소를 입력하면 새 비밀번호를 설정할 링크를 보내 드립니다\./);
    assert.match(ask.body, />\s*링크 보내기\s*</);
    const sent = await stranger.post('/admin/reset', { email: testOwner.email });
    assert.match(sent.body, /role="status">\s*이 주소를 쓰는 뉴스룸 계정이 있다면/);
    assert.doesNotMatch(ask.body + sent.body, /Reset your password|Send the link|a link to set a new password/);

    const choose = await stranger.get(linkInLastMail(gazette));
    assert.equal(choose.statusCode, 200);
    assert.match(choose.body, /<h1>새 비밀번호 설정<\/h1>/);
    assert.match(choose.body, /2단계 로그인을 켜 두었다면 이어서 앱의 코드를 입력해야 합니다\./);
    const tooShort = await stranger.post(linkInLastMail(gazette), { password: 'short', passwordAgain: 'short' });
    assert.equal(tooShort.statusCode, 422);
    assert.match(tooShort.body, /<h2 id="error-summary-title">입력 내용을 확인하세요<\/h2>/);
    assert.match(tooShort.body, /<p class="field__error" id="field-password-error">12자 이상으로 정하세요\. 서로 관계없는 단어 몇 개를 이으면/);
    const differ = await stranger.post(linkInLastMail(gazette), { password: 'violet lantern harbour ninety', passwordAgain: 'violet lantern harbour eighty' });
    assert.equal(differ.statusCode, 422);
    assert.match(differ.body, /<p class="field__error" id="field-passwordAgain-error">두 비밀번호가 서로 다릅니다\.<\/p>/);
    assert.doesNotMatch(tooShort.body + differ.body, /Use at least 12 characters|The two passwords are not the same/);
    assert.match(tooShort.body, />\s*비밀번호 설정하고 로그인\s*</);
    assert.doesNotMatch(choose.body + tooShort.body, /Choose a new password|Set password and sign in|There is a problem/);

    const spentLink = await stranger.get('/admin/reset/new?token=not-a-real-token');
    assert.equal(spentLink.statusCode, 404);
    assert.match(spentLink.body, /<p class="collection__intro">이 비밀번호 링크는 더 이상 쓸 수 없습니다\. 새 링크를 요청하세요\.<\/p>/);
    assert.doesNotMatch(spentLink.body, /This password link is not valid/);
  });

  test('too many wrong passwords: the wait is told in Korean', async () => {
    const browser = new FormClient(gazette.app);
    await browser.get('/admin/login');
    for (let n = 0; n < 5; n++)
      assert.equal((await browser.post('/admin/login', { email: 'stranger@example.org', password: `guess number ${n}` })).statusCode, 401);
    const throttled = await browser.post('/admin/login', { email: 'stranger@example.org', password: 'guess number 5' });
    assert.equal(throttled.statusCode, 429);
    assert.equal(throttled.headers['retry-after'], '1');
    assert.match(throttled.body, /role="alert">\s*로그인에 너무 여러 번 실패했습니다\. 1초 뒤에 다시 시도하세요\./);
    assert.doesNotMatch(throttled.body, /Too many failed attempts|1 second/);
  });

  test('the team page: members, roles, invitations and what each action says', async () => {
    const browser = await ownerBrowser('/admin/team');
    const invited = await browser.post('/admin/team/invite', { email: 'new.reporter@example.org', role: 'author' });
    assert.equal(invited.statusCode, 200);
    const page = invited.body;
    assert.match(page, /<html lang="ko">/);
    assert.match(page, /<title>팀 \| /);
    assert.match(page, /<h1>팀<\/h1>/);
    assert.match(page, /role="status">\s*<p>new\.reporter@example\.org 주소로 보냈습니다\.<\/p>/);
    for (const heading of ['이름', '이메일', '역할', '바이라인', '가입일', '비밀번호', '초대한 사람', '링크 만료 시각', '작업']) {
      assert.match(page, new RegExp(`<th scope="col">${heading}</th>`));
    }
    assert.match(page, /Mina Park<strong class="badge">본인<\/strong>/);
    assert.match(page, /<td>소유자: 다른 소유자 관리를 포함한 모든 권한<\/td>/, 'your own role, described');
    assert.match(page, /<label for="role-\d+" class="visually-hidden">Test editor 님의 역할<\/label>/);
    assert.match(page, /<option value="editor" selected="">편집자: 모든 기사 편집·발행, 댓글 관리<\/option>/);
    assert.match(page, />\s*역할 변경\s*</);
    assert.match(page, />\s*재설정 링크 보내기\s*</);
    assert.match(page, /<h2 id="invitations-heading">합류 대기 중<\/h2>/);
    assert.match(page, /<td>new\.reporter@example\.org<\/td><td>기자<\/td><td>Mina Park<\/td>/);
    assert.match(page, /<span class="visually-hidden">new\.reporter@example\.org 초대 <\/span>철회/);
    assert.match(page, /<h2 id="invite-heading">팀원 초대<\/h2>/);
    assert.match(page, />\s*초대 링크 만들기\s*</);
    assert.doesNotMatch(page, /Waiting to join|Invite someone|Change role|Send reset link|Withdraw|Owner: everything|Sent to|>Joined</);

    const joining = await new FormClient(gazette.app).get(linkInLastMail(gazette));
    assert.match(joining.body, /<title>뉴스룸 합류 \| /);
    assert.match(joining.body, new RegExp(`<h1>${siteName} 합류하기</h1>`));
    assert.match(joining.body, /<p>new\.reporter@example\.org 주소로 초대받았습니다\. 기자: 자기 기사 작성·편집·발행\.<\/p>/);
    assert.doesNotMatch(joining.body, /You are invited|Join /);

    const editorId = /action="\/admin\/team\/(\d+)\/role"/.exec(page)![1]!;
    const changed = await browser.post(`/admin/team/${editorId}/role`, { role: 'contributor' });
    assert.match(changed.body, /<p>Test editor 님의 역할이 기고자\(으\)로 바뀌었습니다\.<\/p>/);
    const withdrawn = await browser.post('/admin/team/invitations/withdraw', {
      invitation: /name="invitation" value="([^"]+)"/.exec(changed.body)![1]!,
    });
    assert.match(withdrawn.body, /new\.reporter@example\.org 초대를 철회했습니다\./);
    const nobody = await browser.post('/admin/team/reset-link', { email: 'nobody@example.org' });
    assert.equal(nobody.statusCode, 404);
    assert.match(nobody.body, /role="alert">\s*<p>그 이메일 주소를 쓰는 팀원이 없습니다\.<\/p>/);
  });

  test('the team page’s refusals, from the accounts service, in Korean', async () => {
    const browser = await ownerBrowser('/admin/team');
    const invalid = await browser.post('/admin/team/invite', { email: 'not an address', role: 'chief' });
    assert.equal(invalid.statusCode, 422);
    assert.match(invalid.body, /<p class="field__error" id="field-email-error">name@example\.org 같은 형식의 이메일 주소를 입력하세요\.<\/p>/);
    assert.match(invalid.body, /<p class="field__error">목록에 있는 역할 중 하나를 고르세요\.<\/p>/);
    const taken = await browser.post('/admin/team/invite', { email: editor.email, role: 'author' });
    assert.equal(taken.statusCode, 422);
    assert.match(taken.body, /<p class="field__error" id="field-email-error">이 이메일 주소를 이미 쓰는 팀원이 있습니다\.<\/p>/);
    assert.doesNotMatch(invalid.body + taken.body, /Enter an email address|Choose one of the roles|already uses this email/);

    const gone = await browser.post('/admin/team/invitations/withdraw', { invitation: 'no-such-invitation' });
    assert.equal(gone.statusCode, 404);
    assert.match(gone.body, /role="alert">\s*<p>그 초대는 이미 사용되었거나 철회되었거나 만료되었습니다\.<\/p>/);
    const ownLink = await browser.post('/admin/team/reset-link', { email: testOwner.email });
    assert.equal(ownLink.statusCode, 403);
    assert.match(ownLink.body, /role="alert">\s*<p>재설정 링크는 나보다 낮은 역할의 팀원에게만 만들어 줄 수 있습니다\./);
    const ownRole = await browser.post(`/admin/team/${owner.user.id}/role`, { role: 'editor' });
    assert.equal(ownRole.statusCode, 403);
    assert.match(ownRole.body, /<p class="collection__intro">자기 역할은 직접 바꿀 수 없습니다\. 다른 소유자나 관리자에게 요청하세요\.<\/p>/);
    assert.doesNotMatch(gone.body + ownLink.body + ownRole.body, /invitation was already used|reset links only|cannot change your own role/);

    const editorBrowser = new FormClient(gazette.app);
    editorBrowser.setCookie('gazette_session', editorSession);
    const team = await editorBrowser.get('/admin/team');
    assert.equal(team.statusCode, 403);
    assert.match(team.body, /<p class="collection__intro">내 역할로는 팀을 관리할 수 없습니다\.<\/p>/);
    const audit = await editorBrowser.get('/admin/audit');
    assert.equal(audit.statusCode, 403);
    assert.match(audit.body, /<p class="collection__intro">내 역할로는 감사 기록을 볼 수 없습니다\.<\/p>/);
    const signedOut = await gazette.app.inject({ method: 'POST', url: '/admin/team/invite', payload: {} });
    assert.equal(signedOut.statusCode, 401);
    assert.match(signedOut.body, /<p class="collection__intro">먼저 뉴스룸에 로그인하세요\.<\/p>/);
    assert.doesNotMatch(team.body + audit.body + signedOut.body, /Your role cannot|Sign in to the newsroom first/);

    const spentInvitation = await gazette.app.inject({ url: '/admin/invite?token=not-a-real-token' });
    assert.equal(spentInvitation.statusCode, 404);
    assert.match(spentInvitation.body, /<p class="collection__intro">이 초대 링크는 더 이상 쓸 수 없습니다\. 새 링크를 요청하세요\.<\/p>/);
  });

  test('the account page: facts, byline, two-step sign-in and sessions', async () => {
    const browser = await ownerBrowser('/admin/account');
    const page = (await browser.get('/admin/account')).body;
    assert.match(page, /<title>내 계정 \| /);
    assert.match(page, /<h1>내 계정<\/h1>/);
    assert.match(page, /<dt>이름<\/dt><dd>Mina Park<\/dd><dt>이메일<\/dt><dd>mina@example\.org<\/dd><dt>역할<\/dt><dd>소유자<\/dd>/);
    assert.match(page, /<h2 id="byline-heading">내 바이라인<\/h2>/);
    assert.match(page, /<label for="field-author">필자 프로필<\/label>/);
    assert.match(page, /다른 사람이 이미 쓰고 있는 프로필은 목록에 없습니다\./);
    assert.match(page, /<option value="" selected="">— 없음 —<\/option>/);
    assert.match(page, />\s*바이라인 저장\s*</);
    assert.match(page, />\s*내 이름\(Mina Park\)으로 바이라인 만들기\s*</);
    assert.match(page, /<h2 id="two-step-heading">2단계 로그인<\/h2>/);
    assert.match(page, /<p>꺼짐\. 비밀번호를 도난당해도 다른 사람이 들어올 수 없도록 <a href="\/admin\/account\/two-step">2단계 로그인을 켜세요<\/a>\.<\/p>/);
    assert.match(page, /<h2>로그인한 곳<\/h2>/);
    assert.match(page, /<th scope="col">마지막 접속<\/th>/);
    assert.match(page, /<strong class="badge">현재 브라우저<\/strong>/);
    assert.doesNotMatch(page, /Your account|Your byline|Author profile|None|Two-step sign-in|Where you are signed in|This browser|>owner</);

    const created = await browser.post('/admin/account/byline/new', {});
    assert.match(created.body, /role="status">\s*바이라인 Mina Park을\(를\) 만들었습니다\./);
    const unlinked = await browser.post('/admin/account/byline', { author: '' });
    assert.match(unlinked.body, /이제 바이라인이 없습니다\./);
    const refused = await browser.post('/admin/account/byline', { author: 'not a number' });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /role="alert">\s*목록에서 바이라인을 고르세요\./);

    const setup = await browser.get('/admin/account/two-step');
    assert.match(setup.body, /<h1>2단계 로그인 켜기<\/h1>/);
    assert.match(setup.body, /<li>또는 앱에 이 키를 직접 입력하세요: <code class="copy-link">[A-Z2-7 ]+<\/code><\/li>/);
    assert.match(setup.body, /alt="아래 키가 담긴 QR 코드"/);
    assert.match(setup.body, /<label for="field-code">인증 앱의 6자리 코드/);
    assert.doesNotMatch(setup.body, /Scan this code|Or type this key|Turn on/);
    const secret = /name="secret" value="([A-Z2-7]{32})"/.exec(setup.body)![1]!;
    const wrong = await browser.post('/admin/account/two-step', { secret, code: wrongCodesAt(secret, testNow, 1)[0]! });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /<p class="field__error" id="field-code-error">코드가 맞지 않습니다\. 인증 앱에 지금 표시된 6자리 숫자를 입력하세요\.<\/p>/);
    assert.doesNotMatch(wrong.body, /That code is not right/);
    const on = await browser.post('/admin/account/two-step', { secret, code: codeAt(secret, testNow) });
    assert.match(on.body, /2단계 로그인을 켰습니다\. 다음에 로그인할 때는 인증 앱을 준비하세요\./);
    assert.match(on.body, /<p>켜짐: 로그인할 때 인증 앱의 코드를 입력해야 합니다\.<\/p>/);
    assert.match(on.body, /<label for="field-code">끄려면 앱의 코드를 입력하세요<\/label>/);
    assert.match(on.body, />\s*2단계 로그인 끄기\s*</);

    const signingIn = new FormClient(gazette.app);
    await signingIn.get('/admin/login');
    const password = await signingIn.post('/admin/login', { email: testOwner.email, password: testOwner.password });
    assert.equal(password.headers.location, '/admin/login/code?next=%2Fadmin');
    const code = await signingIn.get('/admin/login/code');
    assert.match(code.body, /<title>인증 코드 입력 \| /);
    assert.match(code.body, /<h1>2단계 로그인<\/h1>/);
    assert.match(code.body, /<p>인증 앱을 열고 이 뉴스룸에 표시된 코드를 입력하세요\.<\/p>/);
    assert.doesNotMatch(code.body, /Enter your code|authenticator app|Sign in/);
    const used = await signingIn.post('/admin/login/code', { code: codeAt(secret, testNow) });
    assert.equal(used.statusCode, 401);
    assert.match(used.body, /<p class="field__error" id="field-code-error">이미 사용한 코드입니다\. 인증 앱에 다음 코드가 나타날 때까지 기다리세요\.<\/p>/);
    assert.doesNotMatch(used.body, /already been used/);

    const notOff = await browser.post('/admin/account/two-step/off', { code: '12' });
    assert.equal(notOff.statusCode, 422);
    assert.match(notOff.body, /<p class="field__error" id="field-code-error">코드가 맞지 않습니다\./);
    assert.match(notOff.body, /<p>켜짐: 로그인할 때 인증 앱의 코드를 입력해야 합니다\.<\/p>/, 'two-step sign-in is still on');
  });

  test('the audit log', async () => {
    const browser = await ownerBrowser('/admin/audit');
    const page = (await browser.get('/admin/audit')).body;
    assert.match(page, /<title>감사 기록 \| /);
    assert.match(page, /<h1>감사 기록<\/h1>/);
    assert.match(page, /<p class="admin-lede">로그인, 계정 변경, 발행 기록을 최신순으로 보여 줍니다\.<\/p>/);
    for (const heading of ['시각', '사용자', '작업', '대상', '접속 IP']) assert.match(page, new RegExp(`<th scope="col">${heading}</th>`));
    assert.match(page, /<td>account\.byline-created<\/td>/, 'actions keep the names they were recorded under');
    assert.doesNotMatch(page, /Audit log|newest first|Concerning/);
  });
});

describe('an English newsroom, as it always read', () => {
  let gazette: TestGazette;
  let owner: { user: User; sessionToken: string };
  before(async () => {
    gazette = await buildTestApp();
    owner = await createTestOwner(gazette);
  });
  after(() => gazette.close());

  test('the team and account pages keep their English, word for word', async () => {
    const browser = new FormClient(gazette.app);
    browser.setCookie('gazette_session', owner.sessionToken);
    await browser.get('/admin/team');
    const team = (await browser.post('/admin/team/invite', { email: 'new.reporter@example.org', role: 'author' })).body;
    assert.match(team, /<html lang="en-GB">/);
    assert.match(team, /<p>Sent to new\.reporter@example\.org\.<\/p>/);
    assert.match(team, /<td>Owner: everything, including other owners<\/td>/);
    assert.match(team, /<td>new\.reporter@example\.org<\/td><td>author<\/td><td>Mina Park<\/td>/);
    assert.match(team, /Withdraw<span class="visually-hidden"> the invitation for new\.reporter@example\.org<\/span>/);
    assert.match(team, /<h2 id="invitations-heading">Waiting to join<\/h2>/);

    const account = (await browser.get('/admin/account')).body;
    assert.match(account, /<dt>Role<\/dt><dd>owner<\/dd>/);
    assert.match(account, /<p>Off\. <a href="\/admin\/account\/two-step">Turn on two-step sign-in<\/a> so a stolen password is not enough to get in\.<\/p>/);
    assert.match(account, /<td>Unknown browser on unknown system<strong class="badge">This browser<\/strong><\/td>/);
    const setup = (await new FormClient(gazette.app).get('/admin/login')).body;
    assert.match(setup, /<title>Sign in \| [^<]+ newsroom<\/title>/);
  });
});
