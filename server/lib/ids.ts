import { ulid } from 'ulid';

export const newId = (): string => ulid();
export const nowIso = (): string => new Date().toISOString();
export const todayIso = (): string => new Date().toISOString().slice(0, 10);
