import { RELATION_LABELS, type RelationKind } from '../../../contracts/documents';

/** What still depends on a register entry: it cannot be withdrawn, nor renumbered when rules cite it, while any remains. */
export interface DocumentDependents {
  number: string;
  relations: { kind: RelationKind; otherNumber: string; outgoing: boolean }[];
  /** the programme item it is the outcome of */
  programmeItem: { code: string; title: string } | null;
  /** policy rules whose citation names it */
  citedBy: { ruleId: string; packId: string }[];
  /** personnel decision processes whose steps or dossier items are linked to it */
  decisions: number;
}

export interface Refusal {
  message: string;
  messageEn: string;
}

const list = (xs: string[], max = 5) => (xs.length > max ? `${xs.slice(0, max).join(', ')}, …` : xs.join(', '));

/** Why a register entry may not be withdrawn (each dependent named, with what to do first), or null when it may. */
export function documentWithdrawalRefusal(d: DocumentDependents): Refusal | null {
  const vi: string[] = [];
  const en: string[] = [];
  if (d.relations.length) {
    const names = d.relations.map((r) =>
      r.outgoing
        ? `${RELATION_LABELS[r.kind].vi.toLowerCase()} ${r.otherNumber}`
        : `${RELATION_LABELS[r.kind].inverseVi.toLowerCase()} ${r.otherNumber}`,
    );
    vi.push(`có quan hệ với văn bản khác (${list(names)}): xóa các quan hệ trước`);
    en.push(`it is related to other documents (${d.relations.map((r) => r.otherNumber).join(', ')}): remove the relations first`);
  }
  if (d.programmeItem) {
    vi.push(
      `là văn bản kết quả của đề án, nhiệm vụ ${d.programmeItem.code} "${d.programmeItem.title}": bỏ liên kết với đề án trước`,
    );
    en.push(`it is the outcome of programme item ${d.programmeItem.code}: unlink it from the item first`);
  }
  if (d.citedBy.length) {
    vi.push(`được ${d.citedBy.length} quy tắc trong gói quy định trích dẫn (${list(d.citedBy.map((r) => r.ruleId))})`);
    en.push(`${d.citedBy.length} policy rule(s) cite it (${list(d.citedBy.map((r) => r.ruleId))})`);
  }
  if (d.decisions) {
    vi.push(`${d.decisions} quy trình quyết định nhân sự đang căn cứ vào văn bản này (hồ sơ hoặc bước quy trình)`);
    en.push(`${d.decisions} personnel decision process(es) rely on it (dossier or step)`);
  }
  if (!vi.length) return null;
  return {
    message: `Không thể rút văn bản ${d.number} khỏi sổ: ${vi.join('; ')}.`,
    messageEn: `Document ${d.number} cannot be withdrawn from the register: ${en.join('; ')}.`,
  };
}

/** Why a number may not change: the policy rules and decisions that name it would no longer find it. */
export function renumberRefusal(
  d: Pick<DocumentDependents, 'number' | 'citedBy' | 'decisions'>,
  newNumber: string,
): Refusal | null {
  if (newNumber === d.number || (!d.citedBy.length && !d.decisions)) return null;
  const what = [
    d.citedBy.length ? `${d.citedBy.length} quy tắc trong gói quy định` : '',
    d.decisions ? `${d.decisions} quy trình quyết định nhân sự` : '',
  ].filter(Boolean);
  return {
    message: `Không thể đổi số hiệu ${d.number} thành ${newNumber}: ${what.join(' và ')} đang trích dẫn số hiệu này.`,
    messageEn: `Number ${d.number} cannot become ${newNumber}: policy rules or decisions cite it.`,
  };
}

/** Why a programme item may not be withdrawn: the register entries recorded as its outcome. */
export function itemWithdrawalRefusal(item: { code: string }, outcomes: { number: string }[]): Refusal | null {
  if (!outcomes.length) return null;
  const numbers = outcomes.map((o) => o.number).join(', ');
  return {
    message: `Không thể rút đề án, nhiệm vụ ${item.code}: văn bản ${numbers} trong sổ được ghi là kết quả của nó; bỏ liên kết ở văn bản trước.`,
    messageEn: `Programme item ${item.code} cannot be withdrawn: register entries ${numbers} are its outcome; unlink them first.`,
  };
}
