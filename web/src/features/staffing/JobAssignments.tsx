import { useState } from 'react';
import { Button, DatePicker, Form, Modal, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { PersonSummary } from '@contracts/persons';
import type { JobAssignment, JobPosition, jobAssignmentListSchema } from '@contracts/staffing';
import { EndModal, period } from '../org-tree/IncumbentForms';
import { PersonPicker } from '../votes/PersonPicker';
import { api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { FormModal } from './FormModal';
import { s } from './messages';

type Assignments = z.infer<typeof jobAssignmentListSchema>;

/** Who holds a job position and who held it, with forms to assign a person from a date and to end an assignment. */
export function JobAssignmentsModal({ job, onClose }: { job: JobPosition; onClose: () => void }) {
  const { label } = useI18n();
  const list = useApiQuery<Assignments>(`/api/job-positions/${job.id}/assignments`);
  const [assigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<JobAssignment | null>(null);
  const [picked, setPicked] = useState<PersonSummary>();
  const done = () => {
    setAssigning(false);
    setEnding(null);
    list.reload();
  };
  return (
    <Modal open title={`${label(s.peopleTitle)}: ${job.name}`} footer={null} onCancel={onClose} width={720}>
      <div data-testid="job-assignments">
        {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Space style={{ marginBottom: 8 }}>
          <Button type="primary" size="small" onClick={() => setAssigning(true)} data-testid="job-assign">
            {label(s.assign)}
          </Button>
        </Space>
        <Table<JobAssignment>
          rowKey="id"
          size="small"
          pagination={false}
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: label(s.noPeople) }}
          columns={[
            { title: label(s.person), dataIndex: 'personName' },
            {
              title: label(s.period),
              render: (_, a) => period(a.from, a.to, label(s.now)),
            },
            {
              title: label(s.actions),
              width: 150,
              render: (_, a) =>
                a.to ? null : (
                  <Button size="small" danger onClick={() => setEnding(a)} data-testid={`assignment-end-${a.personName}`}>
                    {label(s.endAssignment)}
                  </Button>
                ),
            },
          ]}
        />
      </div>
      {assigning ? (
        <FormModal<{ personId: string; from: Dayjs }>
          open
          title={`${label(s.assign)}: ${job.name}`}
          fields={['personId', 'personName', 'from']}
          initialValues={{ from: dayjs() }}
          onSubmit={(v) =>
            api.post(`/api/job-positions/${job.id}/assignments`, {
              personId: v.personId,
              personName: picked?.fullName ?? '',
              from: v.from.format('YYYY-MM-DD'),
            })
          }
          onDone={done}
          onClose={() => setAssigning(false)}
          doneText={label(s.assigned)}
          testId="assign-form"
        >
          {() => (
            <>
              <Form.Item name="personId" label={label(s.person)} rules={[{ required: true, message: label(s.required) }]}>
                <PersonPicker onPicked={setPicked} testId="assign-person" />
              </Form.Item>
              <Form.Item name="from" label={label(s.validFrom)} rules={[{ required: true, message: label(s.required) }]}>
                <DatePicker format="DD/MM/YYYY" data-testid="assign-from" />
              </Form.Item>
            </>
          )}
        </FormModal>
      ) : null}
      {ending ? (
        <EndModal
          title={`${label(s.endAssignment)}: ${ending.personName}`}
          path={`/api/job-assignments/${ending.id}/end`}
          onClose={() => setEnding(null)}
          onDone={done}
        />
      ) : null}
    </Modal>
  );
}
