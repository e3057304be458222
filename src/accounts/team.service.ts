import { ConflictError, ForbiddenError, NotFoundError, phrase, ValidationError } from '../errors.ts';
import {
  consumeOneTimeToken,
  countOwners,
  deleteOneTimeToken,
  deleteOneTimeTokensOf,
  deleteSessionsOfUser,
  findOneTimeToken,
  findTotpSecret,
  findUserByEmail,
  findUserById,
  insertOneTimeToken,
  listAuditEntries,
  listPendingInvitations,
  listUsers,
  updatePasswordHash,
  updateUserRole,
  type AuditEntry,
  type PendingInvitation,
  type TeamMember,
  type User,
} from './accounts.queries.ts';
import type { AccountDeps, RequestMeta } from './account-deps.ts';
import { checkNewAccount, checkProfile, createAccountAndSignIn, normaliseEmail, type SecondStepNeeded } from './accounts.service.ts';
import { audit } from './audit.ts';
import { hashToken, newToken, type SignedIn, startSession } from './sessions.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { can, isRole, outranks, type Role } from './roles.ts';
import { beginSecondStep } from './two-step.service.ts';

const messages = {
  notAllowed: phrase('refusal.accounts.teamNotAllowed'),
  auditLogNotAllowed: phrase('refusal.accounts.auditLogNotAllowed'),
  onlyOwnersGrantOwner: phrase('refusal.accounts.onlyOwnersGrantOwner'),
  ownRole: phrase('refusal.accounts.ownRole'),
  roleOfEqual: phrase('refusal.accounts.roleOfEqual'),
  lastOwner: phrase('refusal.accounts.lastOwner'),
  roleInvalid: phrase('refusal.accounts.roleInvalid'),
  memberExists: phrase('refusal.accounts.memberExists'),
  invitationHasErrors: phrase('refusal.accounts.invitationHasErrors'),
  inviteInvalid: phrase('refusal.accounts.inviteInvalid'),
  invitationGone: phrase('refusal.accounts.invitationGone'),
  resetInvalid: phrase('refusal.accounts.resetInvalid'),
  noSuchMember: phrase('refusal.accounts.noSuchMember'),
  passwordsDiffer: phrase('refusal.accounts.passwordsDiffer'),
  resetNotAllowed: phrase('refusal.accounts.resetNotAllowed'),
};

const day = 24 * 60 * 60 * 1000;
const inviteLifetimeMs = 7 * day;
const resetLifetimeMs = 60 * 60 * 1000;

function requireTeamManager(actor: User): void {
  if (!can(actor, 'manage-users')) throw new ForbiddenError(messages.notAllowed);
}

export async function listTeam(deps: AccountDeps, actor: User): Promise<TeamMember[]> {
  requireTeamManager(actor);
  return listUsers(deps.db);
}

export async function listAuditLog(deps: AccountDeps, actor: User, page: number, perPage: number): Promise<AuditEntry[]> {
  if (!can(actor, 'view-audit-log')) throw new ForbiddenError(messages.auditLogNotAllowed);
  return listAuditEntries(deps.db, { limit: perPage, offset: (page - 1) * perPage });
}

/** A one-time link's raw token (returned once), and the stored address it goes to: never the address as typed. */
export interface OneTimeLink {
  readonly token: string;
  readonly email: string;
}

/** A one-time link (valid 7 days) that lets `email` join with `role`. */
export async function inviteMember(deps: AccountDeps, actor: User, input: { email: string; role: string }, meta: RequestMeta): Promise<OneTimeLink> {
  requireTeamManager(actor);
  const fields = checkProfile({ name: 'x', email: input.email });
  if (!isRole(input.role)) fields.role = messages.roleInvalid;
  else if (input.role === 'owner' && actor.role !== 'owner') fields.role = messages.onlyOwnersGrantOwner;
  const email = normaliseEmail(input.email);
  if (!fields.email && (await findUserByEmail(deps.db, email))) fields.email = messages.memberExists;
  if (Object.keys(fields).length > 0) throw new ValidationError(messages.invitationHasErrors, fields);
  const token = newToken();
  const now = deps.clock.now();
  await insertOneTimeToken(deps.db, {
    tokenHash: hashToken(token),
    purpose: 'invite',
    userId: null,
    email,
    role: input.role as Role,
    createdBy: actor.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + inviteLifetimeMs),
  });
  await audit(deps, actor, 'invite.created', `${email} (${input.role})`, meta);
  return { token, email };
}

/** The invitations still waiting to be used, newest first; for the people who manage the team. */
export async function listInvitations(deps: AccountDeps, actor: User): Promise<PendingInvitation[]> {
  requireTeamManager(actor);
  return listPendingInvitations(deps.db, deps.clock.now());
}

/** Withdraws a pending invitation: its link stops working at once. */
export async function withdrawInvitation(deps: AccountDeps, actor: User, tokenHash: string, meta: RequestMeta): Promise<PendingInvitation> {
  requireTeamManager(actor);
  const invitation = (await listPendingInvitations(deps.db, deps.clock.now())).find((pending) => pending.tokenHash === tokenHash);
  if (!invitation) throw new NotFoundError(messages.invitationGone);
  await deleteOneTimeToken(deps.db, tokenHash);
  await audit(deps, actor, 'invite.withdrawn', `${invitation.email} (${invitation.role})`, meta);
  return invitation;
}

