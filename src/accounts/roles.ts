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
  | 'manage-sections-and-tags';

const grants: Record<Role, ReadonlySet<Action>> = {
  owner: new Set<Action>([
    'view-admin', 'manage-settings', 'manage-users', 'view-audit-log', 'edit-any-article', 'publish-any-article',
    'edit-own-article', 'publish-own-article', 'trash-any-article', 'trash-own-article', 'delete-trashed-article',
    'moderate-comments', 'manage-sections-and-tags',
  ]),
  admin: new Set<Action>([
    'view-admin', 'manage-settings', 'manage-users', 'view-audit-log', 'edit-any-article', 'publish-any-article',
    'edit-own-article', 'publish-own-article', 'trash-any-article', 'trash-own-article', 'delete-trashed-article',
    'moderate-comments', 'manage-sections-and-tags',
  ]),
  editor: new Set<Action>([
    'view-admin', 'edit-any-article', 'publish-any-article', 'edit-own-article', 'publish-own-article',
    'trash-any-article', 'trash-own-article', 'delete-trashed-article', 'moderate-comments', 'manage-sections-and-tags',
  ]),
  author: new Set<Action>(['view-admin', 'edit-own-article', 'publish-own-article', 'trash-own-article']),
  contributor: new Set<Action>(['view-admin', 'edit-own-article']),
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
