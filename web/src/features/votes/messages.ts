/** Strings of the votes pages added after the shared dictionary (feature-local). */
export const M = {
  ballotShape: { vi: 'Hình thức phiếu', en: 'Ballot' },
  ballotShapeHelp: {
    vi: 'Phiếu tín nhiệm luôn có ba mức; giới thiệu quy hoạch và các bước bổ nhiệm dùng đồng ý / không đồng ý; bầu cử chọn người trong danh sách.',
    en: 'A confidence vote always has three levels; planning and appointment steps use agree / disagree; an election chooses among the names.',
  },
  maxChoices: { vi: 'Số người được chọn tối đa trên một phiếu', en: 'Names a ballot may mark' },
  person: { vi: 'Hồ sơ cán bộ', en: 'Cadre record' },
  personSearch: { vi: 'Tìm theo họ tên (không cần dấu)', en: 'Search by name (diacritics optional)' },
  personHelp: {
    vi: 'Chọn hồ sơ cán bộ trong phạm vi của bạn: họ tên và chức vụ hiện tại lấy từ hồ sơ, kết quả được ghi vào quá trình của người đó. Chỉ gõ họ tên khi người đó chưa có hồ sơ.',
    en: 'Pick a record in your scope: name and current post come from it, and the result joins the person’s history. Type a name only when there is no record.',
  },
  orTypeName: { vi: 'hoặc gõ họ tên (chưa có hồ sơ)', en: 'or type a name (no record)' },
  titleFromRecord: { vi: 'Chức vụ (mặc định theo hồ sơ)', en: 'Title (from the record unless given)' },
  needPersonOrName: { vi: 'Chọn hồ sơ hoặc gõ họ tên', en: 'Pick a record or type a name' },
  fromRecord: { vi: 'theo hồ sơ', en: 'from the record' },
  exemptNote: { vi: 'Lý do cụ thể (ví dụ: nghỉ hưu từ 01/01/2027)', en: 'Details (e.g. retiring from 01/01/2027)' },
  // results: comparison and chart
  comparison: { vi: 'So sánh', en: 'Comparison' },
  chartTitle: {
    vi: 'Điểm tín nhiệm ròng (% cao − % thấp trên phiếu thu về), khoảng tin cậy 95%',
    en: 'Net score (% high − % low of ballots collected), 95 % interval',
  },
  chartLegendNet: { vi: 'Điểm ròng lần này', en: 'Net score now' },
  chartLegendInterval: { vi: 'Khoảng tin cậy 95%', en: '95 % interval' },
  chartLegendPeers: {
    vi: 'Trung bình những người giữ chức danh tương đương trong năm',
    en: 'Mean of peers holding equivalent titles that year',
  },
  chartLegendPrevious: { vi: 'Lần lấy phiếu trước', en: 'Previous round' },
  previous: { vi: 'Lần trước', en: 'Previous' },
  peers: { vi: 'Cùng chức danh', en: 'Same title' },
  peersEquivalent: { vi: 'Chức danh tương đương', en: 'Equivalent titles' },
  groupRank: { vi: 'nhóm {g}, bậc {r}', en: 'group {g}, rank {r}' },
  noComparison: { vi: 'Chưa có dữ liệu so sánh', en: 'Nothing to compare with yet' },
  netAbbrev: { vi: 'điểm ròng', en: 'net' },
  lowAbbrev: { vi: 'thấp', en: 'low' },
  peopleCount: { vi: 'người', en: 'people' },
  // consequences
  consequences: { vi: 'Hệ quả cần xử lý', en: 'Consequences to handle' },
  consequencesIntro: {
    vi: 'Khi kết quả được công bố, mỗi hệ quả theo quy định thành một việc cần xử lý: lấy phiếu tín nhiệm (ra khỏi quy hoạch chức vụ cao hơn, xem xét cho thôi giữ chức vụ, miễn nhiệm), giới thiệu quy hoạch (không được giới thiệu tiếp), bước bổ nhiệm (quy trình không thể tiếp tục). Bộ phận quy hoạch và quy trình nhân sự ghi nhận khi đã xử lý.',
    en: 'When a result is published, each consequence in the rules becomes a task: confidence votes (out of planning for higher posts, may resign or be moved, dismissal), planning recommendations (not carried on), appointment steps (the process cannot continue). Planning and the personnel process mark it handled.',
  },
  sessions: { vi: 'Các cuộc lấy phiếu', en: 'Vote sessions' },
  statusOpen: { vi: 'Chưa xử lý', en: 'Open' },
  statusHandled: { vi: 'Đã xử lý', en: 'Handled' },
  handledBy: { vi: 'Xử lý bằng', en: 'Handled by' },
  consequence: { vi: 'Hệ quả', en: 'Consequence' },
  rule: { vi: 'Căn cứ', en: 'Rule' },
  subject: { vi: 'Người', en: 'Person' },
  voteCol: { vi: 'Cuộc lấy phiếu', en: 'Vote' },
  noConsequences: { vi: 'Không có hệ quả nào', en: 'No consequences' },
  filterAll: { vi: 'Tất cả', en: 'All' },
  // the booth: prepare, then cast or audit (Benaloh)
  prepare: { vi: 'Mã hóa phiếu', en: 'Encrypt my ballot' },
  preparedTitle: {
    vi: 'Phiếu đã được mã hóa trên máy của bạn, chưa gửi đi. Mã theo dõi của phiếu này:',
    en: 'Your ballot is encrypted on this computer and not sent yet. Its tracker:',
  },
  preparedHelp: {
    vi: 'Bấm «Bỏ phiếu» để gửi phiếu này. Nếu muốn chắc máy tính đã mã hóa đúng lựa chọn của mình, bấm «Mở để kiểm tra»: phiếu này sẽ được mở ra cho bạn xem rồi bị hủy (không bao giờ được bỏ vào hòm), sau đó bạn mã hóa một phiếu mới để bỏ. Có thể kiểm tra bao nhiêu lần cũng được.',
    en: 'Press "Cast" to send this ballot. To make sure this computer encrypted your choices faithfully, press "Open to check": this ballot is opened for you, then discarded (it can never be cast), and you encrypt a new one to cast. You may check as often as you like.',
  },
  cast: { vi: 'Bỏ phiếu', en: 'Cast' },
  audit: { vi: 'Mở để kiểm tra (phiếu này bị hủy)', en: 'Open to check (this ballot is discarded)' },
  auditTitle: { vi: 'Phiếu đã mở để kiểm tra và đã bị hủy', en: 'Ballot opened for checking, and discarded' },
  auditOk: {
    vi: 'Các bản mã của phiếu có mã theo dõi {tracker} đúng là mã hóa của các lựa chọn sau:',
    en: 'The ciphertexts of the ballot with tracker {tracker} encrypt exactly these choices:',
  },
  auditFailed: {
    vi: 'CẢNH BÁO: phiếu không mã hóa đúng lựa chọn của bạn. Đừng dùng máy tính này để bỏ phiếu; báo ngay cho ban kiểm phiếu.',
    en: 'WARNING: the ballot does not encrypt your choices. Do not vote from this computer; tell the tally committee now.',
  },
  auditIndependent: {
    vi: 'Tệp kiểm tra đã được tải về ({file}). Để kiểm tra độc lập trên một máy khác: canbo vote audit-ballot {file} (hướng dẫn trong docs/vote-verification.md). Bây giờ hãy mã hóa một phiếu mới để bỏ.',
    en: 'The audit file was downloaded ({file}). To check it independently on another computer: canbo vote audit-ballot {file} (see docs/vote-verification.md). Now encrypt a new ballot to cast.',
  },
} as const;
