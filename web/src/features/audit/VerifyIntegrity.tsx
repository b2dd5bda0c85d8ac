import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Result } from 'antd';
import type { AuditVerifyResult } from '@contracts/audit';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';

export type VerifyState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: AuditVerifyResult }
  | { status: 'failed'; error: ApiError };

export function VerifyButton({ state, onChange }: { state: VerifyState; onChange: (next: VerifyState) => void }) {
  const { t } = useI18n();
  const run = async () => {
    onChange({ status: 'running' });
    try {
      onChange({ status: 'done', result: await api.get<AuditVerifyResult>('/api/audit/verify') });
    } catch (error) {
      onChange({ status: 'failed', error: error instanceof ApiError ? error : new ApiError(0, null) });
    }
  };
  return (
    <Button
      icon={<SafetyCertificateOutlined />}
      loading={state.status === 'running'}
      onClick={() => void run()}
      data-testid="audit-verify"
    >
      {t('audit.verify')}
    </Button>
  );
}

/** Green when the hash chain holds, red naming the first broken entry. */
export function VerifyOutcome({ state }: { state: VerifyState }) {
  const { t, lang } = useI18n();
  if (state.status === 'failed') return <ApiErrorAlert error={state.error} />;
  if (state.status !== 'done') return null;
  const { result } = state;
  if (result.ok || !result.problem) {
    return (
      <Result
        status="success"
        title={t('audit.verifyOk')}
        subTitle={t('audit.verifyOkDetail', { n: result.checked })}
        style={{ padding: '16px 0', background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 4 }}
        data-testid="audit-verify-ok"
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-verify-problem"
      title={t('audit.verifyFail', { seq: result.problem.seq })}
      description={lang === 'vi' ? result.problem.message : result.problem.messageEn}
    />
  );
}
