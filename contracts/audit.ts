import { z } from 'zod';
import { pageQuerySchema } from './common';

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  organizationId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditListQuerySchema = pageQuerySchema.extend({ entity: z.string().max(60).optional() });
export const auditListSchema = z.object({ items: z.array(auditEntrySchema), total: z.number() });

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  problem: z
    .object({
      seq: z.number(),
      kind: z.enum(['altered', 'inserted', 'deleted', 'reordered']),
      message: z.string(),
      messageEn: z.string(),
    })
    .nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifySchema>;

/**
 * A checkpoint is the chain's head written down outside the database (in minutes, a printed report, an e-mail
 * to the inspection committee). The chain alone proves an entry was not edited unless someone recomputes every
 * later hash; a checkpoint held elsewhere makes that recomputation visible too.
 */
export const auditCheckpointSchema = z.object({
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  /** The line to copy: `CANBO-AUDIT seq=… hash=… at=…` */
  line: z.string(),
});
export type AuditCheckpoint = z.infer<typeof auditCheckpointSchema>;

export const CHECKPOINT_PATTERN = /CANBO-AUDIT\s+seq=(\d+)\s+hash=([0-9a-f]{64})/;

export function checkpointLine(seq: number, hash: string, at: string): string {
  return `CANBO-AUDIT seq=${seq} hash=${hash} at=${at}`;
}

/** Every checkpoint found in pasted text (one per line, surrounding words ignored). */
export function parseCheckpoints(text: string): { seq: number; hash: string }[] {
  return text
    .split(/\r?\n/)
    .map((l) => CHECKPOINT_PATTERN.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ seq: Number(m[1]), hash: m[2]! }));
}

export const auditCheckpointCheckBodySchema = z.object({
  checkpoints: z
    .array(z.object({ seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) }))
    .min(1)
    .max(1000),
});
export const auditCheckpointCheckSchema = z.object({
  chain: auditVerifySchema,
  checkpoints: z.array(
    z.object({
      seq: z.number(),
      hash: z.string(),
      status: z.enum(['matches', 'differs', 'missing']),
      message: z.string(),
      messageEn: z.string(),
    }),
  ),
  /** The chain holds and every checkpoint matches. */
  ok: z.boolean(),
});
export type AuditCheckpointCheck = z.infer<typeof auditCheckpointCheckSchema>;

type Label = { vi: string; en: string };

/** What an audit entry's entity is, for people; features add theirs here. */
export const AUDIT_ENTITY_LABELS: Record<string, Label> = {
  organization: { vi: 'Đơn vị', en: 'Organization' },
  administrative_units: { vi: 'Đơn vị hành chính', en: 'Administrative units' },
  user: { vi: 'Người dùng', en: 'User' },
  policy_pack: { vi: 'Bộ quy định địa phương', en: 'Local policy pack' },
  title_catalog: { vi: 'Danh mục chức danh', en: 'Title catalog' },
  position: { vi: 'Vị trí chức danh (ghế)', en: 'Seat' },
  position_incumbent: { vi: 'Người giữ chức danh', en: 'Seat holder' },
  staffing_quota: { vi: 'Biên chế', en: 'Staffing quota' },
  job_position: { vi: 'Vị trí việc làm', en: 'Job position' },
  job_position_assignment: { vi: 'Bố trí vị trí việc làm', en: 'Job position assignment' },
  restructuring_event: { vi: 'Sắp xếp tổ chức', en: 'Restructuring' },
  person: { vi: 'Hồ sơ cán bộ', en: 'Cadre record' },
  person_declaration: { vi: 'Tự kê khai', en: 'Self-declaration' },
  planning_cycle: { vi: 'Kỳ quy hoạch', en: 'Planning cycle' },
  planning_plan: { vi: 'Quy hoạch chức danh, cấp ủy', en: 'Plan for a seat or committee' },
  planning_candidate: { vi: 'Người trong quy hoạch', en: 'Planned person' },
  planning_exception: { vi: 'Ngoại lệ quy hoạch', en: 'Planning exception' },
  planning_round: { vi: 'Bước giới thiệu quy hoạch', en: 'Planning recommendation round' },
  planning_review: { vi: 'Rà soát quy hoạch hằng năm', en: 'Yearly planning review' },
  vote_session: { vi: 'Cuộc lấy phiếu', en: 'Vote session' },
  decision_process: { vi: 'Quy trình nhân sự', en: 'Personnel process' },
  evaluation: { vi: 'Đánh giá, xếp loại', en: 'Evaluation' },
  evaluation_cycle: { vi: 'Kỳ đánh giá', en: 'Evaluation cycle' },
  evaluation_group: { vi: 'Nhóm tính tỷ lệ', en: 'Quota group' },
  training_course: { vi: 'Khóa đào tạo, bồi dưỡng', en: 'Training course' },
  training_enrolment: { vi: 'Học viên khóa đào tạo', en: 'Training enrolment' },
  programme_item: { vi: 'Nhiệm vụ chương trình công tác', en: 'Work programme item' },
  document: { vi: 'Văn bản', en: 'Document' },
};

