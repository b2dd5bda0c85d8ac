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
  // Work programme and document register
  'att.help': 'PDF hoặc DOCX, tối đa {mb} MB; hệ thống ghi mã kiểm tra SHA-256 của tệp',
  'att.none': 'Chưa có tệp đính kèm',
  'att.title': 'Tệp đính kèm',
  'att.upload': 'Đính kèm tệp',
  'att.uploaded': 'Đã đính kèm: {name}',
  'doc.add': 'Vào sổ văn bản',
  'doc.addOutcome': 'Vào sổ văn bản kết quả của {code}',
  'doc.allTypes': 'Mọi loại văn bản',
  'doc.completesItem': 'Ghi nhận đề án, nhiệm vụ đã hoàn thành vào ngày ban hành văn bản này',
  'doc.created': 'Đã vào sổ văn bản {number}',
  'doc.dateUnconfirmed': 'Chưa xác minh ngày',
  'doc.detail': 'Chi tiết văn bản',
  'doc.effectiveFrom': 'Ngày có hiệu lực',
  'doc.effectiveFromHelp': 'Để trống nếu có hiệu lực từ ngày ký',
  'doc.effectiveTo': 'Hết hiệu lực từ',
  'doc.empty': 'Không có văn bản nào phù hợp',
  'doc.fromDate': 'từ {on}',
  'doc.intro': 'Văn bản đã ban hành theo loại, số hiệu, cơ quan ban hành; quan hệ triển khai, sửa đổi, thay thế và tệp đính kèm.',
  'doc.issuedOn': 'Ngày ban hành',
  'doc.issuingBody': 'Cơ quan ban hành',
  'doc.keeper': 'Đơn vị lưu sổ',
  'doc.keeperHelp': 'Đơn vị tham mưu hoặc chủ trì ban hành; văn bản được tính vào tổng hợp năm của đơn vị này',
  'doc.noRelations': 'Chưa ghi nhận quan hệ với văn bản khác',
  'doc.noScheme': 'Cơ quan này không ban hành loại văn bản đã chọn',
  'doc.number': 'Số hiệu',
  'doc.numberChoose': 'Chọn loại văn bản và cơ quan ban hành để xem mẫu số hiệu',
  'doc.numberHint': 'Mẫu số hiệu: {pattern}',
  'doc.or': 'hoặc',
  'doc.outcomeOf': 'Kết quả của: {title}',
  'doc.pageTitle': 'Sổ văn bản',
  'doc.participation': 'Hình thức',
  'doc.relationAdd': 'Ghi quan hệ',
  'doc.relationAdded': 'Đã ghi quan hệ giữa hai văn bản',
  'doc.relationFrom': 'Hiệu lực từ ngày',
  'doc.relationTarget': 'Tìm văn bản liên quan theo số hoặc trích yếu',
  'doc.relations': 'Quan hệ với văn bản khác',
  'doc.replacedBy': 'Đã bị thay thế bởi {by} từ ngày {on}',
  'doc.replacedByShort': 'bởi {by}',
  'doc.search': 'Tìm theo số hiệu, trích yếu, nội dung tóm tắt (gõ có dấu hay không dấu đều được)',
  'doc.signer': 'Người ký',
  'doc.status': 'Hiệu lực',
  'doc.summary': 'Tóm tắt nội dung',
  'doc.title': 'Trích yếu',
  'doc.total': 'Tổng số {n} văn bản',
  'doc.type': 'Loại văn bản',
  'doc.visibility': 'Phạm vi xem',
  'doc.year': 'Năm',
  'prog.add': 'Thêm đề án, nhiệm vụ',
  'prog.addOutcome': 'Vào sổ văn bản kết quả',
  'prog.allStatuses': 'Mọi trạng thái',
  'prog.applyStatus': 'Cập nhật trạng thái',
  'prog.assignedBy': 'giao bởi',
  'prog.assigningBody': 'Cơ quan giao',
  'prog.byBody': 'Theo cơ quan giao',
  'prog.byLeadUnit': 'Theo đơn vị chủ trì',
  'prog.changeStatus': 'Chọn trạng thái mới',
  'prog.code': 'Mã',
  'prog.codeHelp': 'Ví dụ TQ-2026-07; không trùng trong cùng đơn vị chủ trì',
  'prog.completedOn': 'Ngày hoàn thành',
  'prog.coordinators': 'Đơn vị phối hợp',
  'prog.count': 'Số lượng',
  'prog.created': 'Đã thêm {code}',
  'prog.detail': 'Chi tiết đề án, nhiệm vụ',
  'prog.doneTotal': 'Hoàn thành / tổng số',
  'prog.dueIn': 'còn {n} ngày',
  'prog.dueOn': 'Hạn hoàn thành',
  'prog.dueToday': 'đến hạn hôm nay',
  'prog.exportDocx': 'Tải báo cáo Word (.docx)',
  'prog.exportXlsx': 'Tải bảng Excel (.xlsx)',
  'prog.intro':
    'Đề án, tờ trình, báo cáo, nhiệm vụ được giao theo chương trình công tác; tiến độ, kết quả và văn bản ban hành trong năm.',
  'prog.itemTitle': 'Tên đề án, nhiệm vụ',
  'prog.kind': 'Loại',
  'prog.leadUnit': 'Đơn vị chủ trì',
  'prog.markDone': 'Đã xong hôm nay',
  'prog.milestoneDone': 'xong ngày {on}',
  'prog.milestoneDue': 'hạn {on}',
  'prog.milestones': 'Các mốc tiến độ',
  'prog.milestonesHelp': 'Hạn của từng bước (không bắt buộc), không muộn hơn hạn hoàn thành',
  'prog.month': 'T{m}',
  'prog.nextMilestone': 'mốc cần làm',
  'prog.noDocuments': 'Chưa có văn bản nào trong năm',
  'prog.noItems': 'Chưa có đề án, nhiệm vụ nào',
  'prog.noMilestones': 'Chưa đặt mốc tiến độ',
  'prog.noOutcomes': 'Chưa có văn bản kết quả',
  'prog.noOverdue': 'Không có việc quá hạn',
  'prog.noReminders': 'Không có việc nào sắp đến hạn',
  'prog.onTrack': 'Đang thực hiện',
  'prog.open': 'Mở chương trình công tác',
  'prog.outcomes': 'Văn bản kết quả',
  'prog.overdue': 'Quá hạn',
  'prog.overdueBy': 'quá hạn {n} ngày',
  'prog.overdueItems': 'Việc quá hạn',
  'prog.overdueTag': 'Quá hạn',
  'prog.percentDone': 'Tỷ lệ hoàn thành',
  'prog.proposalsLine': 'Đề án: hoàn thành {done}/{total}',
  'prog.remindersTitle': 'Việc của tôi đến hạn trong {n} ngày tới',
  'prog.responsible': 'Người phụ trách',
  'prog.responsibleHelp': 'Người phụ trách sẽ thấy nhắc việc trên trang chủ khi gần đến hạn',
  'prog.saved': 'Đã lưu',
  'prog.scope': 'Phạm vi',
  'prog.scopeAll': 'Toàn bộ phạm vi được phân quyền',
  'prog.search': 'Tìm theo mã, tên, nội dung (có dấu hay không dấu đều được)',
  'prog.sentenceTitle': 'Kết quả năm {year}',
  'prog.status': 'Trạng thái',
  'prog.summary': 'Nội dung chính',
  'prog.tabItems': 'Danh sách đề án, nhiệm vụ',
  'prog.tabProgress': 'Theo dõi tiến độ',
  'prog.tabSummary': 'Tổng hợp kết quả năm',
  'prog.timeline': 'Biểu đồ tiến độ trong năm',
  'prog.title': 'Chương trình công tác',
  'prog.today': 'Hôm nay',
  'prog.total': 'Tổng số {n} đề án, nhiệm vụ',
  'prog.year': 'Năm',
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
  // Work programme and document register
  'att.help': 'PDF or DOCX, up to {mb} MB; the file’s SHA-256 checksum is recorded',
  'att.none': 'No attachments yet',
  'att.title': 'Attachments',
  'att.upload': 'Attach a file',
  'att.uploaded': 'Attached: {name}',
  'doc.add': 'Register a document',
  'doc.addOutcome': 'Register the outcome document of {code}',
  'doc.allTypes': 'All document types',
  'doc.completesItem': 'Mark the item completed on this document’s date of issue',
  'doc.created': 'Document {number} registered',
  'doc.dateUnconfirmed': 'Date not verified',
  'doc.detail': 'Document details',
  'doc.effectiveFrom': 'Effective from',
  'doc.effectiveFromHelp': 'Leave empty when effective on signature',
  'doc.effectiveTo': 'No longer in force from',
  'doc.empty': 'No matching documents',
  'doc.fromDate': 'from {on}',
  'doc.intro': 'Issued documents by type, number and issuing body; what they implement, amend or replace, and their files.',
  'doc.issuedOn': 'Date of issue',
  'doc.issuingBody': 'Issuing body',
  'doc.keeper': 'Registering unit',
  'doc.keeperHelp': 'The unit that advised on or issued it; the document counts in this unit’s year summary',
  'doc.noRelations': 'No relations to other documents recorded',
  'doc.noScheme': 'This body does not issue the chosen type of document',
  'doc.number': 'Number',
  'doc.numberChoose': 'Choose the type and issuing body to see the number pattern',
  'doc.numberHint': 'Number pattern: {pattern}',
  'doc.or': 'or',
  'doc.outcomeOf': 'Outcome of: {title}',
  'doc.pageTitle': 'Document register',
  'doc.participation': 'Role',
  'doc.relationAdd': 'Record relation',
  'doc.relationAdded': 'Relation recorded',
  'doc.relationFrom': 'Effective from',
  'doc.relationTarget': 'Find the related document by number or title',
  'doc.relations': 'Relations to other documents',
  'doc.replacedBy': 'Replaced by {by} from {on}',
  'doc.replacedByShort': 'by {by}',
  'doc.search': 'Search number, title, summary (diacritics optional)',
  'doc.signer': 'Signed by',
  'doc.status': 'Force',
  'doc.summary': 'Summary',
  'doc.title': 'Title',
  'doc.total': '{n} documents',
  'doc.type': 'Type',
  'doc.visibility': 'Visible to',
  'doc.year': 'Year',
  'prog.add': 'Add programme item',
  'prog.addOutcome': 'Register outcome document',
  'prog.allStatuses': 'All statuses',
  'prog.applyStatus': 'Update status',
  'prog.assignedBy': 'assigned by',
  'prog.assigningBody': 'Assigning body',
  'prog.byBody': 'By assigning body',
  'prog.byLeadUnit': 'By lead unit',
  'prog.changeStatus': 'Choose the new status',
  'prog.code': 'Code',
  'prog.codeHelp': 'E.g. TQ-2026-07; unique within the lead unit',
  'prog.completedOn': 'Completed on',
  'prog.coordinators': 'Coordinating units',
  'prog.count': 'Count',
  'prog.created': '{code} added',
  'prog.detail': 'Programme item details',
  'prog.doneTotal': 'Done / total',
  'prog.dueIn': '{n} days left',
  'prog.dueOn': 'Due date',
  'prog.dueToday': 'due today',
  'prog.exportDocx': 'Download Word report (.docx)',
  'prog.exportXlsx': 'Download Excel table (.xlsx)',
  'prog.intro':
    'Proposals, submissions, reports and tasks in the work programme; progress, results and documents issued in the year.',
  'prog.itemTitle': 'Title',
  'prog.kind': 'Kind',
  'prog.leadUnit': 'Lead unit',
  'prog.markDone': 'Done today',
  'prog.milestoneDone': 'done on {on}',
  'prog.milestoneDue': 'due {on}',
  'prog.milestones': 'Milestones',
  'prog.milestonesHelp': 'Due date of each step (optional), not after the item’s due date',
  'prog.month': 'M{m}',
  'prog.nextMilestone': 'next milestone',
  'prog.noDocuments': 'No documents this year',
  'prog.noItems': 'No programme items',
  'prog.noMilestones': 'No milestones set',
  'prog.noOutcomes': 'No outcome documents yet',
  'prog.noOverdue': 'Nothing overdue',
  'prog.noReminders': 'Nothing due soon',
  'prog.onTrack': 'In progress',
  'prog.open': 'Open the work programme',
  'prog.outcomes': 'Outcome documents',
  'prog.overdue': 'Overdue',
  'prog.overdueBy': 'overdue by {n} days',
  'prog.overdueItems': 'Overdue items',
  'prog.overdueTag': 'Overdue',
  'prog.percentDone': 'Completion rate',
  'prog.proposalsLine': 'Proposals: {done}/{total} completed',
  'prog.remindersTitle': 'My items due in the next {n} days',
  'prog.responsible': 'Responsible people',
  'prog.responsibleHelp': 'Responsible people see a reminder on their home page as the due date nears',
  'prog.saved': 'Saved',
  'prog.scope': 'Scope',
  'prog.scopeAll': 'All of your scope',
  'prog.search': 'Search code, title, content (diacritics optional)',
  'prog.sentenceTitle': 'Results of {year}',
  'prog.status': 'Status',
  'prog.summary': 'Main content',
  'prog.tabItems': 'Items',
  'prog.tabProgress': 'Progress',
  'prog.tabSummary': 'Year summary',
  'prog.timeline': 'Timeline of the year',
  'prog.title': 'Work programme',
  'prog.today': 'Today',
  'prog.total': '{n} items',
  'prog.year': 'Year',
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
