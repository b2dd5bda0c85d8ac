import type { Db } from '../../server/db/database';
import { loadPolicyLibrary } from '../../server/features/policy/pack.loader';
import { approveLocalPack } from '../../server/features/policy/policy.service';
import { findUserByUsername, grantsOf } from '../../server/features/users/user.repository';

/** Approves Tuyên Quang's local pack as the demo administrator (audited); Lào Cai's stays pending. */
export async function loadPolicyDemo(db: Db): Promise<void> {
  const admin = await findUserByUsername(db, 'admin');
  if (!admin) throw new Error('the policy demo needs the foundation demo (user admin)');
  const grants = (await grantsOf(db, [admin.id])).get(admin.id) ?? [];
  const library = loadPolicyLibrary();
  if (!library.packs.some((p) => p.id === 'tuyen-quang-2026')) return;
  await approveLocalPack(
    { db, library },
    { userId: admin.id, username: admin.username, grants },
    'tuyen-quang-2026',
    'Phê duyệt theo Tờ trình của Ban Tổ chức Tỉnh ủy (dữ liệu demo).',
  );
}