/** Whole actions that read better than verb + entity. */
export const AUDIT_ACTION_LABELS: Record<string, Label> = {
  'auth.login': { vi: 'Đăng nhập', en: 'Logged in' },
  'auth.logout': { vi: 'Đăng xuất', en: 'Logged out' },
  'auth.login_failed': { vi: 'Đăng nhập sai', en: 'Failed login' },
  'auth.locked': { vi: 'Khóa tài khoản do đăng nhập sai nhiều lần', en: 'Account locked after failed logins' },
  'auth.totp_setup': { vi: 'Bắt đầu cài xác thực hai lớp', en: 'Started two-factor setup' },
  'auth.totp_enable': { vi: 'Bật xác thực hai lớp', en: 'Enabled two-factor authentication' },
  'user.link_person': { vi: 'Gắn tài khoản với hồ sơ cán bộ', en: 'Linked an account to a cadre record' },
  'admin_units.load': { vi: 'Nạp danh mục đơn vị hành chính', en: 'Loaded the administrative units' },
  'titles.sync': { vi: 'Cập nhật danh mục chức danh', en: 'Synchronized the title catalog' },
  'position.incumbent.add': { vi: 'Bố trí người giữ chức danh', en: 'Placed a seat holder' },
  'position.incumbent.end': { vi: 'Kết thúc giữ chức danh', en: 'Ended a seat holding' },
  'staffing.quota.set': { vi: 'Giao biên chế', en: 'Set a staffing quota' },
  'staffing.job_position.create': { vi: 'Tạo vị trí việc làm', en: 'Created a job position' },
  'staffing.job_position.update': { vi: 'Sửa vị trí việc làm', en: 'Updated a job position' },
  'staffing.job_position.close': { vi: 'Bãi bỏ vị trí việc làm', en: 'Closed a job position' },
  'staffing.job_position.assign': { vi: 'Bố trí vị trí việc làm', en: 'Assigned a job position' },
  'staffing.job_position.unassign': { vi: 'Kết thúc đảm nhiệm vị trí việc làm', en: 'Ended a job position assignment' },
  'restructuring.apply': { vi: 'Áp dụng sắp xếp tổ chức', en: 'Applied a restructuring' },
  'restructuring.revert': { vi: 'Hoàn tác sắp xếp tổ chức', en: 'Reverted a restructuring' },
  'person.import': { vi: 'Nhập hồ sơ từ tệp', en: 'Imported records from a file' },
  'person.generate': {
    vi: 'Sinh hồ sơ giả lập (dữ liệu thử quy mô toàn quốc)',
    en: 'Generated synthetic records (national-scale test data)',
  },
  'organization.generate': {
    vi: 'Sinh cây đơn vị giả lập (dữ liệu thử quy mô toàn quốc)',
    en: 'Generated a synthetic organization tree (national-scale test data)',
  },
  'person.import.sections': {
    vi: 'Nhập các bảng hồ sơ (công tác, đào tạo, gia đình, lương) từ tệp',
    en: 'Imported record tables (work, training, family, salary) from a file',
  },
  'person.photo': { vi: 'Cập nhật ảnh hồ sơ', en: 'Updated a record photo' },
  'person.declaration.submit': { vi: 'Gửi tự kê khai', en: 'Submitted a self-declaration' },
  'person.declaration.approve': { vi: 'Duyệt tự kê khai', en: 'Approved a self-declaration' },
  'person.declaration.reject': { vi: 'Từ chối tự kê khai', en: 'Rejected a self-declaration' },
  'policy_pack.approve': { vi: 'Phê duyệt bộ quy định địa phương', en: 'Approved a local policy pack' },
  'planning_cycle.status': { vi: 'Chuyển trạng thái kỳ quy hoạch', en: 'Changed a planning cycle status' },
  'planning_candidate.remove': { vi: 'Đưa ra khỏi quy hoạch', en: 'Removed from a plan' },
  'vote.create': { vi: 'Tạo cuộc lấy phiếu', en: 'Created a vote session' },
  'vote.paper_entry.create': { vi: 'Nhập kết quả kiểm phiếu giấy', en: 'Entered a paper count' },
  'vote.paper_entry.correct': { vi: 'Sửa kết quả kiểm phiếu giấy đã nhập', en: 'Corrected an entered paper count' },
  'vote.count_confirmed': {
    vi: 'Xác nhận kết quả kiểm phiếu (hai người nhập khớp)',
    en: 'Confirmed a count (two entries match)',
  },
  'vote.trustee.cert': { vi: 'Thành viên ban kiểm phiếu nộp chứng thư khóa', en: 'A trustee submitted a key certificate' },
  'vote.trustee.polynomial': { vi: 'Thành viên ban kiểm phiếu nộp đa thức chia khóa', en: 'A trustee submitted key shares' },
  'vote.trustee.voutput': { vi: 'Thành viên ban kiểm phiếu nộp khóa công khai', en: 'A trustee submitted a public key' },
  'vote.credentials.issue': { vi: 'Cấp mã bỏ phiếu (chỉ mã công khai)', en: 'Issued voting credentials (public parts)' },
  'vote.open': { vi: 'Mở bỏ phiếu điện tử', en: 'Opened electronic voting' },
  'vote.ballot.cast': { vi: 'Nộp phiếu điện tử (đã mã hóa)', en: 'Cast an encrypted ballot' },
  'vote.ballot.replace': { vi: 'Nộp lại phiếu điện tử (thay phiếu trước)', en: 'Cast a ballot replacing an earlier one' },
  'vote.ballot.audited': {
    vi: 'Mở một phiếu để kiểm tra rồi hủy (không bỏ vào hòm)',
    en: 'Opened a ballot for checking and discarded it',
  },
  'vote.close': { vi: 'Kết thúc bỏ phiếu điện tử, cộng phiếu đã mã hóa', en: 'Closed voting and summed the encrypted ballots' },
  'vote.trustee.partial_decryption': {
    vi: 'Thành viên ban kiểm phiếu giải mã một phần kết quả',
    en: 'A trustee submitted a partial decryption',
  },
  'vote.result': { vi: 'Công bố kết quả bỏ phiếu điện tử', en: 'Published an electronic vote result' },
  'vote.consequence.handled': {
    vi: 'Ghi nhận đã xử lý hệ quả của kết quả lấy phiếu',
    en: 'Marked a vote consequence handled',
  },
  'decision.process.create': { vi: 'Bắt đầu quy trình nhân sự', en: 'Started a personnel process' },
  'decision.dossier.add': { vi: 'Bổ sung hồ sơ nhân sự', en: 'Added a dossier item' },
  'decision.recusal': { vi: 'Ghi nhận việc không tham gia (xung đột lợi ích)', en: 'Recorded a recusal (conflict of interest)' },
  'decision.ground': { vi: 'Ghi căn cứ miễn nhiệm, từ chức, cho thôi giữ chức vụ', en: 'Recorded a ground for leaving a post' },
  'decision.postponement': { vi: 'Ghi trường hợp tạm hoãn bổ nhiệm lại', en: 'Recorded a case postponing a reappointment' },
  'decision.override': { vi: 'Ghi nhận quyết định cho phép ngoại lệ', en: 'Recorded an override decision' },
  'decision.step.vote_open': { vi: 'Mở bỏ phiếu cho một bước', en: 'Opened a step vote' },
  'decision.step.complete': { vi: 'Hoàn thành một bước quy trình', en: 'Completed a process step' },
  'decision.step.acknowledge': {
    vi: 'Xác nhận cảnh báo của quy định chưa xác minh và tiếp tục quy trình',
    en: 'Acknowledged an unconfirmed rule’s warning and went on',
  },
  'decision.step.stop': { vi: 'Dừng quy trình tại một bước (không đủ phiếu)', en: 'Stopped a process at a step (votes short)' },
  'decision.decide': { vi: 'Ban hành quyết định nhân sự', en: 'Issued a personnel decision' },
  'decision.cancel': { vi: 'Hủy quy trình nhân sự (có lý do)', en: 'Cancelled a personnel process (with a reason)' },
  'decision.seat.post_category': {
    vi: 'Sửa loại vị trí nhạy cảm của chỗ ngồi (Điều 20 Luật PCTN)',
    en: 'Changed a seat’s sensitive post category (art. 20)',
  },
  'evaluation-cycle.create': { vi: 'Tạo kỳ đánh giá', en: 'Created an evaluation cycle' },
  'evaluation-group.create': { vi: 'Tạo nhóm tính tỷ lệ', en: 'Created a quota group' },
  'evaluation.group': { vi: 'Xác định nhóm tính tỷ lệ', en: 'Set a quota group' },
  'evaluation.task': { vi: 'Ghi nhiệm vụ, chỉ tiêu', en: 'Recorded a task' },
  'evaluation.self-assess': { vi: 'Tự đánh giá', en: 'Self-assessed' },
  'evaluation.appraise': { vi: 'Thẩm định, đề xuất xếp loại', en: 'Appraised' },
  'evaluation.decide': { vi: 'Quyết định xếp loại', en: 'Decided a rating' },
  'evaluation.complaint': { vi: 'Ghi nhận khiếu nại xếp loại', en: 'Recorded a rating complaint' },
  'training.course.create': { vi: 'Tạo khóa đào tạo, bồi dưỡng', en: 'Created a training course' },
  'training.enrol': { vi: 'Cử đi đào tạo', en: 'Enrolled for training' },
  'training.complete': { vi: 'Ghi nhận hoàn thành khóa học', en: 'Recorded a training completion' },
  'programme_item.milestone': { vi: 'Cập nhật mốc tiến độ', en: 'Updated a milestone' },
  'programme_item.status': { vi: 'Chuyển trạng thái nhiệm vụ', en: 'Changed an item status' },
  'programme_item.complete': { vi: 'Hoàn thành nhiệm vụ (có văn bản kết quả)', en: 'Completed an item with its outcome' },
  'document.relate': { vi: 'Liên kết văn bản', en: 'Related documents' },
  'attachment.add': { vi: 'Đính kèm tệp', en: 'Attached a file' },
  'attachment.remove': { vi: 'Xóa tệp đính kèm', en: 'Removed an attachment' },
  'document.update': { vi: 'Sửa văn bản trong sổ', en: 'Edited a register entry' },
  'document.withdraw': { vi: 'Rút văn bản khỏi sổ', en: 'Withdrew a register entry' },
  'programme_item.update': { vi: 'Sửa đề án, nhiệm vụ', en: 'Edited a programme item' },
  'programme_item.withdraw': { vi: 'Rút đề án, nhiệm vụ khỏi chương trình', en: 'Withdrew a programme item' },
  'document.unrelate': { vi: 'Xóa quan hệ giữa hai văn bản', en: 'Removed a relation between documents' },
};

