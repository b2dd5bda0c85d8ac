import { useState } from 'react';
import { Card, Col, Empty, Flex, Row, Typography } from 'antd';
import type { PersonStatistics, RetirementForecast } from '@contracts/persons';
import { Table } from 'antd';
import { ApiErrorAlert } from '../../ui/errors';
import { PageHeader } from '../../ui/PageHeader';
import { useApiQuery } from '../../ui/useApiQuery';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { usePersonTexts } from './texts';

const BAR = 18;

/** Counts as the reader writes them: 3.249 in Vietnamese, 3,249 in English. */
const countText = (n: number, lang: string) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');
const COUNT_STYLE = { whiteSpace: 'nowrap' } as const;

function Bars({ rows, lang }: { rows: { label: string; count: number }[]; lang: string }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  if (rows.length === 0) return <Empty />;
  return (
    <div>
      {rows.map((r) => (
        <Flex key={r.label} align="center" gap={8} style={{ marginBottom: 6 }}>
          <Typography.Text style={{ width: 170, flex: 'none' }} ellipsis>
            {r.label}
          </Typography.Text>
          <div style={{ height: BAR, width: `${(r.count / max) * 60}%`, background: '#1677ff', borderRadius: 2 }} />
          <Typography.Text type="secondary" style={COUNT_STYLE}>
            {countText(r.count, lang)}
          </Typography.Text>
        </Flex>
      ))}
    </div>
  );
}

/** Charts of the workforce in a subtree: age pyramid by sex, ethnicity, education, political theory, party membership. */
export function PersonStatisticsPage() {
  const { p, fmt, lang } = usePersonTexts();
  const [organizationId, setOrganizationId] = useState<string>();
  const stats = useApiQuery<PersonStatistics>('/api/persons/statistics', { organizationId });
  const forecast = useApiQuery<RetirementForecast>('/api/persons/retirement-forecast', { organizationId });
  const s = stats.data;
  const named = (rows: PersonStatistics['ethnicity']) =>
    rows.map((r) => ({ label: lang === 'vi' ? r.label : r.labelEn, count: r.count }));
  const maxAge = Math.max(1, ...(s?.agePyramid ?? []).flatMap((a) => [a.male, a.female]));
  return (
    <>
      <PageHeader
        title={p.stats}
        intro={p.statsIntro}
        extra={
          <div style={{ width: 320 }}>
            <OrganizationSelect value={organizationId} onChange={setOrganizationId} placeholder={p.organization} />
          </div>
        }
      />
      {stats.error ? <ApiErrorAlert error={stats.error} onRetry={stats.reload} /> : null}
      {s ? (
        <>
          <Typography.Title level={4} data-testid="stats-total">
            {fmt(p.people, { n: countText(s.total, lang) })}
          </Typography.Title>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title={p.pyramid}>
                {[...s.agePyramid].reverse().map((a) => (
                  <Flex key={a.band} align="center" gap={8} style={{ marginBottom: 6 }}>
                    <Flex justify="flex-end" style={{ flex: 1 }}>
                      <Typography.Text type="secondary" style={{ marginRight: 6, ...COUNT_STYLE }}>
                        {countText(a.male, lang)}
                      </Typography.Text>
                      <div
                        title={`${p.male}: ${a.male}`}
                        style={{ height: BAR, width: `${(a.male / maxAge) * 100}%`, background: '#1677ff' }}
                      />
                    </Flex>
                    <Typography.Text style={{ width: 70, textAlign: 'center' }}>{a.band}</Typography.Text>
                    <Flex style={{ flex: 1 }}>
                      <div
                        title={`${p.female}: ${a.female}`}
                        style={{ height: BAR, width: `${(a.female / maxAge) * 100}%`, background: '#eb2f96' }}
                      />
                      <Typography.Text type="secondary" style={{ marginLeft: 6, ...COUNT_STYLE }}>
                        {countText(a.female, lang)}
                      </Typography.Text>
                    </Flex>
                  </Flex>
                ))}
                <Flex justify="space-between">
                  <Typography.Text style={{ color: '#1677ff' }}>{p.male}</Typography.Text>
                  <Typography.Text style={{ color: '#eb2f96' }}>{p.female}</Typography.Text>
                </Flex>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={p.ethnicity}>
                <Bars lang={lang} rows={named(s.ethnicity).slice(0, 12)} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={p.education}>
                <Bars lang={lang} rows={named(s.professionalLevel)} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={p.theory}>
                <Bars lang={lang} rows={named(s.theoryLevel)} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={p.membership}>
                <Bars lang={lang} rows={named(s.partyMembership)} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={lang === 'vi' ? 'Dự báo nghỉ hưu 10 năm tới' : 'Retirements in the next 10 years'}>
                <Bars
                  lang={lang}
                  rows={(forecast.data?.byYear ?? []).map((y) => ({ label: String(y.year), count: y.male + y.female }))}
                />
              </Card>
            </Col>
            <Col xs={24}>
              <Card
                title={
                  lang === 'vi'
                    ? 'Nghỉ hưu trong 24 tháng tới và vị trí sẽ trống'
                    : 'Retiring within 24 months and the seats left vacant'
                }
              >
                <Table
                  size="small"
                  rowKey="personId"
                  pagination={{ pageSize: 10 }}
                  dataSource={forecast.data?.upcoming ?? []}
                  columns={[
                    { title: p.name, dataIndex: 'fullName' },
                    { title: p.unit, dataIndex: 'organizationName' },
                    { title: p.post, dataIndex: 'currentTitle' },
                    {
                      title: lang === 'vi' ? 'Ngày nghỉ hưu' : 'Retirement',
                      render: (_, u) => u.retirementDate.split('-').reverse().join('/'),
                    },
                    {
                      title: lang === 'vi' ? 'Vị trí sẽ trống' : 'Seat falling vacant',
                      render: (_, u) => u.seats.map((x) => `${x.titleName} – ${x.organizationName}`).join('; '),
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
    </>
  );
}
