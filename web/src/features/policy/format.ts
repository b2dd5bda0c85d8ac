import type { Rule } from '@contracts/policy';
import { formatDate } from '../../ui/i18n';

/** "08/10/2025 – …" or "01/01/2023 – 07/10/2025". */
export function periodText(from: string, to: string | null): string {
  return `${formatDate(from)} – ${to ? formatDate(to) : '…'}`;
}

type Leaf = { key: string; value: string };

function isLabelled(v: unknown): v is { key: string; label: { vi: string; en: string } } {
  return typeof v === 'object' && v !== null && 'key' in v && 'label' in v;
}

/** A rule's parameters as "name: value" lines a person can read (lists show their labels). */
export function paramLines(params: Record<string, unknown>, lang: 'vi' | 'en'): Leaf[] {
  const out: Leaf[] = [];
  const walk = (value: unknown, key: string) => {
    if (Array.isArray(value)) {
      if (value.every(isLabelled)) out.push({ key, value: value.map((v) => v.label[lang]).join('; ') });
      else if (value.every((v) => typeof v === 'object' && v !== null && 'month' in v))
        out.push({
          key,
          value: value
            .map(
              (v) =>
                `${(v as { label: { vi: string; en: string } }).label[lang]}: ${(v as { month: string }).month.split('-').reverse().join('/')}`,
            )
            .join('; '),
        });
      else out.push({ key, value: JSON.stringify(value) });
    } else if (typeof value === 'object' && value !== null) {
      const o = value as Record<string, unknown>;
      if ('comparison' in o && 'numerator' in o) {
        const frac = o.denominator === 100 ? `${String(o.numerator)}%` : `${String(o.numerator)}/${String(o.denominator)}`;
        out.push({ key, value: `${String(o.comparison).replace('>=', '≥').replace('<=', '≤')} ${frac} (${String(o.base)})` });
      } else if ('years' in o && 'months' in o) out.push({ key, value: `${String(o.years)}y${String(o.months)}m` });
      else for (const [k, v] of Object.entries(o)) walk(v, key ? `${key}.${k}` : k);
    } else out.push({ key, value: String(value) });
  };
  walk(params, '');
  return out;
}

export function searchText(rule: Rule): string {
  return `${rule.id} ${rule.title.vi} ${rule.title.en} ${rule.citation.text}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
}

export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
}
