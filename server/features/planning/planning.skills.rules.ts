import type { Verdict } from '../../../contracts/policy';
import type { InformaticsLevel, SkillStandard, SkillStandards } from '../policy/title-standards';
import { foldVietnamese } from '../../lib/text';

// Foreign-language and IT standards of a planned title, judged from what a person's record says (Mẫu 2C items 15.5
// and 15.6 are free text). Pure: no I/O. In planning a gap is a training need: a warning naming the standard, never a
// block; a record that cannot be read is a warning asking the officer to complete it.

const CEFR: Record<string, number> = { a1: 1, a2: 2, b1: 3, b2: 4, c1: 5, c2: 6 };
/** Old national certificates A, B, C (before the six-level framework) read as levels 1, 2, 3 (Công văn 6089/BGDĐT-GDTX). */
const OLD_CERTIFICATE: Record<string, number> = { a: 1, b: 2, c: 3 };

/**
 * A pure reading of a text, remembered: records repeat the same few phrasings ("Tiếng Anh B1", "Cơ bản"), and a
 * province's plan reads thousands of them. Bounded, so free text cannot grow it without limit.
 */
function remembered<T>(read: (text: string) => T, max = 5000): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text)!;
    const out = read(text);
    if (seen.size >= max) seen.clear();
    seen.set(text, out);
    return out;
  };
}

/** The level (1–6) a language row's text states, or null when it cannot be read. */
export const languageLevelOf = remembered(readLanguageLevel);
function readLanguageLevel(text: string): number | null {
  const t = foldVietnamese(text).toLowerCase();
  const bac = /\bbac\s*([1-6])\b/.exec(t);
  if (bac) return Number(bac[1]);
  const cefr = /\b([abc][12])\b/.exec(t);
  if (cefr) return CEFR[cefr[1]!]!;
  if (/\b(dai hoc|cu nhan|thac si|tien si)\b/.test(t)) return 5;
  const cert = /\bchung chi\s+([abc])\b/.exec(t);
  if (cert) return OLD_CERTIFICATE[cert[1]!]!;
  return null;
}

/** The IT level a record's text states, or null when it cannot be read. */
export const informaticsLevelOf = remembered(readInformaticsLevel);
function readInformaticsLevel(text: string): InformaticsLevel | null {
  const t = foldVietnamese(text).toLowerCase();
  if (/\bnang cao\b/.test(t)) return 'nang_cao';
  if (/\b(dai hoc|cu nhan|ky su|thac si|tien si)\b/.test(t) && /\b(cong nghe thong tin|cntt|tin hoc|may tinh)\b/.test(t))
    return 'nang_cao';
  if (/\bco ban\b/.test(t)) return 'co_ban';
  // Old national IT certificates A, B, C count as basic IT use.
  if (/\bchung chi\s+(tin hoc\s+)?[abc]\b/.test(t) || /\btin hoc\s+[abc]\b/.test(t)) return 'co_ban';
  return null;
}

const IT_LABEL: Record<InformaticsLevel, { vi: string; en: string }> = {
  co_ban: { vi: 'ứng dụng công nghệ thông tin cơ bản', en: 'basic IT' },
  nang_cao: { vi: 'ứng dụng công nghệ thông tin nâng cao', en: 'advanced IT' },
};

function skillVerdict(
  s: SkillStandard<unknown>,
  status: 'passed' | 'warning',
  detail: { vi: string; en: string },
  inputs: Record<string, unknown>,
): Verdict {
  const unconfirmed = !s.confirmed && status !== 'passed';
  return {
    ruleId: `standards.${s.entryId}`,
    citation: s.citation,
    status,
    detail: unconfirmed
      ? {
          vi: `${detail.vi} (Tiêu chuẩn này chưa được xác minh: chỉ cảnh báo.)`,
          en: `${detail.en} (This standard is unconfirmed: a warning only.)`,
        }
      : detail,
    inputs,
    ruleUnconfirmed: !s.confirmed,
    localPackId: null,
  };
}

