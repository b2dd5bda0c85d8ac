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
  'votes.title': 'Lấy phiếu tín nhiệm, biểu quyết',
  'votes.intro':
    'Các cuộc lấy phiếu trong phạm vi bạn được phân quyền: phiếu giấy nhập hai lần bởi hai thành viên ban kiểm phiếu, kết quả theo quy định đang có hiệu lực.',
  'votes.create': 'Tạo cuộc lấy phiếu',
  'votes.created': 'Đã tạo cuộc lấy phiếu',
  'votes.empty': 'Chưa có cuộc lấy phiếu nào',
  'votes.date': 'Ngày lấy phiếu',
  'votes.titleCol': 'Tên cuộc lấy phiếu',
  'votes.organization': 'Đơn vị tổ chức',
  'votes.kind': 'Loại',
  'votes.mode': 'Hình thức',
  'votes.modePaper': 'Phiếu giấy',
  'votes.status': 'Tình trạng',
  'votes.track': 'Quy định áp dụng',
  'votes.trackHelp': 'Ngưỡng và căn cứ tính tỷ lệ lấy theo văn bản có hiệu lực vào ngày lấy phiếu.',
  'votes.trackParty': 'Khối Đảng, đoàn thể — 96-QĐ/TW',
  'votes.trackState': 'Khối Nhà nước — NĐ 170/2025',
  'votes.voterGroup': 'Thành phần tham gia',
  'votes.voterGroupHelp': 'Ví dụ: Ủy viên Ban Chấp hành Đảng bộ tỉnh',
  'votes.summoned': 'Số người được triệu tập',
  'votes.subjects': 'Người được lấy phiếu',
  'votes.subjectsHelp':
    'Nhập họ tên và chức vụ; khi phân hệ hồ sơ cán bộ hoàn thành sẽ liên kết với hồ sơ. Người thuộc diện không lấy phiếu vẫn ghi vào danh sách kèm lý do.',
  'votes.fullName': 'Họ và tên',
  'votes.position': 'Chức vụ',
  'votes.exemptPlaceholder': 'Không lấy phiếu vì… (nếu có)',
  'votes.removeSubject': 'Bỏ người này',
  'votes.addSubject': 'Thêm người',
  'votes.back': 'Danh sách cuộc lấy phiếu',
  'votes.record': 'Tải biên bản kiểm phiếu (.docx)',
  'votes.boardHash': 'Mã băm kết quả',
  'votes.noHashYet': 'Chưa có (kết quả chưa được xác nhận)',
  'votes.no': 'TT',
  'votes.exempt': 'Không lấy phiếu',
  'votes.doubleEntry': 'Nhập kết quả kiểm phiếu (hai lần, hai người)',
  'votes.doubleEntryHelp':
    'Hai thành viên ban kiểm phiếu nhập độc lập cùng một biên bản đếm phiếu. Kết quả chỉ được xác nhận khi hai lần nhập trùng khớp từng con số; không ai thấy số của người kia trước khi cả hai đã nhập.',
  'votes.enteredBy': 'Đã nhập: {names}',
  'votes.noEntryYet': 'Chưa có ai nhập kết quả.',
  'votes.mismatch': 'Hai lần nhập không khớp: cần kiểm lại phiếu và nhập lại',
  'votes.issued': 'Số phiếu phát ra',
  'votes.collected': 'Số phiếu thu về',
  'votes.valid': 'Phiếu hợp lệ',
  'votes.invalid': 'Không hợp lệ',
  'votes.high': 'Tín nhiệm cao',
  'votes.medium': 'Tín nhiệm',
  'votes.low': 'Tín nhiệm thấp',
  'votes.invalidForPerson': 'Không hợp lệ với người này',
  'votes.submitEntry': 'Lưu phần nhập của tôi',
  'votes.entryMatched': 'Hai lần nhập trùng khớp: kết quả đã được xác nhận',
  'votes.entryWaiting': 'Đã lưu; chờ thành viên thứ hai nhập',
  'votes.results': 'Kết quả',
  'votes.overSummoned': '{pct} trên số người được triệu tập',
  'votes.quorumOk': 'Đủ số người tham gia theo quy định',
  'votes.quorumFail': 'Không đủ số người tham gia: không sử dụng kết quả',
  'votes.ballotLine':
    'Triệu tập {summoned} · phát ra {issued} · thu về {collected} · hợp lệ {valid} · không hợp lệ {invalid}. Tỷ lệ trong ngoặc tính trên số phiếu thu về.',
  'votes.distribution': 'Phân bố',
  'votes.net': 'Điểm ròng (cao − thấp)',
  'votes.netHelp':
    'Tỷ lệ tín nhiệm cao trừ tỷ lệ tín nhiệm thấp, kèm khoảng tin cậy 95% (Wilson): nhóm càng nhỏ khoảng càng rộng, đừng đọc quá mức.',
  'votes.consequences': 'Hệ quả theo quy định',
  'votes.outOfPlanning': 'Không quy hoạch, bổ nhiệm chức vụ cao hơn',
  'votes.dismissal': 'Xem xét miễn nhiệm',
  'votes.resignation': 'Căn cứ cho thôi giữ chức vụ',
  'votes.noConsequence': 'Không',
  'votes.legend': 'Quy định áp dụng: {policy}. Di chuột lên từng hệ quả để xem căn cứ.',
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
  'votes.title': 'Confidence votes and ballots',
  'votes.intro': 'Votes in your scope: paper counts entered twice by two tally members, results under the policy in force.',
  'votes.create': 'New vote',
  'votes.created': 'Vote created',
  'votes.empty': 'No votes yet',
  'votes.date': 'Date',
  'votes.titleCol': 'Title',
  'votes.organization': 'Organization',
  'votes.kind': 'Kind',
  'votes.mode': 'Mode',
  'votes.modePaper': 'Paper ballots',
  'votes.status': 'Status',
  'votes.track': 'Policy',
  'votes.trackHelp': 'Thresholds and percentage base come from the text in force on the date of the vote.',
  'votes.trackParty': 'Party track — 96-QĐ/TW',
  'votes.trackState': 'State track — Decree 170/2025',
  'votes.voterGroup': 'Voter group',
  'votes.voterGroupHelp': 'E.g. members of the provincial party committee',
  'votes.summoned': 'Summoned',
  'votes.subjects': 'People voted on',
  'votes.subjectsHelp':
    'Name and post; they will link to cadre records once that module lands. Exempt people stay on the list with their reason.',
  'votes.fullName': 'Full name',
  'votes.position': 'Post',
  'votes.exemptPlaceholder': 'Exempt because… (if so)',
  'votes.removeSubject': 'Remove',
  'votes.addSubject': 'Add a person',
  'votes.back': 'All votes',
  'votes.record': 'Download the count record (.docx)',
  'votes.boardHash': 'Result hash',
  'votes.noHashYet': 'None yet (count not confirmed)',
  'votes.no': 'No.',
  'votes.exempt': 'Not voted on',
  'votes.doubleEntry': 'Count entry (twice, by two people)',
  'votes.doubleEntryHelp':
    'Two tally members enter the same count independently. It is confirmed only when every number matches; neither sees the other’s numbers before both have entered.',
  'votes.enteredBy': 'Entered by: {names}',
  'votes.noEntryYet': 'Nobody has entered the count yet.',
  'votes.mismatch': 'The two entries differ: recount and enter again',
  'votes.issued': 'Ballots issued',
  'votes.collected': 'Ballots collected',
  'votes.valid': 'Valid',
  'votes.invalid': 'Invalid',
  'votes.high': 'High confidence',
  'votes.medium': 'Confidence',
  'votes.low': 'Low confidence',
  'votes.invalidForPerson': 'Invalid for this person',
  'votes.submitEntry': 'Save my entry',
  'votes.entryMatched': 'Both entries match: the count is confirmed',
  'votes.entryWaiting': 'Saved; waiting for the second member',
  'votes.results': 'Results',
  'votes.overSummoned': '{pct} of those summoned',
  'votes.quorumOk': 'Quorum reached',
  'votes.quorumFail': 'Quorum not reached: the result may not be used',
  'votes.ballotLine':
    'Summoned {summoned} · issued {issued} · collected {collected} · valid {valid} · invalid {invalid}. Percentages in brackets are over ballots collected.',
  'votes.distribution': 'Distribution',
  'votes.net': 'Net score (high − low)',
  'votes.netHelp':
    'Share of high minus share of low votes with a 95% (Wilson) interval: the smaller the group, the wider the interval.',
  'votes.consequences': 'Consequences under the policy',
  'votes.outOfPlanning': 'No planning or promotion to higher posts',
  'votes.dismissal': 'Dismissal to be considered',
  'votes.resignation': 'Grounds for resignation',
  'votes.noConsequence': 'None',
  'votes.legend': 'Policy applied: {policy}. Hover a consequence to see its basis.',
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
