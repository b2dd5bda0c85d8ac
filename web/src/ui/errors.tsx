import { Alert } from 'antd';
import type { FormInstance } from 'antd';
import type { ErrorDetail } from '@contracts/common';
import { ApiError } from './api';
import { useI18n, type Lang } from './i18n';

/** An error banner in the user's language, with the request id support staff ask for. */
export function ApiErrorAlert({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { lang, t } = useI18n();
  const unplaced = error.details.filter((detail) => detail.path === '');
  return (
    <Alert
      type="error"
      showIcon
      title={error.text(lang)}
      description={
        unplaced.length > 0 || error.requestId ? (
          <>
            {unplaced.map((detail) => (
              <div key={detail.message}>{detailText(detail, lang)}</div>
            ))}
            {error.requestId ? (
              <small>
                {t('common.requestId')}: {error.requestId}
              </small>
            ) : null}
          </>
        ) : undefined
      }
      action={onRetry ? <a onClick={onRetry}>{t('common.retry')}</a> : undefined}
    />
  );
}

export const detailText = (detail: ErrorDetail, lang: Lang): string => (lang === 'vi' ? detail.message : detail.messageEn);

/**
 * Puts each `details[].path` message on the matching form field ("grants.0.role" → ['grants', 0, 'role']).
 * Returns the messages that match no field, for a banner.
 */
export function applyFieldErrors(form: FormInstance, error: ApiError, lang: Lang, fields: readonly string[]): string[] {
  const unplaced: string[] = [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const detail of error.details) {
    const name = detail.path
      .split(/[.[\]/]+/)
      .filter(Boolean)
      .filter((part, index) => !(index === 0 && part === 'body'))
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const top = name[0];
    if (typeof top !== 'string' || !fields.includes(top)) {
      unplaced.push(detailText(detail, lang));
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(detailText(detail, lang));
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return unplaced;
}
