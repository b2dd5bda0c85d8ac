import { useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { VoterGroupProposal } from '@contracts/vote-voter-groups';
import { ApiError, api } from '../../ui/api';
import { useI18n } from '../../ui/i18n';
import { VG } from './voter-group.messages';

interface Values {
  organizationId?: string;
  voteDate?: { format: (f: string) => string };
  mode?: string;
  subjects?: { personId?: string }[];
}

/**
 * "Who votes for these titles": asks the server for the voter group the rule in force sets for the subjects picked
 * from records, fills the group, the number summoned and (electronic) the voters' user names, and shows the rule.
 */
export function VoterGroupProposer({ form }: { form: FormInstance }) {
  const { label, lang } = useI18n();
  const [proposal, setProposal] = useState<VoterGroupProposal | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const propose = async () => {
    const v = form.getFieldsValue(true) as Values;
    const personIds = (v.subjects ?? []).flatMap((s) => (s?.personId ? [s.personId] : []));
    setProblem(null);
    if (!v.organizationId || !v.voteDate || personIds.length === 0) {
      setProblem(label(VG.needInputs));
      return;
    }
    setLoading(true);
    try {
      const p = await api.post<VoterGroupProposal>('/api/votes/voter-group', {
        organizationId: v.organizationId,
        voteDate: v.voteDate.format('YYYY-MM-DD'),
        personIds,
      });
      setProposal(p);
      if (p.text) {
        form.setFieldsValue({ voterGroup: p.text.slice(0, 500) });
        if (p.voters.length > 0) form.setFieldsValue({ summonedCount: p.voters.length });
        const usernames = p.voters.flatMap((x) => (x.username ? [x.username] : []));
        if (v.mode === 'electronic' && usernames.length > 0) form.setFieldValue(['electronic', 'voterUsernames'], usernames);
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error.text(lang));
    } finally {
      setLoading(false);
    }
  };

  const verdict = proposal?.verdict;
  return (
    <div style={{ margin: '8px 0 16px' }} data-testid="voter-group-proposal">
      <Space wrap>
        <Button onClick={() => void propose()} loading={loading} data-testid="voter-group-propose">
          {label(VG.propose)}
        </Button>
        <Typography.Text type="secondary">{label(VG.proposeHelp)}</Typography.Text>
      </Space>
      {problem ? <Alert type="warning" showIcon style={{ marginTop: 8 }} title={problem} /> : null}
      {verdict ? (
        <Alert
          style={{ marginTop: 8 }}
          showIcon
          type={verdict.status === 'matched' ? 'info' : 'warning'}
          title={label(verdict.message)}
          description={
            <>
              {verdict.unconfirmed ? <div>{label(VG.unconfirmed)}</div> : null}
              {proposal!.voters.length > 0 ? (
                <div>
                  {label(VG.holders)} ({proposal!.voters.length}):{' '}
                  {proposal!.voters.map((x) => `${x.fullName} (${x.title})`).join(', ')}
                </div>
              ) : null}
              {proposal!.manualParts.length > 0 ? (
                <div>
                  {label(VG.manual)}: {proposal!.manualParts.map((x) => label(x)).join('; ')}
                </div>
              ) : null}
              <div style={{ color: '#888' }}>
                {label(VG.rule)}: {verdict.ruleId}
                {verdict.versionId ? ` · ${verdict.versionId}` : ''}
              </div>
            </>
          }
        />
      ) : null}
    </div>
  );
}
