import { useState } from 'react';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  DISCIPLINE_LABELS,
  DISCIPLINE_LEVELS,
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  type EligibilityCheckBody,
  type EligibilityResult,
  PURPOSES,
  PURPOSE_LABELS,
  RATING_LABELS,
  RATING_LEVELS,
  STATE_MANAGEMENT_LABELS,
  STATE_MANAGEMENT_LEVELS,
  THEORY_LABELS,
  THEORY_LEVELS,
  TRACKS,
  TRACK_LABELS,
  type Rule,
} from '@contracts/policy';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { VerdictList } from './VerdictList';

type Level = (typeof RATING_LEVELS)[number] | '';
interface Values {
  date: Dayjs;
  track: (typeof TRACKS)[number];
  organizationId?: string;
  purpose: (typeof PURPOSES)[number];
  sex: 'M' | 'F';
  birth: string;
  femaleLeaderTo60: boolean;
  currentTitleRank: number | null;
  currentPostSince: Dayjs | null;
  politicalTheory: (typeof THEORY_LEVELS)[number];
  education: (typeof EDUCATION_LEVELS)[number];
  stateManagement: (typeof STATE_MANAGEMENT_LEVELS)[number];
  inPlanForTitle: boolean;
  politicalStandardConcluded: boolean;
  disciplines: { level: (typeof DISCIPLINE_LEVELS)[number]; decidedOn: Dayjs }[];
  ratings: [Level, Level, Level];
  titleName: string;
  rank: number;
  requiredTheory: (typeof THEORY_LEVELS)[number];
  requiredEducation: (typeof EDUCATION_LEVELS)[number];
  requiredStateManagement: (typeof STATE_MANAGEMENT_LEVELS)[number];
  planningReference?: string;
  specialCase: boolean;
}

const BIRTH = /^(?:(\d{1,2})\/)?(?:(\d{1,2})\/)?(\d{4})$/;

/** "1975" | "05/1975" | "20/05/1975" → "1975" | "1975-05" | "1975-05-20". */
export function birthToIso(text: string): string | null {
  const m = BIRTH.exec(text.trim());
  if (!m) return null;
  const [, a, b, year] = m;
  const pad = (s: string) => s.padStart(2, '0');
  if (a && b) return `${year}-${pad(b)}-${pad(a)}`;
  if (a) return `${year}-${pad(a)}`;
  return year!;
}

const DEFAULTS: Partial<Values> = {
  date: dayjs(),
  track: 'party',
  purpose: 'appointment',
  sex: 'M',
  femaleLeaderTo60: false,
  currentTitleRank: null,
  currentPostSince: null,
  politicalTheory: 'none',
  education: 'dai_hoc',
  stateManagement: 'none',
  inPlanForTitle: false,
  politicalStandardConcluded: false,
  disciplines: [],
  ratings: ['', '', ''],
  requiredTheory: 'cao_cap',
  requiredEducation: 'dai_hoc',
  requiredStateManagement: 'chuyen_vien_chinh',
  specialCase: false,
};

const EXAMPLE: Partial<Values> = {
  purpose: 'appointment',
  sex: 'F',
  birth: '12/08/1976',
  currentTitleRank: 6,
  currentPostSince: dayjs('2025-03-01'),
  politicalTheory: 'cao_cap',
  education: 'thac_si',
  stateManagement: 'chuyen_vien_chinh',
  inPlanForTitle: true,
  politicalStandardConcluded: true,
  disciplines: [{ level: 'khien_trach', decidedOn: dayjs('2025-03-15') }],
  ratings: ['good', 'good', 'excellent'],
  titleName: 'Giám đốc Sở Nội vụ',
  rank: 5,
};

