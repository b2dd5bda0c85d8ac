// The dated table of Vietnamese days off (policy/holidays/*.yaml), validated at load: working days are counted from it.
import fs from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { z } from 'zod';
import { DEFAULT_POLICY_DIR } from '../policy/pack.loader';

const date = z.iso.date();
const day = z.strictObject({ date, vi: z.string().min(1), en: z.string().min(1) });
const bilingual = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });
const fileSchema = z.strictObject({
  id: z.string().min(1),
  statute: z.strictObject({ document: z.string(), date, article: z.string() }),
  years: z
    .array(
      z.strictObject({
        year: z.number().int().min(2000).max(2100),
        status: z.enum(['confirmed', 'unconfirmed']),
        source: bilingual,
        note: bilingual.optional(),
        daysOff: z.array(day),
        workingWeekendDays: z.array(day),
      }),
    )
    .min(1),
});

/** Which days are not worked, for the years the table covers. */
export interface HolidayCalendar {
  daysOff: ReadonlyMap<string, { vi: string; en: string }>;
  workingWeekendDays: ReadonlySet<string>;
  years: ReadonlyMap<number, { status: 'confirmed' | 'unconfirmed'; source: { vi: string; en: string } }>;
}

/** Builds a calendar from parsed table content; throws naming the bad entry. */
export function buildCalendar(content: unknown, file = 'holidays'): HolidayCalendar {
  const parsed = fileSchema.safeParse(content);
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const daysOff = new Map<string, { vi: string; en: string }>();
  const working = new Set<string>();
  const years = new Map<number, { status: 'confirmed' | 'unconfirmed'; source: { vi: string; en: string } }>();
  for (const y of parsed.data.years) {
    if (years.has(y.year)) throw new Error(`${file}: year ${y.year} listed twice`);
    years.set(y.year, { status: y.status, source: y.source });
    for (const d of y.daysOff) {
      const weekday = new Date(`${d.date}T00:00:00Z`).getUTCDay();
      if (!d.date.startsWith(String(y.year))) throw new Error(`${file}: ${d.date} is not in ${y.year}`);
      if (weekday === 0 || weekday === 6) throw new Error(`${file}: ${d.date} is a weekend day; list only weekdays off`);
      daysOff.set(d.date, { vi: d.vi, en: d.en });
    }
    for (const d of y.workingWeekendDays) {
      const weekday = new Date(`${d.date}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) throw new Error(`${file}: ${d.date} is not a weekend day`);
      working.add(d.date);
    }
  }
  return { daysOff, workingWeekendDays: working, years };
}

let cached: HolidayCalendar | null = null;

/** The calendar of policy/holidays/vietnam.yaml, read once. */
export function holidayCalendar(dir: string = DEFAULT_POLICY_DIR): HolidayCalendar {
  if (cached && dir === DEFAULT_POLICY_DIR) return cached;
  const file = path.join(dir, 'holidays', 'vietnam.yaml');
  const calendar = buildCalendar(
    loadYaml(fs.readFileSync(file, 'utf8'), { schema: CORE_SCHEMA }),
    'policy/holidays/vietnam.yaml',
  );
  if (dir === DEFAULT_POLICY_DIR) cached = calendar;
  return calendar;
}
