import { useState } from 'react';
import { LockOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { z } from 'zod';
import { ROLE_LABELS } from '@contracts/common';
import type { userListSchema } from '@contracts/auth';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { useApiQuery } from '../../ui/useApiQuery';
import { CreateUserModal } from './CreateUserModal';

type UserList = z.infer<typeof userListSchema>;
type UserSummary = UserList['items'][number];

export function UsersPage() {
  const { t, label } = useI18n();
  const [creating, setCreating] = useState(false);
  const list = useApiQuery<UserList>('/api/users');

  const columns: TableColumnsType<UserSummary> = [
    {
      title: t('users.fullName'),
      dataIndex: 'fullName',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('users.username'),
      dataIndex: 'username',
      render: (username: string) => <Typography.Text code>{username}</Typography.Text>,
    },
    {
      title: t('users.grants'),
      dataIndex: 'grants',
      render: (_, user) => (
        <Space orientation="vertical" size={2}>
          {user.grants.map((grant) => (
            <span key={`${grant.role}:${grant.organizationId}`}>
              <Typography.Text strong>{label(ROLE_LABELS[grant.role])}</Typography.Text> — {grant.organizationName}
            </span>
          ))}
        </Space>
      ),
    },
    {
      title: t('users.status'),
      dataIndex: 'locked',
      width: 170,
      render: (locked: boolean) =>
        locked ? (
          <Tag color="error" icon={<LockOutlined />}>
            {t('users.locked')}
          </Tag>
        ) : (
          <Tag color="success">{t('users.active')}</Tag>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        intro={t('users.intro')}
        extra={
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
            {t('users.add')}
          </Button>
        }
      />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<UserSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('users.total', { n: total }) }}
        />
      </Space>
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          list.reload();
        }}
      />
    </>
  );
}
