import type { Generated, Insertable, Selectable } from 'kysely';
import type { DECLARATION_STATUSES } from '../../../contracts/persons';
import type { ProfessionalLevel, Sex, TheoryLevel } from '../../../contracts/person-catalogs';

/** The current version of a person: indexed search columns plus the whole 2C record as JSON. */
export interface PersonTable {
  id: string;
  organization_id: string;
  cccd: string | null;
  full_name: string;
  /** folded full name + other names (no diacritics, đ→d): FTS5 on SQLite, pg_trgm on PostgreSQL */
  name_folded: string;
  /** vietnameseSortKey(full_name): given, middle, family in the Vietnamese alphabet */
  sort_key: string;
  sex: Sex;
  /** YYYY, YYYY-MM or YYYY-MM-DD: compares as the earliest day it can mean */
  birth_date: string;
  birth_year: number;
  ethnicity: string;
  current_title: string | null;
  title_folded: string | null;
  current_title_code: string | null;
  theory_level: TheoryLevel;
  professional_level: ProfessionalLevel;
  party_member: number;
  has_photo: Generated<number>;
  data_json: string;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}
export type PersonRow = Selectable<PersonTable>;
export type NewPersonRow = Insertable<PersonTable>;

export type VersionSource = 'create' | 'edit' | 'import' | 'declaration';

/** Every version a person's record has had; the current one has valid_to null. */
export interface PersonVersionTable {
  person_id: string;
  version: number;
  data_json: string;
  valid_from: string;
  valid_to: string | null;
  changed_by: string | null;
  source: VersionSource;
  reason: string | null;
}
export type PersonVersionRow = Selectable<PersonVersionTable>;

export interface PersonPhotoTable {
  person_id: string;
  mime: string;
  data: Buffer;
  updated_at: string;
}

export interface PersonDeclarationTable {
  id: string;
  person_id: string;
  status: (typeof DECLARATION_STATUSES)[number];
  changes_json: string;
  note: string | null;
  base_version: number;
  submitted_by: string;
  submitted_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
}
export type PersonDeclarationRow = Selectable<PersonDeclarationTable>;

/** The name-word index (written only by triggers on persons, migration 20261127_1900). */
export interface PersonNameTokenTable {
  organization_id: string;
  token: string;
  person_id: string;
  sort_key: string;
}
