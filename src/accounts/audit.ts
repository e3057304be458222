import { insertAuditEntry, type User } from './accounts.queries.ts';
import type { AccountDeps, RequestMeta } from './account-deps.ts';

/** Records who did what; a change that came through an API token or the command line says so (`meta.via`). */
export async function audit(deps: AccountDeps, actor: User | null, action: string, subject: string, meta: RequestMeta): Promise<void> {
  const said = meta.via ? `${subject} via ${meta.via}` : subject;
  await insertAuditEntry(deps.db, { at: deps.clock.now(), actorUserId: actor?.id ?? null, action, subject: said, ip: meta.ip });
}
