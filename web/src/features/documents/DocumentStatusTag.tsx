import { Tag, Tooltip } from 'antd';
import { DOCUMENT_STATUS_LABELS, type RegisterDocument } from '@contracts/documents';
import { formatDate, useI18n } from '../../ui/i18n';

const COLORS = { in_force: 'success', not_yet: 'processing', replaced: 'error', expired: 'default' } as const;

/** "Còn hiệu lực", or "Đã bị thay thế bởi 377-QĐ/TW từ 08/10/2025". */
export function DocumentStatusTag({ doc }: { doc: Pick<RegisterDocument, 'status' | 'replacedBy' | 'effectiveTo'> }) {
  const { t, label } = useI18n();
  const tag = (
    <Tag color={COLORS[doc.status]} data-testid="document-status">
      {label(DOCUMENT_STATUS_LABELS[doc.status])}
    </Tag>
  );
  if (doc.status !== 'replaced' || doc.replacedBy.length === 0) return tag;
  const by = doc.replacedBy.map((r) => r.number).join(', ');
  return (
    <Tooltip title={t('doc.replacedBy', { by, on: formatDate(doc.effectiveTo) })}>
      <span>
        {tag}
        <div style={{ fontSize: 12, color: '#8c8c8c' }}>{t('doc.replacedByShort', { by })}</div>
      </span>
    </Tooltip>
  );
}
