import type { ReactElement } from 'react';
import {
  AuditOutlined,
  ApartmentOutlined,
  BookOutlined,
  ReadOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  FileProtectOutlined,
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
import { PersonStatisticsPage } from './persons/PersonStatisticsPage';
import { PersonsPage } from './persons/PersonsPage';
import { UsersPage } from './users/UsersPage';
import { VotesPage } from './votes/VotesPage';

export interface FeatureModule {
  key: string;
  path: string;
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
    label: { vi: 'Tổ chức', en: 'Organizations' },
    icon: <ApartmentOutlined />,
    element: <OrganizationsPage />,
  },
  {
    key: 'planning',
    path: '/planning',
    label: { vi: 'Quy hoạch cán bộ', en: 'Cadre planning' },
    icon: <TeamOutlined />,
    roles: ['officer', 'leader', 'inspector', 'admin'],
    element: <PlanningPage />,
  },
  {
    key: 'votes',
    path: '/votes',
    label: { vi: 'Lấy phiếu tín nhiệm', en: 'Votes' },
    icon: <CheckSquareOutlined />,
    roles: ['officer', 'leader', 'tally', 'inspector', 'admin', 'credential_authority'],
    element: <VotesPage />,
  },
  {
    key: 'decisions',
    path: '/decisions',
    label: { vi: 'Quyết định nhân sự', en: 'Personnel decisions' },
    icon: <SafetyOutlined />,
    roles: ['officer', 'leader', 'inspector', 'admin'],
    element: <DecisionsPage />,
  },
  {
    key: 'programme',
    path: '/programme',
    label: { vi: 'Chương trình công tác', en: 'Work programme' },
    icon: <ProjectOutlined />,
    roles: ['officer', 'leader', 'inspector', 'admin'],
    element: <ProgrammePage />,
  },
  {
    key: 'documents',
    path: '/documents',
    label: { vi: 'Sổ văn bản', en: 'Document register' },
    icon: <FileProtectOutlined />,
    element: <DocumentsPage />,
  },
  {
    key: 'evaluations',
    path: '/evaluations',
    label: { vi: 'Đánh giá, xếp loại', en: 'Evaluation' },
    icon: <StarOutlined />,
    roles: ['officer', 'leader', 'inspector', 'admin', 'cadre'],
    element: <EvaluationsPage />,
  },
  {
    key: 'training',
    path: '/training',
    label: { vi: 'Đào tạo, bồi dưỡng', en: 'Training' },
    icon: <ReadOutlined />,
    roles: ['officer', 'leader', 'inspector', 'admin'],
    element: <TrainingPage />,
  },
  {
    key: 'policy',
    path: '/policy',
    label: { vi: 'Quy định, tiêu chuẩn', en: 'Rules and standards' },
    icon: <BookOutlined />,
    element: <PolicyPage />,
  },
  {
    key: 'retirement',
    path: '/retirement',
    label: { vi: 'Tính thời điểm nghỉ hưu', en: 'Retirement calculator' },
    icon: <CalendarOutlined />,
    element: <RetirementPage />,
  },
  {
    key: 'org-tree',
    path: '/org-tree',
    label: { vi: 'Cây tổ chức, sơ đồ vị trí', en: 'Tree and org charts' },
    icon: <ClusterOutlined />,
    element: <OrgTreePage />,
  },
  {
    key: 'restructuring',
    path: '/restructuring',
    label: { vi: 'Sắp xếp tổ chức', en: 'Restructuring' },
    icon: <BranchesOutlined />,
    roles: ['officer', 'leader', 'inspector', 'admin'],
    element: <RestructuringPage />,
  },
  {
    key: 'staffing',
    path: '/staffing',
    label: { vi: 'Biên chế, vị trí việc làm', en: 'Staffing and job positions' },
    icon: <BarChartOutlined />,
    roles: ['officer', 'leader', 'inspector', 'admin'],
    element: <StaffingPage />,
  },
  {
    key: 'titles',
    path: '/titles',
    label: { vi: 'Danh mục chức danh', en: 'Title catalog' },
    icon: <OrderedListOutlined />,
    element: <TitlesPage />,
  },
  {
    key: 'persons',
    path: '/persons',
    label: { vi: 'Hồ sơ cán bộ', en: 'Cadre records' },
    icon: <IdcardOutlined />,
    element: <PersonsPage />,
  },
  {
    key: 'persons-import',
    path: '/persons/import',
    label: { vi: 'Nhập hồ sơ', en: 'Import records' },
    icon: <ImportOutlined />,
    roles: ['officer', 'admin'],
    element: <ImportPersonsPage />,
  },
  {
    key: 'persons-declarations',
    path: '/persons/declarations',
    label: { vi: 'Duyệt kê khai', en: 'Declarations' },
    icon: <CheckSquareOutlined />,
    roles: ['officer', 'admin'],
    element: <DeclarationsPage />,
  },
  {
    key: 'persons-statistics',
    path: '/persons/statistics',
    label: { vi: 'Thống kê đội ngũ', en: 'Workforce statistics' },
    icon: <BarChartOutlined />,
    roles: ['officer', 'leader', 'inspector', 'admin'],
    element: <PersonStatisticsPage />,
  },
  {
    key: 'audit',
    path: '/audit',
    label: { vi: 'Nhật ký kiểm toán', en: 'Audit trail' },
    icon: <AuditOutlined />,
    roles: ['inspector', 'admin'],
    element: <AuditPage />,
  },
  {
    key: 'users',
    path: '/users',
    label: { vi: 'Người dùng', en: 'Users' },
    icon: <TeamOutlined />,
    roles: ['admin'],
    element: <UsersPage />,
  },
  {
    key: 'security',
    path: '/account/security',
    label: { vi: 'Bảo mật tài khoản', en: 'Account security' },
    icon: <SafetyOutlined />,
    element: <SecurityPage />,
  },
];

export function findModule(pathname: string): FeatureModule | undefined {
  const normalized = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return MODULES.find((module) => module.path === normalized);
}
