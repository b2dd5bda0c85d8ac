import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { theme } from './theme';

export type Lang = 'vi' | 'en';
/** A label in both languages, the shape contracts use for enum labels. */
export type Bilingual = { vi: string; en: string };

// Vietnamese is the reference dictionary: English must provide exactly the same keys.
const vi = {
  'app.name': 'CanBo',
  'app.tagline': 'Hệ thống quản lý công tác cán bộ',
  'common.cancel': 'Hủy',
  'common.save': 'Lưu',
  'common.retry': 'Thử lại',
  'common.none': 'Không có',
  'common.requestId': 'Mã yêu cầu',
  'common.networkError': 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  'common.fixErrors': 'Vui lòng kiểm tra lại các trường được đánh dấu.',
  'common.required': 'Vui lòng nhập thông tin này',
  'common.requiredSelect': 'Vui lòng chọn một giá trị',
  'common.pageTotal': 'Tổng số {n}',
  'common.language': 'Ngôn ngữ',
  'page.notFound': 'Không tìm thấy trang bạn yêu cầu.',
  'page.forbidden': 'Bạn không có quyền xem trang này.',
  'page.backHome': 'Về trang chủ',
  'login.username': 'Tên đăng nhập',
  'login.password': 'Mật khẩu',
  'login.totp': 'Mã xác thực (TOTP)',
  'login.totpHelp': 'Tài khoản này bật xác thực hai lớp: nhập mã 6 chữ số trong ứng dụng xác thực.',
  'login.totpInvalid': 'Mã xác thực gồm đúng 6 chữ số',
  'login.usernameRequired': 'Vui lòng nhập tên đăng nhập',
  'login.passwordRequired': 'Vui lòng nhập mật khẩu',
  'login.submit': 'Đăng nhập',
  'login.failed': 'Đăng nhập không thành công',
  'login.footer': 'Phần mềm mã nguồn mở phục vụ công tác tổ chức, cán bộ',
  'shell.logout': 'Đăng xuất',
  'shell.grants': 'Vai trò và phạm vi',
  'shell.noGrants': 'Chưa được phân quyền',
  'home.greeting': 'Xin chào, {name}',
  'home.scope': 'Phạm vi quản lý',
  'home.intro': 'Số liệu dưới đây tính trong phạm vi các đơn vị bạn được phân quyền.',
  'home.organizations': 'Tổ chức, đơn vị',
  'home.users': 'Người dùng',
  'home.auditToday': 'Thao tác được ghi nhật ký hôm nay',
  'org.title': 'Tổ chức, đơn vị',
  'org.intro': 'Danh sách các cơ quan, tổ chức, đơn vị trong phạm vi bạn được phân quyền.',
  'org.search': 'Tìm theo mã hoặc tên đơn vị (gõ có dấu hay không dấu đều được)',
  'org.add': 'Thêm đơn vị',
  'org.code': 'Mã đơn vị',
  'org.codeHelp': 'Chữ in hoa không dấu, chữ số và các ký tự . _ -',
  'org.name': 'Tên đơn vị',
  'org.shortName': 'Tên viết tắt',
  'org.kind': 'Loại hình',
  'org.level': 'Cấp',
  'org.parent': 'Đơn vị cấp trên',
  'org.parentSearch': 'Gõ tên hoặc mã để tìm đơn vị cấp trên',
  'org.created': 'Đã thêm đơn vị: {name}',
  'org.empty': 'Không có đơn vị nào phù hợp',
  'org.total': 'Tổng số {n} đơn vị',
  'audit.title': 'Nhật ký kiểm toán',
  'audit.intro':
    'Mọi thay đổi dữ liệu được ghi nối tiếp thành chuỗi băm: không ai có thể sửa, chèn hay xóa một mục mà không bị phát hiện khi kiểm tra.',
  'audit.seq': 'Số thứ tự',
  'audit.at': 'Thời gian',
  'audit.actor': 'Người thực hiện',
  'audit.system': 'Hệ thống',
  'audit.action': 'Thao tác',
  'audit.entity': 'Đối tượng',
  'audit.entityId': 'Mã đối tượng',
  'audit.hash': 'Mã băm',
  'audit.before': 'Dữ liệu trước khi thay đổi',
  'audit.after': 'Dữ liệu sau khi thay đổi',
  'audit.verify': 'Kiểm tra tính toàn vẹn',
  'audit.verifyOk': 'Nhật ký toàn vẹn',
  'audit.verifyOkDetail': 'Đã kiểm tra {n} mục, không phát hiện sai lệch.',
  'audit.verifyFail': 'Phát hiện sai lệch tại mục số {seq}',
  'audit.empty': 'Chưa có mục nhật ký nào',
  'audit.total': 'Tổng số {n} mục',
  'users.title': 'Người dùng',
  'users.intro': 'Tài khoản đăng nhập, vai trò và phạm vi đơn vị của từng người.',
  'users.add': 'Thêm người dùng',
  'users.username': 'Tên đăng nhập',
  'users.usernameHelp': 'Chữ thường không dấu, chữ số và các ký tự . _ -',
  'users.fullName': 'Họ và tên',
  'users.password': 'Mật khẩu ban đầu',
  'users.passwordHelp': 'Ít nhất {n} ký tự',
  'users.status': 'Trạng thái',
  'users.locked': 'Đang bị khóa',
  'users.active': 'Đang hoạt động',
  'users.grants': 'Vai trò — đơn vị',
  'users.role': 'Vai trò',
  'users.organization': 'Đơn vị (phạm vi)',
  'users.addGrant': 'Thêm vai trò',
  'users.removeGrant': 'Bỏ vai trò này',
  'users.created': 'Đã tạo tài khoản: {name}',
  'users.total': 'Tổng số {n} người dùng',
  'policy.title': 'Quy định, tiêu chuẩn',
  'policy.intro':
    'Các bộ quy định về công tác cán bộ: mỗi quy định có căn cứ văn bản và thời gian hiệu lực. Việc kiểm tra luôn dùng quy định có hiệu lực vào ngày xem xét.',
  'policy.tab.packs': 'Bộ quy định',
  'policy.tab.rules': 'Quy định có hiệu lực',
  'policy.tab.diff': 'So sánh thay đổi',
  'policy.tab.check': 'Kiểm tra điều kiện',
  'policy.pack': 'Bộ quy định',
  'policy.scopeHeader': 'Phạm vi',
  'policy.scope.national': 'Toàn quốc',
  'policy.scope.local': 'Riêng của địa phương',
  'policy.period': 'Thời gian hiệu lực',
  'policy.fromOnly': 'Từ {from}',
  'policy.fromTo': '{from} – {to}',
  'policy.ruleCount': 'Số quy định',
  'policy.unconfirmed': 'Chưa xác minh',
  'policy.confirmed': 'Đã xác minh',
  'policy.unconfirmedHelp': 'Quy định chưa xác minh chỉ đưa ra cảnh báo, không bao giờ chặn.',
  'policy.approval.pending': 'Chờ phê duyệt',
  'policy.approval.approved': 'Đã phê duyệt',
  'policy.approval.stale': 'Đã sửa sau khi duyệt, cần duyệt lại',
  'policy.approvedBy': 'Phê duyệt bởi {name} lúc {at}',
  'policy.approve': 'Phê duyệt',
  'policy.approveTitle': 'Phê duyệt bộ quy định riêng: {name}',
  'policy.approveNote': 'Căn cứ phê duyệt (số tờ trình, ý kiến thẩm định)',
  'policy.approveHelp':
    'Sau khi phê duyệt, các thông số này áp dụng cho đơn vị {org} và các đơn vị trực thuộc. Việc phê duyệt được ghi nhật ký kiểm toán.',
  'policy.approvedDone': 'Đã phê duyệt bộ quy định {name}',
  'policy.viewRules': 'Xem quy định',
  'policy.date': 'Ngày xem xét',
  'policy.track': 'Khối',
  'policy.organization': 'Đơn vị (để áp dụng quy định riêng của địa phương)',
  'policy.organizationAny': 'Không chọn: chỉ quy định toàn quốc',
  'policy.rule': 'Quy định',
  'policy.citation': 'Căn cứ',
  'policy.status': 'Tình trạng',
  'policy.params': 'Thông số',
  'policy.note': 'Ghi chú',
  'policy.text': 'Nội dung',
  'policy.versions': 'Các phiên bản theo thời gian',
  'policy.localChanged': 'Điều chỉnh theo quy định riêng "{pack}"',
  'policy.localBounds': 'Địa phương được điều chỉnh trong khoảng: {list}',
  'policy.search': 'Tìm theo mã, tên quy định hoặc số văn bản',
  'policy.ruleTotal': '{n} quy định',
  'policy.diff.byDates': 'Giữa hai ngày',
  'policy.diff.byPacks': 'Giữa hai bộ quy định',
  'policy.diff.from': 'Trước',
  'policy.diff.to': 'Sau',
  'policy.diff.onlyChanges': 'Chỉ hiện quy định có thay đổi',
  'policy.diff.fields': 'Nội dung thay đổi',
  'policy.diff.summary': '{added} bổ sung · {removed} không còn · {changed} thay đổi · {unchanged} giữ nguyên',
  'policy.diff.run': 'So sánh',
  'policy.change.added': 'Bổ sung',
  'policy.change.removed': 'Không còn áp dụng',
  'policy.change.changed': 'Thay đổi',
  'policy.change.unchanged': 'Giữ nguyên',
  'check.intro':
    'Nhập thông tin của cán bộ theo hồ sơ và chức danh dự kiến; hệ thống áp dụng đúng quy định có hiệu lực vào ngày xem xét và nêu căn cứ của từng kết luận.',
  'check.example': 'Điền ví dụ',
  'check.person': 'Cán bộ',
  'check.target': 'Chức danh dự kiến',
  'check.sex': 'Giới tính',
  'check.birth': 'Ngày sinh',
  'check.birthHelp': 'Năm (1975), tháng/năm (05/1975) hoặc ngày/tháng/năm (20/05/1975)',
  'check.birthInvalid': 'Nhập năm, tháng/năm hoặc ngày/tháng/năm',
  'check.currentRank': 'Bậc chức danh đang giữ',
  'check.rankHelp': 'Theo danh mục chức danh: bậc 1 là cao nhất; để trống nếu chưa giữ chức vụ',
  'check.currentPostSince': 'Ngày bắt đầu giữ chức vụ hiện tại',
  'check.theory': 'Lý luận chính trị',
  'check.education': 'Trình độ chuyên môn',
  'check.stateManagement': 'Quản lý nhà nước',
  'check.inPlan': 'Có trong quy hoạch chức danh này',
  'check.politicalStandard': 'Đã có kết luận tiêu chuẩn chính trị',
  'check.femaleLeader': 'Nữ lãnh đạo thuộc diện Nghị định 83/2022 (công tác đến 60 tuổi)',
  'check.disciplines': 'Kỷ luật',
  'check.addDiscipline': 'Thêm quyết định kỷ luật',
  'check.disciplineLevel': 'Hình thức',
  'check.disciplineDate': 'Ngày quyết định',
  'check.ratings': 'Xếp loại chất lượng 3 năm gần nhất',
  'check.noRating': 'Chưa có',
  'check.titleName': 'Tên chức danh',
  'check.targetRank': 'Bậc của chức danh',
  'check.requiredTheory': 'Yêu cầu lý luận chính trị',
  'check.requiredEducation': 'Yêu cầu trình độ chuyên môn',
  'check.requiredStateManagement': 'Yêu cầu quản lý nhà nước',
  'check.purpose': 'Xem xét để',
  'check.planningReference': 'Mốc tính tuổi quy hoạch (Hướng dẫn 45)',
  'check.planningReferenceNone': 'Tính tại ngày xem xét',
  'check.specialCase': 'Trường hợp đặc biệt được cấp có thẩm quyền đồng ý (ít nhất 48 tháng)',
  'check.submit': 'Kiểm tra',
  'check.eligible': 'Đủ điều kiện, tiêu chuẩn',
  'check.notEligible': 'Chưa đủ điều kiện: không đạt {n} yêu cầu',
  'check.oneShort': 'Chỉ còn thiếu một yêu cầu',
  'check.appliedOn': 'Theo quy định có hiệu lực ngày {date} ({track})',
  'check.warnings': '{n} cảnh báo cần lưu ý',
  'check.recordsNote': 'Khi có phân hệ hồ sơ cán bộ, thông tin sẽ được lấy từ hồ sơ; hiện nhập trực tiếp.',
  'verdict.passed': 'Đạt',
  'verdict.warning': 'Cảnh báo',
  'verdict.failed': 'Không đạt',
  'retire.title': 'Tính thời điểm nghỉ hưu',
  'retire.intro':
    'Theo lộ trình tuổi nghỉ hưu của Bộ luật Lao động 2019 (Điều 169) và Nghị định 135/2020/NĐ-CP. Nếu chỉ biết năm sinh, tính như sinh ngày 01/01.',
  'retire.sex': 'Giới tính',
  'retire.birth': 'Ngày sinh',
  'retire.submit': 'Tính',
  'retire.age': 'Tuổi nghỉ hưu',
  'retire.ageValue': '{y} tuổi {m} tháng',
  'retire.ageYears': '{y} tuổi',
  'retire.date': 'Thời điểm nghỉ hưu',
  'retire.pension': 'Hưởng lương hưu từ',
  'retire.basis': 'Căn cứ',
  'retire.public': 'Trang này dùng được không cần đăng nhập.',
  'retire.signIn': 'Đăng nhập hệ thống',
  'sex.M': 'Nam',
  'sex.F': 'Nữ',
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  'app.name': 'CanBo',
  'app.tagline': 'Cadre and personnel work management system',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.retry': 'Retry',
  'common.none': 'None',
  'common.requestId': 'Request ID',
  'common.networkError': 'Cannot reach the server. Please check the network and try again.',
  'common.fixErrors': 'Please check the highlighted fields.',
  'common.required': 'This field is required',
  'common.requiredSelect': 'Please choose a value',
  'common.pageTotal': '{n} in total',
  'common.language': 'Language',
  'page.notFound': 'The page you asked for does not exist.',
  'page.forbidden': 'You are not allowed to view this page.',
  'page.backHome': 'Back to home',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.totp': 'Authentication code (TOTP)',
  'login.totpHelp': 'This account uses two-factor authentication: enter the 6-digit code from your authenticator app.',
  'login.totpInvalid': 'The code has exactly 6 digits',
  'login.usernameRequired': 'Please enter your username',
  'login.passwordRequired': 'Please enter your password',
  'login.submit': 'Sign in',
  'login.failed': 'Sign-in failed',
  'login.footer': 'Open-source software for personnel and organization work',
  'shell.logout': 'Sign out',
  'shell.grants': 'Roles and scopes',
  'shell.noGrants': 'No roles granted',
  'home.greeting': 'Hello, {name}',
  'home.scope': 'Your scope',
  'home.intro': 'The figures below cover the organizations in your scope.',
  'home.organizations': 'Organizations',
  'home.users': 'Users',
  'home.auditToday': 'Audit entries recorded today',
  'org.title': 'Organizations',
  'org.intro': 'Agencies, organizations and units within your scope.',
  'org.search': 'Search by code or name (diacritics optional)',
  'org.add': 'Add organization',
  'org.code': 'Code',
  'org.codeHelp': 'Capital letters without diacritics, digits and . _ -',
  'org.name': 'Name',
  'org.shortName': 'Short name',
  'org.kind': 'Kind',
  'org.level': 'Level',
  'org.parent': 'Parent organization',
  'org.parentSearch': 'Type a name or code to find the parent',
  'org.created': 'Organization added: {name}',
  'org.empty': 'No matching organizations',
  'org.total': '{n} organizations',
  'audit.title': 'Audit trail',
  'audit.intro':
    'Every data change is appended to a hash chain: nobody can alter, insert or delete an entry without the check detecting it.',
  'audit.seq': 'No.',
  'audit.at': 'Time',
  'audit.actor': 'Actor',
  'audit.system': 'System',
  'audit.action': 'Action',
  'audit.entity': 'Entity',
  'audit.entityId': 'Entity ID',
  'audit.hash': 'Hash',
  'audit.before': 'Data before the change',
  'audit.after': 'Data after the change',
  'audit.verify': 'Verify integrity',
  'audit.verifyOk': 'The audit trail is intact',
  'audit.verifyOkDetail': 'Checked {n} entries, no discrepancy found.',
  'audit.verifyFail': 'Discrepancy found at entry {seq}',
  'audit.empty': 'No audit entries yet',
  'audit.total': '{n} entries',
  'users.title': 'Users',
  'users.intro': 'Sign-in accounts with each person’s roles and organization scope.',
  'users.add': 'Add user',
  'users.username': 'Username',
  'users.usernameHelp': 'Lower-case letters without diacritics, digits and . _ -',
  'users.fullName': 'Full name',
  'users.password': 'Initial password',
  'users.passwordHelp': 'At least {n} characters',
  'users.status': 'Status',
  'users.locked': 'Locked',
  'users.active': 'Active',
  'users.grants': 'Role — organization',
  'users.role': 'Role',
  'users.organization': 'Organization (scope)',
  'users.addGrant': 'Add role',
  'users.removeGrant': 'Remove this role',
  'users.created': 'Account created: {name}',
  'users.total': '{n} users',
  'policy.title': 'Rules and standards',
  'policy.intro':
    'The rule packs of cadre work: every rule has its source document and period. Checks always use the rules in force on the date considered.',
  'policy.tab.packs': 'Rule packs',
  'policy.tab.rules': 'Rules in force',
  'policy.tab.diff': 'What changed',
  'policy.tab.check': 'Eligibility check',
  'policy.pack': 'Pack',
  'policy.scopeHeader': 'Scope',
  'policy.scope.national': 'National',
  'policy.scope.local': 'Local',
  'policy.period': 'In force',
  'policy.fromOnly': 'From {from}',
  'policy.fromTo': '{from} – {to}',
  'policy.ruleCount': 'Rules',
  'policy.unconfirmed': 'Unconfirmed',
  'policy.confirmed': 'Confirmed',
  'policy.unconfirmedHelp': 'An unconfirmed rule only warns; it never blocks.',
  'policy.approval.pending': 'Awaiting approval',
  'policy.approval.approved': 'Approved',
  'policy.approval.stale': 'Edited after approval, needs approving again',
  'policy.approvedBy': 'Approved by {name} at {at}',
  'policy.approve': 'Approve',
  'policy.approveTitle': 'Approve local pack: {name}',
  'policy.approveNote': 'Grounds for approval (submission number, review opinion)',
  'policy.approveHelp':
    'Once approved, these numbers apply to {org} and every unit under it. The approval is recorded in the audit trail.',
  'policy.approvedDone': 'Approved {name}',
  'policy.viewRules': 'View rules',
  'policy.date': 'Date considered',
  'policy.track': 'Track',
  'policy.organization': 'Unit (to apply its local rules)',
  'policy.organizationAny': 'None: national rules only',
  'policy.rule': 'Rule',
  'policy.citation': 'Source',
  'policy.status': 'Status',
  'policy.params': 'Parameters',
  'policy.note': 'Note',
  'policy.text': 'Text',
  'policy.versions': 'Versions over time',
  'policy.localChanged': 'Adjusted by the local pack "{pack}"',
  'policy.localBounds': 'A local pack may adjust within: {list}',
  'policy.search': 'Search by id, rule title or document number',
  'policy.ruleTotal': '{n} rules',
  'policy.diff.byDates': 'Between two dates',
  'policy.diff.byPacks': 'Between two packs',
  'policy.diff.from': 'Before',
  'policy.diff.to': 'After',
  'policy.diff.onlyChanges': 'Only rules that changed',
  'policy.diff.fields': 'What changed',
  'policy.diff.summary': '{added} added · {removed} removed · {changed} changed · {unchanged} unchanged',
  'policy.diff.run': 'Compare',
  'policy.change.added': 'Added',
  'policy.change.removed': 'Removed',
  'policy.change.changed': 'Changed',
  'policy.change.unchanged': 'Unchanged',
  'check.intro':
    "Enter the cadre's record and the intended title; the rules in force on the date considered are applied and every conclusion names its source.",
  'check.example': 'Fill an example',
  'check.person': 'Cadre',
  'check.target': 'Intended title',
  'check.sex': 'Sex',
  'check.birth': 'Birth date',
  'check.birthHelp': 'Year (1975), month/year (05/1975) or day/month/year (20/05/1975)',
  'check.birthInvalid': 'Enter a year, month/year or day/month/year',
  'check.currentRank': 'Rank of the title held',
  'check.rankHelp': 'From the title catalog: rank 1 is the highest; leave empty if no post is held',
  'check.currentPostSince': 'In the current post since',
  'check.theory': 'Political theory',
  'check.education': 'Education',
  'check.stateManagement': 'State management',
  'check.inPlan': 'In the plan for this title',
  'check.politicalStandard': 'Political-standard conclusion on file',
  'check.femaleLeader': 'Female leader under Decree 83/2022 (works to 60)',
  'check.disciplines': 'Discipline',
  'check.addDiscipline': 'Add a discipline decision',
  'check.disciplineLevel': 'Level',
  'check.disciplineDate': 'Decided on',
  'check.ratings': 'Ratings of the last 3 years',
  'check.noRating': 'None',
  'check.titleName': 'Title',
  'check.targetRank': 'Rank of the title',
  'check.requiredTheory': 'Political theory required',
  'check.requiredEducation': 'Education required',
  'check.requiredStateManagement': 'State management required',
  'check.purpose': 'Considered for',
  'check.planningReference': 'Planning age reference date (Guideline 45)',
  'check.planningReferenceNone': 'At the date considered',
  'check.specialCase': 'Special case approved by the competent body (at least 48 months)',
  'check.submit': 'Check',
  'check.eligible': 'Eligible',
  'check.notEligible': 'Not eligible: {n} requirements failed',
  'check.oneShort': 'One requirement short',
  'check.appliedOn': 'Rules in force on {date} ({track})',
  'check.warnings': '{n} warnings to note',
  'check.recordsNote': 'Once the cadre records module exists the facts will come from the record; for now they are typed in.',
  'verdict.passed': 'Passed',
  'verdict.warning': 'Warning',
  'verdict.failed': 'Failed',
  'retire.title': 'Retirement date calculator',
  'retire.intro':
    'By the retirement-age schedule of the Labour Code 2019 (art. 169) and Decree 135/2020. When only the birth year is known, 1 January is assumed.',
  'retire.sex': 'Sex',
  'retire.birth': 'Birth date',
  'retire.submit': 'Calculate',
  'retire.age': 'Retirement age',
  'retire.ageValue': '{y} years {m} months',
  'retire.ageYears': '{y} years',
  'retire.date': 'Retires on',
  'retire.pension': 'Pension from',
  'retire.basis': 'Source',
  'retire.public': 'This page works without signing in.',
  'retire.signIn': 'Sign in',
  'sex.M': 'Male',
  'sex.F': 'Female',
};

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { vi, en };
const STORAGE_KEY = 'canbo.lang';

type Vars = Record<string, string | number>;

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  /** Picks the current language from a contracts label such as ROLE_LABELS[role]. */
  label: (text: Bilingual) => string;
}

const I18nContext = createContext<I18n | null>(null);

function readStoredLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi'; // storage can be disabled by browser policy
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not persisted; the switch still works for this tab
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    dayjs.locale(lang);
  }, [lang]);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => interpolate(DICTIONARIES[lang][key], vars),
      label: (text) => text[lang],
    }),
    [lang, setLang],
  );

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={theme}>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** dd/mm/yyyy, whatever the language: the Vietnamese administrative date format. */
export function formatDate(iso: string | null | undefined): string {
  return formatWith(iso, 'DD/MM/YYYY');
}

/** dd/mm/yyyy HH:mm:ss in the browser's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  return formatWith(iso, 'DD/MM/YYYY HH:mm:ss');
}

function formatWith(iso: string | null | undefined, pattern: string): string {
  if (!iso) return '—';
  const value = dayjs(iso);
  return value.isValid() ? value.format(pattern) : iso;
}
