import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

/** Title, one sentence saying what the page is for, and the page's main actions. */
export function PageHeader({ title, intro, extra }: { title: string; intro?: string; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {intro ? (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {intro}
          </Typography.Paragraph>
        ) : null}
      </div>
      {extra ? <Flex gap={8}>{extra}</Flex> : null}
    </Flex>
  );
}
