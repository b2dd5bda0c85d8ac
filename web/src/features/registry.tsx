import type { ReactElement } from 'react';
import {
  AuditOutlined,
  ApartmentOutlined,
  BookOutlined,
  ReadOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  FileProtectOutlined,
  FormOutlined,
  StarOutlined,
  HomeOutlined,
  ProjectOutlined,
  BarChartOutlined,
  BranchesOutlined,
  ClusterOutlined,
  OrderedListOutlined,
  IdcardOutlined,
  ImportOutlined,
  SafetyOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Role } from '@contracts/common';
import type { Bilingual } from '../ui/i18n';
import { SecurityPage } from './account/SecurityPage';
import { AuditPage } from './audit/AuditPage';
import { DecisionsPage } from './decisions/DecisionsPage';
import { DocumentsPage } from './documents/DocumentsPage';
import { EvaluationsPage } from './evaluations/EvaluationsPage';
import { HomePage } from './home/HomePage';
import { OrgTreePage } from './org-tree/OrgTreePage';
import { OrganizationsPage } from './organizations/OrganizationsPage';
import { PlanningPage } from './planning/PlanningPage';
import { ProgrammePage } from './programme/ProgrammePage';
import { PolicyPage } from './policy/PolicyPage';
import { RetirementPage } from './policy/RetirementPage';
import { RestructuringPage } from './restructuring/RestructuringPage';
import { StaffingPage } from './staffing/StaffingPage';
import { TitlesPage } from './titles/TitlesPage';
import { TrainingPage } from './training/TrainingPage';
import { DeclarationsPage } from './persons/DeclarationsPage';
import { ImportPersonsPage } from './persons/ImportPersonsPage';
import { PersonFormPage } from './persons/PersonFormPage';
import { PersonStatisticsPage } from './persons/PersonStatisticsPage';
import { PersonsPage } from './persons/PersonsPage';
import { UsersPage } from './users/UsersPage';
import { VotesPage } from './votes/VotesPage';

/** Sections of the menu, in display order: how an organization commission divides its work. */
export const MENU_GROUPS = {
  organization: { vi: 'Tổ chức bộ máy', en: 'Organization' },
  cadres: { vi: 'Hồ sơ cán bộ', en: 'Cadre records' },
  personnel: { vi: 'Công tác cán bộ', en: 'Personnel work' },
  work: { vi: 'Công việc, văn bản', en: 'Work and documents' },
  control: { vi: 'Quy định, kiểm tra, tài khoản', en: 'Rules, oversight, accounts' },
} as const satisfies Record<string, Bilingual>;
export type MenuGroup = keyof typeof MENU_GROUPS;

export interface FeatureModule {
  key: string;
  path: string;
  /** The menu section; absent for the home page. */
  group?: MenuGroup;
  label: Bilingual;
  icon: ReactElement;
  /** Who sees the module; absent means every signed-in user. The server checks again. */
  roles?: readonly Role[];
  element: ReactElement;
}

