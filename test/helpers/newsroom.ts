import { acceptInvitation, createOwner, inviteMember, issueSetupTokenIfNoUsers, type Role, type User } from '../../src/accounts/index.ts';
import { FormClient } from './form-client.ts';
import type { TestGazette } from './test-app.ts';

export const testOwner = { name: 'Mina Park', email: 'mina@example.org', password: 'harbour lantern violet ninety' };
const meta = { ip: '127.0.0.1', userAgent: 'test' };

function deps(gazette: TestGazette) {
  return { db: gazette.database.db, clock: { now: () => new Date() } };
}

/** Creates the owner through the real setup path and returns a session token for a cookie. */
export async function signInTestOwner(gazette: TestGazette): Promise<string> {
  return (await createTestOwner(gazette)).sessionToken;
}

export async function createTestOwner(gazette: TestGazette): Promise<{ user: User; sessionToken: string }> {
  const token = await issueSetupTokenIfNoUsers(deps(gazette));
  if (!token) throw new Error('the test newsroom already has an account');
  return createOwner(deps(gazette), token, { ...testOwner, passwordAgain: testOwner.password }, meta);
}

/** Adds a member with `role` through a real invitation, signed in. */
export async function addTestMember(gazette: TestGazette, inviter: User, role: Role, name: string): Promise<{ user: User; sessionToken: string }> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`;
  const { token } = await inviteMember(deps(gazette), inviter, { email, role }, meta);
  const password = `${name} lantern harbour violet`;
  return acceptInvitation(deps(gazette), token, { name, password, passwordAgain: password }, meta);
}

/** The owner and the members `signInTestStaff` added, each with a session of their own. */
export interface TestStaff {
  browserAs(role: Role): Promise<FormClient>;
}

/**
 * Creates the owner and, through real invitations, one member for each of `roles`, named "<namePrefix> <role>".
 * With `firstPage`, each browser opens it before it is handed out, and so holds a CSRF token for its first form.
 */
export async function signInTestStaff(
  gazette: TestGazette,
  roles: readonly Exclude<Role, 'owner'>[],
  options: { readonly namePrefix: string; readonly firstPage?: string },
): Promise<TestStaff> {
  const owner = await createTestOwner(gazette);
  const sessionTokens = new Map<Role, string>([['owner', owner.sessionToken]]);
  for (const role of roles) sessionTokens.set(role, (await addTestMember(gazette, owner.user, role, `${options.namePrefix} ${role}`)).sessionToken);
  return {
    async browserAs(role) {
      const sessionToken = sessionTokens.get(role);
      if (!sessionToken) throw new Error(`no ${role} was signed in`);
      const browser = new FormClient(gazette.app);
      browser.setCookie('gazette_session', sessionToken);
      if (options.firstPage) await browser.get(options.firstPage);
      return browser;
    },
  };
}
