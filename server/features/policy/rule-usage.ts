import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleUsage } from '../../../contracts/policy';

/** server/features: each folder is a feature; a rule is used where its id is written in a (non-test) source file. */
const FEATURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const FEATURE_LABELS: Record<string, { vi: string; en: string }> = {
  policy: { vi: 'Bộ máy kiểm tra điều kiện, tiêu chuẩn', en: 'Eligibility engine' },
  planning: { vi: 'Quy hoạch cán bộ', en: 'Planning' },
  votes: { vi: 'Lấy phiếu tín nhiệm, biểu quyết', en: 'Votes' },
  decisions: { vi: 'Quyết định nhân sự (bổ nhiệm, miễn nhiệm…)', en: 'Personnel decisions' },
  evaluations: { vi: 'Đánh giá, xếp loại', en: 'Evaluation' },
  persons: { vi: 'Hồ sơ cán bộ', en: 'Cadre records' },
  staffing: { vi: 'Biên chế', en: 'Staffing' },
  training: { vi: 'Đào tạo, bồi dưỡng', en: 'Training' },
  titles: { vi: 'Danh mục chức danh', en: 'Title catalog' },
  positions: { vi: 'Vị trí, chức vụ', en: 'Positions' },
};

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/**
 * Which checks use each rule: the feature and file whose source names the rule id (as 'id' or "id"). Read once from
 * the sources the server runs, so it cannot drift from the code.
 */
export function scanRuleUsage(ruleIds: readonly string[], dir = FEATURES_DIR): Map<string, RuleUsage[]> {
  const out = new Map<string, RuleUsage[]>(ruleIds.map((id) => [id, []]));
  for (const file of sources(dir)) {
    const text = fs.readFileSync(file, 'utf8');
    const rel = path.relative(dir, file);
    const feature = rel.split(path.sep)[0]!;
    for (const id of ruleIds)
      if (text.includes(`'${id}'`) || text.includes(`"${id}"`))
        out.get(id)!.push({
          feature,
          file: rel.split(path.sep).join('/'),
          label: FEATURE_LABELS[feature] ?? { vi: feature, en: feature },
        });
  }
  return out;
}
