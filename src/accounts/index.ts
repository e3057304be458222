export type { User } from './accounts.queries.ts';
export type { AccountDeps, RequestMeta } from './account-deps.ts';
export {
  checkSetupToken,
  createOwner,
  issueSetupTokenIfNoUsers,
  listSessionsOf,
  signIn,
  signOut,
  signOutEverywhereElse,
} from './accounts.service.ts';
export { addMember } from './added-members.ts';
export {
  type ApiTokenInfo,
  apiTokenExpiryFromDay,
  apiTokenNameMaxLength,
  apiTokenVia,
  authenticateApiToken,
  createApiToken,
  createApiTokenForEmail,
  listAllApiTokens,
  listApiTokensOf,
  revokeApiToken,
} from './api-tokens.service.ts';
export { audit } from './audit.ts';
export { minPasswordLength } from './passwords.ts';
export { can, outranks, type Role } from './roles.ts';
export {
  clearSecondStepCookie,
  clearSessionCookie,
  secondStepCookie,
  sessionCookie,
  setSecondStepCookie,
  setSessionCookie,
  staffSessions,
} from './staff-session.ts';
export type { AuditEntry, PendingInvitation, TeamMember } from './accounts.queries.ts';
export { roles } from './roles.ts';
export {
  acceptInvitation,
  changeRole,
  checkPasswordResetLink,
  createPasswordResetLink,
  getInvitation,
  inviteMember,
  listAuditLog,
  listInvitations,
  listTeam,
  resetPassword,
  withdrawInvitation,
} from './team.service.ts';
export {
  completeSecondStep,
  confirmTwoStep,
  disableTwoStep,
  isTwoStepOn,
  newTwoStepSecret,
  twoStepUri,
} from './two-step.service.ts';
