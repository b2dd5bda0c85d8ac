import type { FlagCode } from '@contracts/decisions';
import { FAMILY_RELATIONS } from '@contracts/person-catalogs';

type Bilingual = { vi: string; en: string };

/** Short names of the flags a process can carry (the long text comes from the server with its citation). */
export const FLAG_LABELS: Record<FlagCode, Bilingual> = {
  'deadline-policy': { vi: 'Quá hạn chủ trương', en: 'Policy overdue' },
  'deadline-process': { vi: 'Quá hạn', en: 'Overdue' },
  stalled: { vi: 'Ngưng trệ', en: 'Stalled' },
  'too-fast': { vi: 'Nhanh bất thường', en: 'Unusually fast' },
  'kinship-recusal': { vi: 'Có người thân phải tránh', en: 'Kinship recusal' },
  override: { vi: 'Có quyết định vượt kiểm tra', en: 'Override' },
  'outside-plan': { vi: 'Ngoài quy hoạch', en: 'Outside the plan' },
  'separation-of-duties': { vi: 'Tách bạch nhiệm vụ', en: 'Separation of duties' },
  'head-near-end': { vi: 'Người đứng đầu sắp nghỉ hưu, hết nhiệm kỳ', en: 'Head near retirement or term end' },
  'exceptions-frequent': { vi: 'Nhiều ngoại lệ trong năm', en: 'Many exceptions this year' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export const M = {
  ackWarnings: {
    vi: 'Tôi đã xem cảnh báo: quy định chưa được xác minh nên không dừng quy trình; tiếp tục và ghi vào nhật ký',
    en: 'I have read the warning: the rule is unconfirmed, so it does not stop the process; go on and log it',
  },
  ackRequired: { vi: 'Cần xác nhận đã xem cảnh báo', en: 'Acknowledge the warning first' },
  outcomeWarned: {
    vi: 'chưa đạt quy định chưa xác minh, đã xác nhận cảnh báo',
    en: 'short of an unconfirmed rule, warning acknowledged',
  },
  startChecks: { vi: 'Cảnh báo khi bắt đầu quy trình', en: 'Warnings at the start' },
  localPacks: { vi: 'Quy định riêng của địa phương được áp dụng', en: 'Local rules applied' },
  cancelTitle: { vi: 'Hủy quy trình', en: 'Cancel the process' },
  cancelIntro: {
    vi: 'Chỉ cấp có thẩm quyền được hủy; lý do được ghi vào nhật ký và người kiểm tra nhìn thấy.',
    en: 'Only the competent authority may cancel; the reason is logged and shown to the inspector.',
  },
  cancelOn: { vi: 'Ngày hủy', en: 'Cancelled on' },
  cancelReason: { vi: 'Lý do hủy', en: 'Reason' },
  cancelSubmit: { vi: 'Hủy quy trình', en: 'Cancel the process' },
  cancelled: { vi: 'Đã hủy quy trình', en: 'Process cancelled' },
  cancelledOn: { vi: 'Quy trình đã hủy ngày', en: 'Process cancelled on' },
  draft: { vi: 'Tải dự thảo quyết định (.docx)', en: 'Download the decision draft (.docx)' },
  decisionDocx: { vi: 'Tải quyết định (.docx)', en: 'Download the decision (.docx)' },
  trail: { vi: 'Xem toàn bộ dấu vết', en: 'Full trail' },
  inspectionTitle: { vi: 'Kiểm tra công tác cán bộ', en: 'Inspection of cadre work' },
  inspectionIntro: {
    vi: 'Mọi quy trình có cảnh báo trong phạm vi của bạn, số ngoại lệ theo cấp có thẩm quyền và năm, và kết quả kiểm tra chuỗi nhật ký. Chỉ xem, không sửa.',
    en: 'Every flagged process in your scope, exceptions per authority and year, and the audit chain check. Read-only.',
  },
  chainOk: { vi: 'Chuỗi nhật ký toàn vẹn', en: 'The audit chain is intact' },
  chainBroken: { vi: 'Chuỗi nhật ký bị thay đổi', en: 'The audit chain was altered' },
  entriesChecked: { vi: 'bản ghi đã kiểm tra', en: 'entries checked' },
  flaggedProcesses: { vi: 'Quy trình có cảnh báo', en: 'Flagged processes' },
  exceptions: { vi: 'Ngoại lệ và bổ nhiệm ngoài quy hoạch theo cấp có thẩm quyền', en: 'Exceptions per authority' },
  authority: { vi: 'Cấp có thẩm quyền', en: 'Authority' },
  year: { vi: 'Năm', en: 'Year' },
  overrides: { vi: 'Vượt kiểm tra', en: 'Overrides' },
  outsidePlan: { vi: 'Ngoài quy hoạch', en: 'Outside the plan' },
  total: { vi: 'Tổng', en: 'Total' },
  assessment: { vi: 'Đánh giá', en: 'Assessment' },
  votes: { vi: 'Các cuộc bỏ phiếu', en: 'Votes' },
  step: { vi: 'Bước', en: 'Step' },
  mode: { vi: 'Hình thức', en: 'Mode' },
  summoned: { vi: 'Triệu tập', en: 'Summoned' },
  collected: { vi: 'Thu về', en: 'Collected' },
  inFavour: { vi: 'Tán thành', en: 'In favour' },
  auditEntries: { vi: 'Nhật ký (chuỗi băm)', en: 'Audit entries (hash chain)' },
  when: { vi: 'Thời điểm', en: 'When' },
  who: { vi: 'Người thực hiện', en: 'Who' },
  what: { vi: 'Thao tác', en: 'Action' },
  hash: { vi: 'Mã băm', en: 'Hash' },
  backToInspection: { vi: 'Quay lại danh sách kiểm tra', en: 'Back to the inspection' },
  none: { vi: 'Không có', en: 'None' },
  electronic: { vi: 'Bỏ phiếu điện tử', en: 'Electronic vote' },
  toStart: { vi: 'Việc cần bắt đầu', en: 'To start' },
} satisfies Record<string, Bilingual>;

export const S = {
  start: { vi: 'Bắt đầu quy trình', en: 'Start a process' },
  startIntro: {
    vi: 'Các bước, thời hạn (tính theo ngày làm việc) và điều kiện lấy theo quy định có hiệu lực vào ngày bắt đầu, kể cả quy định riêng của địa phương đã được phê duyệt.',
    en: 'Steps, deadlines (in working days) and checks come from the rules in force on the start date, local rules included once approved.',
  },
  organization: { vi: 'Đơn vị tiến hành', en: 'Organization running it' },
  source: { vi: 'Nguồn cán bộ', en: 'Source' },
  track: { vi: 'Theo quy định của', en: 'Track' },
  trackState: { vi: 'Nhà nước (Nghị định 170/2025)', en: 'State (NĐ 170/2025)' },
  trackParty: { vi: 'Đảng (Quy định 377-QĐ/TW)', en: 'Party (377-QĐ/TW)' },
  personSearch: { vi: 'Gõ họ tên để tìm cán bộ', en: 'Type a name to find the person' },
  seat: { vi: 'Vị trí (chức danh — đơn vị)', en: 'Seat (title — unit)' },
  seatFirst: { vi: 'Chọn đơn vị trước', en: 'Choose the organization first' },
  inPlan: { vi: 'Có trong quy hoạch chức danh này', en: 'In the plan for this title' },
  startSubmit: { vi: 'Bắt đầu', en: 'Start' },
  startDismissal: { vi: 'Bắt đầu quy trình miễn nhiệm', en: 'Start the dismissal' },
  toStartTitle: { vi: 'Việc cần bắt đầu sau lấy phiếu tín nhiệm', en: 'To start after confidence votes' },
  toStartIntro: {
    vi: 'Người có kết quả lấy phiếu tín nhiệm thấp đến mức phải xem xét miễn nhiệm; bắt đầu quy trình sẽ ghi nhận việc đã xử lý.',
    en: 'People whose low confidence votes call for a dismissal procedure; starting the process records it as handled.',
  },
} satisfies Record<string, Bilingual>;

/** The step vote form: paper counted twice by the tally committee, or an electronic secret ballot. */
export const V = {
  mode: { vi: 'Hình thức bỏ phiếu', en: 'How the vote is held' },
  paper: { vi: 'Phiếu giấy (ban kiểm phiếu nhập kết quả hai lần)', en: 'Paper (the tally committee enters the count twice)' },
  electronic: { vi: 'Bỏ phiếu điện tử (kín, kiểm chứng được)', en: 'Electronic (secret, verifiable)' },
  summonedHelp: {
    vi: 'Số người được triệu tập, kể cả người đã tránh (hệ thống tự trừ).',
    en: 'Everyone summoned, the recused included (they are taken out).',
  },
  voters: { vi: 'Người bỏ phiếu (tên đăng nhập)', en: 'Voters (user names)' },
  votersHelp: {
    vi: 'Không ghi người đã tránh; số người phải bằng số được triệu tập trừ người tránh.',
    en: 'Leave the recused out; as many as those summoned less the recused.',
  },
  trustees: { vi: 'Thành viên ban kiểm phiếu giữ khóa', en: 'Tally members holding the keys' },
  threshold: { vi: 'Số thành viên cần để giải mã', en: 'Members needed to decrypt' },
  state: { vi: 'Trạng thái phiếu', en: 'Vote state' },
  goVote: {
    vi: 'Ban kiểm phiếu tạo khóa, cấp mã và mở phiếu ở mục Lấy phiếu; khi đã có kết quả, hoàn thành bước này.',
    en: 'The tally committee creates keys, issues credentials and opens voting under Votes; once the result is out, complete this step.',
  },
} satisfies Record<string, Bilingual>;

/** The seats of a unit and their sensitive post category (art. 20). */
export const C = {
  link: { vi: 'Vị trí nhạy cảm (Điều 20)', en: 'Sensitive seats (art. 20)' },
  title: {
    vi: 'Vị trí nhạy cảm theo Điều 20 Luật Phòng, chống tham nhũng',
    en: 'Sensitive seats (Anti-Corruption Law, art. 20)',
  },
  intro: {
    vi: 'Vợ, chồng, bố, mẹ, con, anh, chị, em ruột của người đứng đầu, cấp phó không được giữ vị trí tổ chức nhân sự, kế toán, thủ quỹ, thủ kho, mua sắm trong cùng đơn vị. Chọn đơn vị để xem và sửa loại vị trí của từng chỗ ngồi; mọi thay đổi phải có lý do và được ghi nhật ký.',
    en: "A head's or deputy's spouse, parent, child or sibling may not hold a personnel, accounting, cashier, storekeeper or procurement post in the same unit. Choose a unit to see and change each seat's category; every change needs a reason and is logged.",
  },
  back: { vi: 'Quay lại danh sách quy trình', en: 'Back to the processes' },
  organization: { vi: 'Đơn vị', en: 'Unit' },
  empty: { vi: 'Đơn vị chưa có vị trí nào', en: 'The unit has no seats' },
  seat: { vi: 'Vị trí (chức danh)', en: 'Seat (title)' },
  head: { vi: 'Người đứng đầu', en: 'Head' },
  deputy: { vi: 'Cấp phó', en: 'Deputy' },
  holders: { vi: 'Người đang giữ', en: 'Holders' },
  titleCategory: { vi: 'Theo danh mục chức danh', en: 'From the title' },
  seatCategory: { vi: 'Riêng của vị trí', en: 'Set on the seat' },
  applies: { vi: 'Áp dụng', en: 'Applies' },
  edit: { vi: 'Sửa', en: 'Change' },
  editTitle: { vi: 'Sửa loại vị trí', en: 'Change the category' },
  followTitle: { vi: 'Theo danh mục chức danh', en: 'As the title says' },
  reason: { vi: 'Lý do thay đổi (căn cứ văn bản)', en: 'Reason (and its document)' },
  asOf: { vi: 'Tại ngày', en: 'As of' },
  orgPlaceholder: { vi: 'Gõ tên hoặc mã đơn vị (ví dụ: Sở Tài chính)', en: 'Type a unit name or code' },
  from: { vi: 'Áp dụng từ ngày', en: 'From' },
  fromRequired: { vi: 'Phải chọn ngày áp dụng', en: 'Choose the date it applies from' },
  history: { vi: 'Lịch sử loại vị trí (riêng của vị trí)', en: 'History of the seat’s own category' },
  noHistory: {
    vi: 'Chưa thay đổi lần nào: vị trí theo danh mục chức danh',
    en: 'Never changed: the seat follows its title',
  },
  before: { vi: 'Trước lần thay đổi đầu tiên', en: 'Before the first change' },

  reasonRequired: { vi: 'Phải ghi lý do', en: 'A reason is required' },
  save: { vi: 'Lưu', en: 'Save' },
  close: { vi: 'Đóng', en: 'Close' },
  saved: { vi: 'Đã lưu loại vị trí', en: 'Category saved' },
  conflicts: {
    vi: 'Người đang giữ vị trí này vướng Điều 20: cần bố trí lại',
    en: 'The holder of this seat conflicts with art. 20: to be resolved',
  },
  noConflicts: { vi: 'Không có người đang giữ vị trí vướng Điều 20', en: 'No holder conflicts with art. 20' },
} satisfies Record<string, Bilingual>;

/** A family-table relation code as people read it (the code itself when unknown). */
export const relationLabel = (code: string, label: (b: Bilingual) => string): string =>
  code in FAMILY_RELATIONS ? label(FAMILY_RELATIONS[code as keyof typeof FAMILY_RELATIONS]) : code;

/** The grounds of leaving a post and the cases postponing a reappointment. */
export const G = {
  groundsTitle: { vi: 'Căn cứ theo quy định', en: 'Grounds under the rules' },
  postponeTitle: { vi: 'Trường hợp tạm hoãn bổ nhiệm lại', en: 'Cases postponing the reappointment' },
  groundsIntro: {
    vi: 'Phải nêu ít nhất một căn cứ trong danh mục dưới đây, kèm văn bản. Hệ thống đối chiếu từng căn cứ với dữ liệu (kết quả lấy phiếu đã công bố, xếp loại, kỷ luật trong hồ sơ); chưa có căn cứ được chứng minh thì không ra được quyết định.',
    en: 'At least one ground of the list below must be recorded with its document. Each is checked against the data (published votes, ratings, discipline on the record); without a proved ground no decision can be taken.',
  },
  postponeIntro: {
    vi: 'Bổ nhiệm lại được tạm hoãn trong các trường hợp dưới đây. Ghi trường hợp kèm văn bản và thời gian; khi trường hợp còn đang diễn ra, không hoàn thành được bước có kiểm tra hồ sơ.',
    en: 'A reappointment is postponed in the cases below. Record the case with its document and dates; while it lasts, the step that checks the dossier cannot be completed.',
  },
  evidence: {
    'low-votes': { vi: 'đối chiếu kết quả lấy phiếu tín nhiệm đã công bố', en: 'checked against the published confidence vote' },
    rating: { vi: 'đối chiếu xếp loại hằng năm', en: 'checked against the annual ratings' },
    discipline: {
      vi: 'đối chiếu kỷ luật ghi trong hồ sơ từ khi giữ chức vụ',
      en: 'checked against discipline on the record since taking the post',
    },
    document: { vi: 'cần văn bản', en: 'needs a document' },
  },
  evidenceHint: {
    'low-votes': {
      vi: 'Hệ thống lấy kết quả lấy phiếu tín nhiệm gần nhất đã công bố về người này; ghi số biên bản kiểm phiếu làm văn bản.',
      en: 'The latest published confidence vote on the person is used; give the count minutes as the document.',
    },
    rating: {
      vi: 'Hệ thống lấy xếp loại của năm gần nhất trong hồ sơ đánh giá; ghi số văn bản xếp loại.',
      en: 'The latest annual rating on file is used; give the rating document.',
    },
    discipline: {
      vi: 'Hệ thống lấy kỷ luật ghi trong hồ sơ (mẫu 2C) kể từ ngày giữ chức vụ; ghi số quyết định kỷ luật.',
      en: 'Discipline on the record since taking the post is used; give the discipline decision.',
    },
    document: { vi: 'Ghi số, ngày văn bản.', en: 'Give the document number and date.' },
  },
  minMonthsInPost: (n: number) => ({
    vi: `cần văn bản; không áp dụng khi giữ chức vụ chưa đủ ${n} tháng`,
    en: `needs a document; does not apply under ${n} months in post`,
  }),
  noneRecorded: { vi: 'Chưa ghi căn cứ nào', en: 'No ground recorded' },
  noneRecordedPostpone: { vi: 'Không có trường hợp tạm hoãn nào được ghi', en: 'No postponement case recorded' },
  groundCol: { vi: 'Căn cứ', en: 'Ground' },
  caseCol: { vi: 'Trường hợp', en: 'Case' },
  periodCol: { vi: 'Thời gian', en: 'Period' },
  documentDateCol: { vi: 'Ngày văn bản', en: 'Document date' },
  referenceCol: { vi: 'Văn bản', en: 'Document' },
  noteCol: { vi: 'Ghi chú', en: 'Note' },
  ongoing: { vi: 'chưa kết thúc', en: 'ongoing' },
  addGround: { vi: 'Ghi căn cứ', en: 'Record a ground' },
  addCase: { vi: 'Ghi trường hợp tạm hoãn', en: 'Record a postponement case' },
  fromDate: { vi: 'Từ ngày', en: 'From' },
  toDate: { vi: 'Đến ngày (nếu đã biết)', en: 'To (when known)' },
  documentDate: { vi: 'Ngày văn bản', en: 'Document date' },
  reference: { vi: 'Số, tên văn bản', en: 'Document number and title' },
  note: { vi: 'Ghi chú', en: 'Note' },
  save: { vi: 'Ghi', en: 'Record' },
  saved: { vi: 'Đã ghi', en: 'Recorded' },
};

/** The period of one version of a seat's category, [from, to). */
export const seatPeriod = (from: string, to: string | null): Bilingual => ({
  vi: to ? `Từ ${from} đến trước ${to}` : `Từ ${from} trở đi`,
  en: to ? `From ${from} until ${to}` : `From ${from} on`,
});
