/** What a newsroom member may do, enforced on the server for every action. */
export type Role = 'owner' | 'admin' | 'editor' | 'author' | 'contributor';

/** Highest first: the order is the rank. */
export const roles: readonly Role[] = ['owner', 'admin', 'editor', 'author', 'contributor'];

export type Action =
  | 'view-admin'
  | 'manage-settings'
  | 'manage-users'
  | 'view-audit-log'
  | 'edit-any-article'
  | 'publish-any-article'
  | 'edit-own-article'
  | 'publish-own-article'
  /** Move to the trash, and restore from it. */
  | 'trash-any-article'
  | 'trash-own-article'
  /** Delete for good what is in the trash. */
  | 'delete-trashed-article'
  | 'moderate-comments'
  | 'manage-sections-and-tags'
  /** Change the alt text, caption and credit of any library image. */
  | 'describe-any-image'
  /** The same for images one uploaded, while no published or scheduled work (nor the logo) shows them. */
  | 'describe-own-image'
  /** Delete an unused image from the library. */
  | 'delete-any-image'
  /** Register, change and delete webhook endpoints, which send the newsroom's events elsewhere, and see their deliveries. */
  | 'manage-webhooks';

// Each role does everything the role below it does, and more.
const contributorActions: readonly Action[] = ['view-admin', 'edit-own-article', 'describe-own-image'];
const authorActions: readonly Action[] = [...contributorActions, 'publish-own-article', 'trash-own-article'];
const editorActions: readonly Action[] = [
  ...authorActions,
  'edit-any-article',
  'publish-any-article',
  'trash-any-article',
  'delete-trashed-article',
  'moderate-comments',
  'manage-sections-and-tags',
  'describe-any-image',
  'delete-any-image',
];
const adminActions: readonly Action[] = [...editorActions, 'manage-settings', 'manage-users', 'view-audit-log', 'manage-webhooks'];

const grants: Record<Role, ReadonlySet<Action>> = {
  // The owner differs from an admin only in who may change whom (see `outranks`).
  owner: new Set(adminActions),
  admin: new Set(adminActions),
  editor: new Set(editorActions),
  author: new Set(authorActions),
  contributor: new Set(contributorActions),
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Whether `user` may do `action`; the one question every admin route asks. */
export function can(user: { readonly role: Role }, action: Action): boolean {
  return grants[user.role].has(action);
}

/**
 * Whether `actor`'s role ranks strictly above `member`'s (owner > admin > editor > author > contributor).
 * Acting on someone's credentials needs this, so nobody can take over an equal or higher account.
 *
 * @example outranks({ role: 'admin' }, { role: 'editor' }) // true; admin over admin is false
 */
export function outranks(actor: { readonly role: Role }, member: { readonly role: Role }): boolean {
  return roles.indexOf(actor.role) < roles.indexOf(member.role);
}
