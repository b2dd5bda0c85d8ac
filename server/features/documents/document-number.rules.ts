import {
  DOCUMENT_TYPE_LABELS,
  type DocumentType,
  ISSUING_BODY_INFO,
  type IssuingBody,
  type NumberingPolicy,
  type NumberingScheme,
  describeScheme,
  exampleNumber,
  schemesFor,
} from '../../../contracts/document-numbering';
import type { NumberCheck } from '../../../contracts/documents';

/** The number as it is written officially: NFC, no spaces around "-" and "/", plain hyphens, no leading "Số:". */
export function normalizeNumber(input: string): string {
  return input
    .normalize('NFC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .trim()
    .replace(/^(số|Số|SỐ)\s*:?\s*/, '')
    .replace(/\s*([-/])\s*/g, '$1')
    .replace(/\s+/g, ' ');
}

/** The lookup key of a number: no diacritics (Đ→D), upper case, no spaces; "96-qd/tw" finds "96-QĐ/TW". */
export function numberKey(input: string): string {
  return normalizeNumber(input)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .replace(/\s+/g, '')
    .toUpperCase();
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The scheme's pattern for this type and body, filled in from the policy's serial, abbreviation and issuer. */
export function schemeRegex(policy: NumberingPolicy, scheme: NumberingScheme, type: DocumentType, body: IssuingBody): RegExp {
  const typeCode = scheme.types[type] ?? '';
  return new RegExp(
    scheme.pattern
      .replace('{so}', policy.serial.pattern)
      .replace('{loai}', escapeRe(typeCode))
      .replace('{coquan}', policy.issuers[body] ?? '(?!)'),
    'u',
  );
}

/**
 * Checks a document number against the official patterns for its type and issuing body (policy/documents/numbering.yaml,
 * each with its legal source).
 */
export function checkDocumentNumber(
  policy: NumberingPolicy,
  input: {
    type: DocumentType;
    issuingBody: IssuingBody;
    number: string;
    issuedOn?: string;
  },
): NumberCheck {
  const normalized = normalizeNumber(input.number);
  const schemes = schemesFor(policy, input.type, input.issuingBody);
  const year = input.issuedOn ? Number(input.issuedOn.slice(0, 4)) : new Date().getFullYear();
  const expected = schemes.map(
    (s) =>
      `${describeScheme(policy, s, input.type, input.issuingBody)} (ví dụ ${exampleNumber(policy, s, input.type, input.issuingBody, year)})`,
  );
  const typeVi = DOCUMENT_TYPE_LABELS[input.type].vi;
  const typeEn = DOCUMENT_TYPE_LABELS[input.type].en;
  const bodyVi = ISSUING_BODY_INFO[input.issuingBody].vi;
  const bodyEn = ISSUING_BODY_INFO[input.issuingBody].en;
  if (schemes.length === 0)
    return {
      valid: false,
      normalized,
      scheme: null,
      message: `${bodyVi} không ban hành loại văn bản "${typeVi}" theo thể thức hiện hành`,
      messageEn: `The ${bodyEn} does not issue documents of type "${typeEn}"`,
      expected,
    };
  for (const scheme of schemes) {
    const match = schemeRegex(policy, scheme, input.type, input.issuingBody).exec(normalized);
    if (!match) continue;
    const numberYear = match.groups?.nam;
    if (scheme.yearIsIssueYear && numberYear && input.issuedOn && Number(numberYear) !== year)
      return {
        valid: false,
        normalized,
        scheme: scheme.id,
        message: `Năm trong số hiệu (${numberYear}) phải là năm ban hành (${year})`,
        messageEn: `The year in the number (${numberYear}) must be the year of issue (${year})`,
        expected,
      };
    return { valid: true, normalized, scheme: scheme.id, message: null, messageEn: null, expected };
  }
  return {
    valid: false,
    normalized,
    scheme: null,
    message: `Số hiệu "${normalized}" không đúng thể thức của ${typeVi.toLowerCase()} do ${bodyVi} ban hành; mẫu đúng: ${expected.join(' hoặc ')}`,
    messageEn: `Number "${normalized}" does not fit a ${typeEn.toLowerCase()} of the ${bodyEn}; expected ${expected.join(' or ')}`,
    expected,
  };
}

const EMBEDDED_NUMBER = /\d+(?:-[A-ZĐ]+\/[A-ZĐ0-9]+|\/\d{4}\/[A-ZĐa-z0-9]+(?:-[A-ZĐa-z0-9]+)?|\/[A-ZĐ]+-[A-ZĐa-z0-9]+)/gu;

const LEADING_WORDS: { re: RegExp; suffix?: (n: string) => string | null }[] = [
  { re: /^(nghi dinh|nd)\s*(so)?\s*/, suffix: (n) => (/^\d+\/\d{4}$/.test(n) ? `${n}/ND-CP` : null) },
  { re: /^(ket luan|kl)\s*(so)?\s*/, suffix: (n) => (/^\d+$/.test(n) ? `${n}-KL/TW` : null) },
  { re: /^(quy dinh|quyet dinh|qd)\s*(so)?\s*/, suffix: (n) => (/^\d+$/.test(n) ? `${n}-QD/TW` : null) },
  { re: /^(nghi quyet|nq)\s*(so)?\s*/, suffix: (n) => (/^\d+$/.test(n) ? `${n}-NQ/TW` : null) },
  { re: /^(huong dan|hd)\s*(so)?\s*/ },
  { re: /^(bo luat|luat)\s*(so)?\s*/ },
];

/**
 * The number keys a citation may mean, most specific first: "377-QĐ/TW" itself, "NĐ 170/2025" → 170/2025/ND-CP,
 * "Kết luận 35" → 35-KL/TW. Names without a number ("Bộ luật Lao động 2019") resolve through aliases instead.
 */
export function citationKeys(citation: string): string[] {
  const keys = new Set<string>();
  const folded = citation
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ');
  keys.add(numberKey(citation));
  // A full number written inside a longer citation: "Bộ luật Lao động 45/2019/QH14", "Kết luận số 35-KL/TW ngày …".
  for (const token of citation.normalize('NFC').match(EMBEDDED_NUMBER) ?? []) keys.add(numberKey(token));
  for (const { re, suffix } of LEADING_WORDS) {
    if (!re.test(folded)) continue;
    const rest = folded.replace(re, '').trim();
    if (!rest) continue;
    keys.add(numberKey(rest));
    const expanded = suffix?.(rest.replace(/\s+/g, ''));
    if (expanded) keys.add(expanded);
  }
  return [...keys];
}

/** A citation naming several texts ("Luật Cán bộ, công chức 2008; Luật Viên chức 2010"): the whole, then each part. */
export function citationParts(citation: string): string[] {
  const parts = citation
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 1 ? [citation.trim(), ...parts] : [citation.trim()];
}

/** The folded text aliases are compared with ("Bộ luật Lao động 2019" → "bo luat lao dong 2019"). */
export function foldAlias(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[,.;:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
