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
} from './accounts.service.ts';
export { minPasswordLength } from './passwords.ts';
export { type Action, can, type Role } from './roles.ts';
export { clearSessionCookie, setSessionCookie, staffSessions } from './staff-session.ts';
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
