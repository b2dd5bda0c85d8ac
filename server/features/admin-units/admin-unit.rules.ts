import type { AdminUnitKind } from '../../../contracts/admin-units';

/** NFC, single spaces, trimmed: the package mixes composed and decomposed Vietnamese and stray spaces. */
export function normalizeName(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, ' ').trim();
}

const COMMUNE_PREFIXES: [string, AdminUnitKind][] = [
  ['Phường ', 'ward'],
  ['Xã ', 'commune'],
  ['Đặc khu ', 'special_zone'],
];

/** A commune-level name split into its kind and the name without the type word ("Phường Minh Xuân" → ward, "Minh Xuân"). */
export function parseCommuneName(raw: string): { kind: AdminUnitKind; name: string; shortName: string } {
  const name = normalizeName(raw);
  for (const [prefix, kind] of COMMUNE_PREFIXES)
    if (name.startsWith(prefix)) return { kind, name, shortName: name.slice(prefix.length) };
  throw new Error(`Không nhận ra loại đơn vị hành chính: "${name}" / unknown commune-level unit type`);
}

/**
 * A province row normalized: centrally-run cities keep "Thành phố …" as their full name; provinces get "Tỉnh …"
 * (the package stores them bare).
 */
export function parseProvince(raw: { name: string; place_type: string }): {
  kind: AdminUnitKind;
  name: string;
  shortName: string;
} {
  const name = normalizeName(raw.name);
  if (normalizeName(raw.place_type).startsWith('Thành phố')) {
    const shortName = name.replace(/^Thành phố /, '');
    return { kind: 'city', name: `Thành phố ${shortName}`, shortName };
  }
  const shortName = name.replace(/^Tỉnh /, '');
  return { kind: 'province', name: `Tỉnh ${shortName}`, shortName };
}
