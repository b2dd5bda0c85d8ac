import { useState } from 'react';
import { Alert, Button, Card, Input, List, Space, Typography } from 'antd';
import { type AuditCheckpoint, type AuditCheckpointCheck, parseCheckpoints } from '@contracts/audit';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { M } from './messages';

/** The chain head to write down outside the system, and the comparison of kept ones with today's trail. */
export function Checkpoints() {
  const { label, lang } = useI18n();
  const current = useApiQuery<AuditCheckpoint>('/api/audit/checkpoint');
  const [text, setText] = useState('');
  const [result, setResult] = useState<AuditCheckpointCheck | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [noneFound, setNoneFound] = useState(false);
  const [running, setRunning] = useState(false);

  const compare = async () => {
    const checkpoints = parseCheckpoints(text);
    setNoneFound(checkpoints.length === 0);
    setResult(null);
    setError(null);
    if (checkpoints.length === 0) return;
    setRunning(true);
    try {
      setResult(await api.post<AuditCheckpointCheck>('/api/audit/checkpoints/verify', { checkpoints }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Card title={label(M.title)} size="small" data-testid="audit-checkpoints">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {label(M.intro)}
        </Typography.Paragraph>
        {current.error ? <ApiErrorAlert error={current.error} onRetry={current.reload} /> : null}
        {current.data ? (
          <div>
            <Typography.Text strong>{label(M.current)}: </Typography.Text>
            <Typography.Text code copyable data-testid="audit-checkpoint-line" style={{ wordBreak: 'break-all' }}>
              {current.data.line}
            </Typography.Text>
          </div>
        ) : null}
        <div>
          <Typography.Text strong>{label(M.paste)}</Typography.Text>
          <Input.TextArea
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={label(M.pasteHint)}
            data-testid="audit-checkpoint-input"
            style={{ fontFamily: 'monospace', marginTop: 4 }}
          />
        </div>
        <Button onClick={() => void compare()} loading={running} data-testid="audit-checkpoint-compare">
          {label(M.compare)}
        </Button>
        {noneFound ? <Alert type="warning" showIcon title={label(M.noneFound)} /> : null}
        {error ? <ApiErrorAlert error={error} /> : null}
        {result ? (
          <Alert
            type={result.ok ? 'success' : 'error'}
            showIcon
            data-testid="audit-checkpoint-result"
            title={label(result.ok ? M.allMatch : M.mismatch)}
            description={
              <List
                size="small"
                dataSource={[
                  ...(result.chain.problem
                    ? [lang === 'vi' ? result.chain.problem.message : result.chain.problem.messageEn]
                    : []),
                  ...result.checkpoints.map((c) => (lang === 'vi' ? c.message : c.messageEn)),
                ]}
                renderItem={(line) => <List.Item>{line}</List.Item>}
              />
            }
          />
        ) : null}
      </Space>
    </Card>
  );
}
