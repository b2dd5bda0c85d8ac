/** Strings of the voter-group proposal and of a vote's place in a decision process (feature-local). */
export const VG = {
  propose: { vi: 'Đề xuất thành phần theo quy định', en: 'Propose the voter group from the rules' },
  proposeHelp: {
    vi: 'Dựa trên chức danh của những người được lấy phiếu (chọn từ hồ sơ) và ngày lấy phiếu.',
    en: 'From the titles of the people voted on (picked from records) and the vote date.',
  },
  needInputs: {
    vi: 'Chọn đơn vị, ngày lấy phiếu và ít nhất một người từ hồ sơ trước.',
    en: 'Pick the organization, the vote date and at least one person from the records first.',
  },
  unconfirmed: {
    vi: 'Thành phần được tóm tắt từ quy định, chưa đối chiếu nguyên văn phụ lục: chỉ là gợi ý, hãy kiểm tra lại.',
    en: 'The group is summarised from the regulation, not yet checked against its appendix: a suggestion only.',
  },
  holders: { vi: 'Người giữ các chức vụ này vào ngày lấy phiếu', en: 'Holders of these posts on the vote date' },
  manual: { vi: 'Cần bổ sung danh sách (CanBo chưa lưu)', en: 'Add by hand (not held in CanBo)' },
  rule: { vi: 'Quy định', en: 'Rule' },
  groupRule: { vi: 'Thành phần theo quy định', en: 'Voter group per the rules' },
  servesStep: { vi: 'Phục vụ quy trình nhân sự', en: 'Part of a personnel process' },
  stepOf: { vi: 'bước', en: 'step' },
  openProcess: { vi: 'Mở quy trình', en: 'Open the process' },
};
