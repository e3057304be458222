import { insertAuditEntry, type User } from './accounts.queries.ts';
import type { AccountDeps, RequestMeta } from './account-deps.ts';

export async function audit(deps: AccountDeps, actor: User | null, action: string, subject: string, meta: RequestMeta): Promise<void> {
  await insertAuditEntry(deps.db, { at: deps.clock.now(), actorUserId: actor?.id ?? null, action, subject, ip: meta.ip });
}