/** Families of actions built at run time (restructuring steps): the prefix says what they belong to. */
const AUDIT_ACTION_PREFIX_LABELS: [string, Label][] = [
  ['restructuring.undo.', { vi: 'Hoàn tác một thay đổi của sắp xếp tổ chức', en: 'Undid a restructuring change' }],
  ['restructuring.', { vi: 'Một thay đổi khi sắp xếp tổ chức', en: 'A restructuring change' }],
];

const VERB_LABELS: Record<string, Label> = {
  create: { vi: 'Tạo', en: 'Created' },
  update: { vi: 'Sửa', en: 'Updated' },
  delete: { vi: 'Xóa', en: 'Deleted' },
  approve: { vi: 'Phê duyệt', en: 'Approved' },
  reject: { vi: 'Từ chối', en: 'Rejected' },
  close: { vi: 'Kết thúc', en: 'Closed' },
};

/** "organization.create" → "Tạo đơn vị" / "Created organization"; unknown codes show as they are. */
export function describeAuditAction(action: string, lang: 'vi' | 'en'): string {
  const whole = AUDIT_ACTION_LABELS[action];
  if (whole) return whole[lang];
  const family = AUDIT_ACTION_PREFIX_LABELS.find(([prefix]) => action.startsWith(prefix));
  if (family) return family[1][lang];
  const [entity = '', verb = ''] = action.split('.');
  const v = VERB_LABELS[verb];
  const e = AUDIT_ENTITY_LABELS[entity];
  if (!v || !e) return action;
  return lang === 'vi' ? `${v.vi} ${e.vi.toLowerCase()}` : `${v.en} ${e.en.toLowerCase()}`;
}