/** "Check against title X on date D": the facts typed in, the verdicts of the rules in force then. */
export function CheckTab({ onOpenRule }: { onOpenRule: (id: string) => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<EligibilityResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const date = Form.useWatch('date', form) ?? dayjs();
  const purpose = Form.useWatch('purpose', form);
  const sex = Form.useWatch('sex', form);
  const year = date.year();
  const refs = useApiQuery<{ items: Rule[] }>('/api/policy/rules', { date: date.format('YYYY-MM-DD'), track: 'party' });
  const refDates = refs.data?.items.find((r) => r.id === 'planning.reference-dates');
  const refOptions = (
    (refDates?.params.dates as { key: string; label: { vi: string; en: string }; month: string }[] | undefined) ?? []
  ).map((d) => ({
    value: d.key,
    label: `${label(d.label)} (${d.month.slice(5)}/${d.month.slice(0, 4)})`,
  }));

  const submit = async (v: Values) => {
    const body: EligibilityCheckBody = {
      date: v.date.format('YYYY-MM-DD'),
      track: v.track,
      ...(v.organizationId ? { organizationId: v.organizationId } : {}),
      facts: {
        person: {
          sex: v.sex,
          birth: birthToIso(v.birth) ?? v.birth,
          femaleLeaderTo60: v.sex === 'F' && v.femaleLeaderTo60,
          currentTitleRank: v.currentTitleRank ?? null,
          currentPostSince: v.currentPostSince ? v.currentPostSince.format('YYYY-MM-DD') : null,
          disciplines: (v.disciplines ?? []).map((d) => ({ level: d.level, decidedOn: d.decidedOn.format('YYYY-MM-DD') })),
          politicalTheory: v.politicalTheory,
          education: v.education,
          stateManagement: v.stateManagement,
          ratings: v.ratings.flatMap((level, i) => (level ? [{ year: year - 1 - i, level }] : [])),
          inPlanForTitle: v.inPlanForTitle,
          politicalStandardConcluded: v.politicalStandardConcluded,
        },
        target: {
          ...(v.titleName ? { titleName: v.titleName } : {}),
          rank: v.rank,
          requiredTheory: v.requiredTheory,
          requiredEducation: v.requiredEducation,
          requiredStateManagement: v.requiredStateManagement,
          ...(v.purpose === 'planning' && v.planningReference ? { planningReference: v.planningReference } : {}),
          specialCase: v.specialCase,
        },
        purpose: v.purpose,
      },
    };
    setBusy(true);
    try {
      setResult(await api.post<EligibilityResult>('/api/policy/eligibility/check', body));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  const opts = <K extends string>(keys: readonly K[], labels: Record<K, { vi: string; en: string }>) =>
    keys.map((k) => ({ value: k, label: label(labels[k]) }));
  const failed = result?.missing.length ?? 0;
  const warnings = result?.verdicts.filter((v) => v.status === 'warning').length ?? 0;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('check.intro')} {t('check.recordsNote')}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={DEFAULTS}
        onFinish={(v) => void submit(v)}
        data-testid="check-form"
      >
        <Flex gap={16} wrap align="flex-end">
          <Form.Item name="date" label={t('policy.date')} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" allowClear={false} />
          </Form.Item>
          <Form.Item name="track" label={t('policy.track')}>
            <Select style={{ width: 150 }} options={opts(TRACKS, TRACK_LABELS)} />
          </Form.Item>
          <Form.Item name="purpose" label={t('check.purpose')}>
            <Select style={{ width: 230 }} options={opts(PURPOSES, PURPOSE_LABELS)} />
          </Form.Item>
          <Form.Item name="organizationId" label={t('policy.organization')} style={{ minWidth: 340 }}>
            <OrganizationSelect placeholder={t('policy.organizationAny')} />
          </Form.Item>
          <Form.Item>
            <Button onClick={() => form.setFieldsValue(EXAMPLE)} data-testid="check-example">
              {t('check.example')}
            </Button>
          </Form.Item>
        </Flex>
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('check.person')}>
              <Row gutter={12}>
                <Col span={6}>
                  <Form.Item name="sex" label={t('check.sex')}>
                    <Select
                      options={[
                        { value: 'M', label: t('sex.M') },
                        { value: 'F', label: t('sex.F') },
                      ]}
                    />
                  </Form.Item>
                </Col>
                <Col span={9}>
                  <Form.Item
                    name="birth"
                    label={t('check.birth')}
                    extra={t('check.birthHelp')}
                    rules={[
                      { required: true, message: t('common.required') },
                      {
                        validator: async (_, v: string) =>
                          v && !birthToIso(v) ? Promise.reject(new Error(t('check.birthInvalid'))) : undefined,
                      },
                    ]}
                  >
                    <Input placeholder="20/05/1975" data-testid="check-birth" />
                  </Form.Item>
                </Col>
                <Col span={9}>
                  <Form.Item name="currentTitleRank" label={t('check.currentRank')} extra={t('check.rankHelp')}>
                    <InputNumber min={1} max={20} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="currentPostSince" label={t('check.currentPostSince')}>
                    <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="politicalTheory" label={t('check.theory')}>
                    <Select options={opts(THEORY_LEVELS, THEORY_LABELS)} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="education" label={t('check.education')}>
                    <Select options={opts(EDUCATION_LEVELS, EDUCATION_LABELS)} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="stateManagement" label={t('check.stateManagement')}>
                    <Select options={opts(STATE_MANAGEMENT_LEVELS, STATE_MANAGEMENT_LABELS)} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item label={t('check.ratings')}>
                    <Row gutter={8}>
                      {[0, 1, 2].map((i) => (
                        <Col span={8} key={i}>
                          <Form.Item name={['ratings', i]} noStyle>
                            <Select
                              style={{ width: '100%' }}
                              prefix={`${year - 1 - i}:`}
                              options={[{ value: '', label: t('check.noRating') }, ...opts(RATING_LEVELS, RATING_LABELS)]}
                            />
                          </Form.Item>
                        </Col>
                      ))}
                    </Row>
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="inPlanForTitle" valuePropName="checked" style={{ marginBottom: 4 }}>
                <Checkbox>{t('check.inPlan')}</Checkbox>
              </Form.Item>
              <Form.Item name="politicalStandardConcluded" valuePropName="checked" style={{ marginBottom: 4 }}>
                <Checkbox>{t('check.politicalStandard')}</Checkbox>
              </Form.Item>
              {sex === 'F' ? (
                <Form.Item name="femaleLeaderTo60" valuePropName="checked" style={{ marginBottom: 4 }}>
                  <Checkbox>{t('check.femaleLeader')}</Checkbox>
                </Form.Item>
              ) : null}
              <Typography.Text strong>{t('check.disciplines')}</Typography.Text>
              <Form.List name="disciplines">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Flex key={field.key} gap={8} align="baseline">
                        <Form.Item name={[field.name, 'level']} rules={[{ required: true, message: t('common.requiredSelect') }]}>
                          <Select
                            style={{ width: 180 }}
                            placeholder={t('check.disciplineLevel')}
                            options={opts(DISCIPLINE_LEVELS, DISCIPLINE_LABELS)}
                          />
                        </Form.Item>
                        <Form.Item name={[field.name, 'decidedOn']} rules={[{ required: true, message: t('common.required') }]}>
                          <DatePicker format="DD/MM/YYYY" placeholder={t('check.disciplineDate')} />
                        </Form.Item>
                        <MinusCircleOutlined onClick={() => remove(field.name)} />
                      </Flex>
                    ))}
                    <Button
                      type="dashed"
                      size="small"
                      onClick={() => add({ level: 'khien_trach' })}
                      icon={<PlusOutlined />}
                      style={{ marginTop: 8 }}
                    >
                      {t('check.addDiscipline')}
                    </Button>
                  </>
                )}
              </Form.List>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('check.target')}>
              <Form.Item name="titleName" label={t('check.titleName')}>
                <Input maxLength={300} />
              </Form.Item>
              <Form.Item
                name="rank"
                label={t('check.targetRank')}
                rules={[{ required: true, message: t('common.required') }]}
                extra={t('check.rankHelp')}
              >
                <InputNumber min={1} max={20} style={{ width: '100%' }} data-testid="check-rank" />
              </Form.Item>
              <Form.Item name="requiredTheory" label={t('check.requiredTheory')}>
                <Select options={opts(THEORY_LEVELS, THEORY_LABELS)} />
              </Form.Item>
              <Form.Item name="requiredEducation" label={t('check.requiredEducation')}>
                <Select options={opts(EDUCATION_LEVELS, EDUCATION_LABELS)} />
              </Form.Item>
              <Form.Item name="requiredStateManagement" label={t('check.requiredStateManagement')}>
                <Select options={opts(STATE_MANAGEMENT_LEVELS, STATE_MANAGEMENT_LABELS)} />
              </Form.Item>
              {purpose === 'planning' ? (
                <Form.Item name="planningReference" label={t('check.planningReference')}>
                  <Select allowClear placeholder={t('check.planningReferenceNone')} options={refOptions} />
                </Form.Item>
              ) : (
                <Form.Item name="specialCase" valuePropName="checked">
                  <Checkbox>{t('check.specialCase')}</Checkbox>
                </Form.Item>
              )}
            </Card>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 16 }} data-testid="check-submit">
          {t('check.submit')}
        </Button>
      </Form>
      {error ? <ApiErrorAlert error={error} /> : null}
      {result ? (
        <div data-testid="check-result">
          <Alert
            type={result.eligible ? 'success' : 'error'}
            showIcon
            title={
              result.eligible
                ? t('check.eligible')
                : `${t('check.notEligible', { n: failed })}${failed === 1 ? ` — ${t('check.oneShort')}` : ''}`
            }
            description={`${t('check.appliedOn', { date: dayjs(result.date).format('DD/MM/YYYY'), track: label(TRACK_LABELS[result.track]) })}${warnings ? ` · ${t('check.warnings', { n: warnings })}` : ''}`}
            data-testid="check-summary"
          />
          <VerdictList verdicts={result.verdicts} onOpenRule={onOpenRule} date={result.date} track={result.track} />
        </div>
      ) : null}
    </Space>
  );
}