/** The language and IT verdicts of one planned person against the title's skill standards (none when none is set). */
export function skillVerdicts(
  record: { languages: readonly { language: string; level: string }[]; itLevel?: string | null | undefined },
  standards: SkillStandards,
): Verdict[] {
  const out: Verdict[] = [];
  const lang = standards.foreignLanguage;
  if (lang) {
    const read = record.languages.map((l) => ({ ...l, bac: languageLevelOf(l.level) }));
    const best = read.reduce<(typeof read)[number] | null>(
      (b, l) => (l.bac !== null && (b === null || l.bac > b.bac!) ? l : b),
      null,
    );
    const need = lang.level;
    const inputs = { required: need, languages: read.map((l) => ({ language: l.language, level: l.level, bac: l.bac })) };
    if (best && best.bac! >= need)
      out.push(
        skillVerdict(
          lang,
          'passed',
          {
            vi: `Ngoại ngữ: ${best.language} ${best.level} (bậc ${best.bac}), đạt bậc ${need}.`,
            en: `Foreign language: ${best.language} ${best.level} (level ${best.bac}), level ${need} met.`,
          },
          inputs,
        ),
      );
    else if (best)
      out.push(
        skillVerdict(
          lang,
          'warning',
          {
            vi: `Cần bồi dưỡng ngoại ngữ: ${best.language} ${best.level} (bậc ${best.bac}), cần bậc ${need}.`,
            en: `Foreign-language training needed: ${best.language} ${best.level} (level ${best.bac}), level ${need} required.`,
          },
          inputs,
        ),
      );
    else
      out.push(
        skillVerdict(
          lang,
          'warning',
          read.length
            ? {
                vi: `Hồ sơ ghi ngoại ngữ "${read.map((l) => `${l.language} ${l.level}`).join(', ')}" không đọc được bậc; cần bậc ${need}: bổ sung hồ sơ.`,
                en: `The record's foreign language "${read.map((l) => `${l.language} ${l.level}`).join(', ')}" states no readable level; level ${need} required: complete the record.`,
              }
            : {
                vi: `Hồ sơ chưa ghi ngoại ngữ; cần bậc ${need}.`,
                en: `No foreign language on the record; level ${need} required.`,
              },
          inputs,
        ),
      );
  }
  const it = standards.informatics;
  if (it) {
    const text = record.itLevel?.trim() ?? '';
    const level = text ? informaticsLevelOf(text) : null;
    const rank = (l: InformaticsLevel) => (l === 'nang_cao' ? 2 : 1);
    const inputs = { required: it.level, itLevel: text || null, read: level };
    out.push(
      level !== null && rank(level) >= rank(it.level)
        ? skillVerdict(
            it,
            'passed',
            {
              vi: `Tin học: ${text}, đạt ${IT_LABEL[it.level].vi}.`,
              en: `IT: ${text}, ${IT_LABEL[it.level].en} met.`,
            },
            inputs,
          )
        : skillVerdict(
            it,
            'warning',
            level !== null
              ? {
                  vi: `Cần bồi dưỡng tin học: ${text}, cần ${IT_LABEL[it.level].vi}.`,
                  en: `IT training needed: ${text}, ${IT_LABEL[it.level].en} required.`,
                }
              : text
                ? {
                    vi: `Hồ sơ ghi tin học "${text}" không đọc được trình độ; cần ${IT_LABEL[it.level].vi}: bổ sung hồ sơ.`,
                    en: `The record's IT "${text}" states no readable level; ${IT_LABEL[it.level].en} required: complete the record.`,
                  }
                : {
                    vi: `Hồ sơ chưa ghi trình độ tin học; cần ${IT_LABEL[it.level].vi}.`,
                    en: `No IT level on the record; ${IT_LABEL[it.level].en} required.`,
                  },
            inputs,
          ),
    );
  }
  return out;
}