export async function getInvitation(deps: AccountDeps, token: string): Promise<{ email: string; role: Role }> {
  const invite = await findOneTimeToken(deps.db, hashToken(token), 'invite', deps.clock.now());
  if (!invite?.email || !invite.role) throw new NotFoundError(messages.inviteInvalid);
  return { email: invite.email, role: invite.role };
}

export async function acceptInvitation(
  deps: AccountDeps,
  token: string,
  input: { name: string; password: string; passwordAgain: string },
  meta: RequestMeta,
): Promise<SignedIn> {
  const invite = await getInvitation(deps, token);
  checkNewAccount({ ...input, email: invite.email });
  return createAccountAndSignIn(deps, { ...input, email: invite.email, role: invite.role }, (trx) => deleteOneTimeToken(trx, hashToken(token)), meta);
}

export async function changeRole(deps: AccountDeps, actor: User, userId: number, role: string, meta: RequestMeta): Promise<User> {
  requireTeamManager(actor);
  if (!isRole(role)) throw new ValidationError(messages.roleInvalid, { role: messages.roleInvalid });
  const member = await findUserById(deps.db, userId);
  if (!member) throw new NotFoundError(messages.noSuchMember);
  if (member.id === actor.id) throw new ForbiddenError(messages.ownRole);
  if ((role === 'owner' || member.role === 'owner') && actor.role !== 'owner') throw new ForbiddenError(messages.onlyOwnersGrantOwner);
  // Otherwise an admin could demote another admin, hand themselves a reset link for them, and promote them back.
  if (actor.role !== 'owner' && !outranks(actor, member)) throw new ForbiddenError(messages.roleOfEqual);
  if (member.role === 'owner' && role !== 'owner' && (await countOwners(deps.db)) <= 1) throw new ConflictError(messages.lastOwner);
  await updateUserRole(deps.db, member.id, role);
  await audit(deps, actor, 'role.changed', `${member.email}: ${member.role} → ${role}`, meta);
  return { ...member, role };
}

/**
 * A one-hour link to set a new password, or undefined when no such member exists (a stranger is never
 * told). Staff asking for someone else may do so only for a member of a lower role: handing a link on
 * is taking the account over.
 */
export async function createPasswordResetLink(deps: AccountDeps, email: string, requestedBy: User | null, meta: RequestMeta): Promise<OneTimeLink | undefined> {
  if (requestedBy) requireTeamManager(requestedBy);
  const member = await findUserByEmail(deps.db, normaliseEmail(email));
  if (!member) return undefined;
  if (requestedBy && !outranks(requestedBy, member)) {
    await audit(deps, requestedBy, 'password-reset.refused', member.email, meta);
    throw new ForbiddenError(messages.resetNotAllowed);
  }
  const token = newToken();
  const now = deps.clock.now();
  await insertOneTimeToken(deps.db, {
    tokenHash: hashToken(token),
    purpose: 'reset',
    userId: member.id,
    email: member.email,
    role: null,
    createdBy: requestedBy?.id ?? null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + resetLifetimeMs),
  });
  await audit(deps, requestedBy, 'password-reset.requested', member.email, meta);
  return { token, email: member.email };
}

export async function checkPasswordResetLink(deps: AccountDeps, token: string): Promise<void> {
  if (!(await findOneTimeToken(deps.db, hashToken(token), 'reset', deps.clock.now()))) throw new NotFoundError(messages.resetInvalid);
}

/**
 * Sets a new password through a reset link. Every session of the member ends, and every other link that
 * could act on the account (reset links, invitations to its email, half-finished sign-ins) is spent. A
 * link proves only the mailbox, so with two-step sign-in on, the code is still needed for a session.
 */
export async function resetPassword(
  deps: AccountDeps,
  token: string,
  input: { password: string; passwordAgain: string },
  meta: RequestMeta,
): Promise<SignedIn | SecondStepNeeded> {
  const reset = await findOneTimeToken(deps.db, hashToken(token), 'reset', deps.clock.now());
  const member = reset?.userId ? await findUserById(deps.db, reset.userId) : undefined;
  if (!member) throw new NotFoundError(messages.resetInvalid);
  const problem = passwordProblem(input.password, [member.name, member.email]);
  if (problem) throw new ValidationError(problem, { password: problem });
  if (input.password !== input.passwordAgain) throw new ValidationError(messages.passwordsDiffer, { passwordAgain: messages.passwordsDiffer });
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (trx) => {
    // Spent first, so two requests with one link cannot both set a password.
    if (!(await consumeOneTimeToken(trx, hashToken(token), 'reset', deps.clock.now()))) throw new NotFoundError(messages.resetInvalid);
    await updatePasswordHash(trx, member.id, passwordHash);
    await deleteSessionsOfUser(trx, member.id);
    await deleteOneTimeTokensOf(trx, member);
  });
  await audit(deps, member, 'password.changed', member.email, meta);
  if (await findTotpSecret(deps.db, member.id)) return { secondStepToken: await beginSecondStep(deps, member) };
  return startSession(deps, member, meta);
}
