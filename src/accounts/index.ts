export type { SessionInfo, User } from './accounts.queries.ts';
export {
  audit,
  checkSetupToken,
  createOwner,
  hashToken,
  issueSetupTokenIfNoUsers,
  listSessionsOf,
  signIn,
  signOut,
  signOutEverywhereElse,
  type AccountDeps,
  type RequestMeta,
  type SecondStepNeeded,
  type SignedIn,
} from './accounts.service.ts';
export { minPasswordLength } from './passwords.ts';
export { type Action, can, outranks, type Role } from './roles.ts';
export {
  clearSecondStepCookie,
  clearSessionCookie,
  secondStepCookie,
  setSecondStepCookie,
  setSessionCookie,
  staffSessions,
} from './staff-session.ts';
export type { AuditEntry, TeamMember } from './accounts.queries.ts';
export { roles } from './roles.ts';
export {
  acceptInvitation,
  changeRole,
  checkPasswordResetLink,
  createPasswordResetLink,
  findInvitation,
  inviteMember,
  listAuditLog,
  listTeam,
  type OneTimeLink,
  resetPassword,
} from './team.service.ts';
export {
  completeSecondStep,
  confirmTwoStep,
  disableTwoStep,
  isTwoStepOn,
  newTwoStepSecret,
  twoStepUri,
} from './two-step.service.ts';
