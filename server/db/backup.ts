import fs from 'node:fs';
import SQLite from 'better-sqlite3';

/** SQLite online backup: consistent even while the server is writing. */
export async function backupSqlite(sourceFile: string, destination: string): Promise<void> {
  const source = new SQLite(sourceFile, { fileMustExist: true });
  try {
    await source.backup(destination);
  } finally {
    source.close();
  }
}

/** Replaces the database file with a backup after checking the backup is a sound SQLite database. */
export async function restoreSqlite(backupFile: string, targetFile: string): Promise<void> {
  const check = new SQLite(backupFile, { readonly: true, fileMustExist: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`Bản sao lưu hỏng / backup is corrupt: ${String(result)}`);
    await check.backup(`${targetFile}.restoring`);
  } finally {
    check.close();
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${targetFile}${suffix}`, { force: true });
  fs.renameSync(`${targetFile}.restoring`, targetFile);
}

export function postgresDumpCommand(url: string, file: string, command: 'backup' | 'restore'): string {
  const safeUrl = url.replace(/\/\/([^:@/]+):[^@]+@/, '//$1:***@');
  return command === 'backup'
    ? `PostgreSQL: chạy / run  pg_dump --format=custom --file=${file} "${safeUrl}"`
    : `PostgreSQL: chạy / run  pg_restore --clean --if-exists --dbname="${safeUrl}" ${file}`;
}