/** The menu, in display order. A new module is one entry here plus its folder under features/. */
export const MODULES: readonly FeatureModule[] = [
  {
    key: 'home',
    path: '/',
    label: { vi: 'Trang chủ', en: 'Home' },
    icon: <HomeOutlined />,
    element: <HomePage />,
  },
  {
    key: 'organizations',
    path: '/organizations',
    group: 'organization',
    label: { vi: 'Tổ chức', en: 'Organizations' },
    icon: <ApartmentOutlined />,
    element: <OrganizationsPage />,
  },
  {
    key: 'planning',
    path: '/planning',
    group: 'personnel',
    label: { vi: 'Quy hoạch cán bộ', en: 'Cadre planning' },
    icon: <TeamOutlined />,
    roles: ['officer', 'leader', 'inspector', 'admin'],
    element: <PlanningPage />,
  },
  {
    key: 'votes',
    path: '/votes',
    group: 'personnel',
    label: { vi: 'Lấy phiếu tín nhiệm', en: 'Votes' },
    icon: <CheckSquareOutlined />,
    roles: ['officer', 'leader', 'tally', 'inspector', 'admin', 'credential_authority'],
    element: <VotesPage />,
  },
  {
    key: 'decisions',
    path: '/decisions',
    group: 'personnel',
    label: { vi: 'Quyết định nhân sự', en: 'Personnel decisions' },
    icon: <SafetyOutlined />,
    roles: ['officer', 'leader', 'inspector', 'admin'],
    element: <DecisionsPage />,
  },
  {
    key: 'programme',
    path: '/programme',
    group: 'work',
    label: { vi: 'Chương trình công tác', en: 'Work programme' },
    icon: <ProjectOutlined />,
    roles: ['officer', 'leader', 'inspector', 'admin'],
    element: <ProgrammePage />,
  },
  {
    key: 'documents',
    path: '/documents',
    group: 'work',
    label: { vi: 'Sổ văn bản', en: 'Document register' },
    icon: <FileProtectOutlined />,
    element: <DocumentsPage />,
  },
  {
    key: 'evaluations',
    path: '/evaluations',
    group: 'personnel',
    label: { vi: 'Đánh giá, xếp loại', en: 'Evaluation' },
    icon: <StarOutlined />,
    roles: ['officer', 'leader', 'inspector', 'admin', 'cadre'],
    element: <EvaluationsPage />,
  },
  {
    key: 'training',
    path: '/training',
    group: 'personnel',
    label: { vi: 'Đào tạo, bồi dưỡng', en: 'Training' },
    icon: <ReadOutlined />,
    roles: ['officer', 'leader', 'inspector', 'admin'],
    element: <TrainingPage />,
  },
  {
    key: 'policy',
    path: '/policy',
    group: 'control',
    label: { vi: 'Quy định, tiêu chuẩn', en: 'Rules and standards' },
    icon: <BookOutlined />,
    element: <PolicyPage />,
  },
  {
    key: 'retirement',
    path: '/retirement',
    group: 'cadres',
    label: { vi: 'Tính thời điểm nghỉ hưu', en: 'Retirement calculator' },
    icon: <CalendarOutlined />,
    element: <RetirementPage />,
  },
  {
    key: 'org-tree',
    path: '/org-tree',
    group: 'organization',
    label: { vi: 'Cây tổ chức, sơ đồ vị trí', en: 'Tree and org charts' },
    icon: <ClusterOutlined />,
    element: <OrgTreePage />,
  },
  {
    key: 'restructuring',
    path: '/restructuring',
    group: 'organization',
    label: { vi: 'Sắp xếp tổ chức', en: 'Restructuring' },
    icon: <BranchesOutlined />,
    roles: ['officer', 'leader', 'inspector', 'admin'],
    element: <RestructuringPage />,
  },
  {
    key: 'staffing',
    path: '/staffing',
    group: 'organization',
    label: { vi: 'Biên chế, vị trí việc làm', en: 'Staffing and job positions' },
    icon: <BarChartOutlined />,
    roles: ['officer', 'leader', 'inspector', 'admin'],
    element: <StaffingPage />,
  },
  {
    key: 'titles',
    path: '/titles',
    group: 'organization',
    label: { vi: 'Danh mục chức danh', en: 'Title catalog' },
    icon: <OrderedListOutlined />,
    element: <TitlesPage />,
  },
  {
    key: 'persons',
    path: '/persons',
    group: 'cadres',
    label: { vi: 'Hồ sơ cán bộ', en: 'Cadre records' },
    icon: <IdcardOutlined />,
    element: <PersonsPage />,
  },
  {
    key: 'persons-edit',
    path: '/persons/edit',
    group: 'cadres',
    label: { vi: 'Lập, sửa hồ sơ', en: 'New or edit record' },
    icon: <FormOutlined />,
    roles: ['officer', 'admin'],
    element: <PersonFormPage />,
  },
  {
    key: 'persons-import',
    path: '/persons/import',
    group: 'cadres',
    label: { vi: 'Nhập hồ sơ', en: 'Import records' },
    icon: <ImportOutlined />,
    roles: ['officer', 'admin'],
    element: <ImportPersonsPage />,
  },
  {
    key: 'persons-declarations',
    path: '/persons/declarations',
    group: 'cadres',
    label: { vi: 'Duyệt kê khai', en: 'Declarations' },
    icon: <CheckSquareOutlined />,
    roles: ['officer', 'admin'],
    element: <DeclarationsPage />,
  },
  {
    key: 'persons-statistics',
    path: '/persons/statistics',
    group: 'cadres',
    label: { vi: 'Thống kê đội ngũ', en: 'Workforce statistics' },
    icon: <BarChartOutlined />,
    roles: ['officer', 'leader', 'inspector', 'admin'],
    element: <PersonStatisticsPage />,
  },
  {
    key: 'audit',
    path: '/audit',
    group: 'control',
    label: { vi: 'Nhật ký kiểm toán', en: 'Audit trail' },
    icon: <AuditOutlined />,
    roles: ['inspector', 'admin'],
    element: <AuditPage />,
  },
  {
    key: 'users',
    path: '/users',
    group: 'control',
    label: { vi: 'Người dùng', en: 'Users' },
    icon: <TeamOutlined />,
    roles: ['admin'],
    element: <UsersPage />,
  },
  {
    key: 'security',
    path: '/account/security',
    group: 'control',
    label: { vi: 'Bảo mật tài khoản', en: 'Account security' },
    icon: <SafetyOutlined />,
    element: <SecurityPage />,
  },
];

export function findModule(pathname: string): FeatureModule | undefined {
  const normalized = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return MODULES.find((module) => module.path === normalized);
}
