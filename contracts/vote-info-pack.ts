// The information pack: what the voters receive about each person before a confidence vote
// (policy/votes/info-pack.yaml lists the sections and cites the rule).
import { z } from 'zod';

const bilingual = z.object({ vi: z.string(), en: z.string() });

export const INFO_PACK_SECTIONS = ['cv', 'self-assessment', 'ratings', 'previous-votes'] as const;
export type InfoPackSection = (typeof INFO_PACK_SECTIONS)[number];

export const infoPackPersonSchema = z.object({
  subjectId: z.string(),
  fullName: z.string(),
  titleText: z.string(),
  /** false when the person was typed by name (no record): only name and title can be given */
  hasRecord: z.boolean(),
  cv: z
    .object({
      sex: bilingual,
      birthDate: z.string(),
      homeTown: z.string().nullable(),
      ethnicity: z.string(),
      organizationName: z.string(),
      professionalLevel: bilingual,
      theoryLevel: bilingual,
      partyAdmissionDate: z.string().nullable(),
      workHistory: z.array(
        z.object({ from: z.string(), to: z.string().nullable(), titleName: z.string(), organizationName: z.string() }),
      ),
    })
    .nullable(),
  /** the latest annual evaluation up to the vote's year */
  selfAssessment: z
    .object({
      year: z.number(),
      cycleTitle: z.string(),
      comment: z.string().nullable(),
      selfPoints: z.number().nullable(),
      decidedLevel: bilingual.nullable(),
    })
    .nullable(),
  ratings: z.array(z.object({ year: z.number(), level: bilingual })),
  previousVotes: z.array(
    z.object({
      voteDate: z.string(),
      collected: z.number(),
      pctHigh: z.number(),
      pctMedium: z.number(),
      pctLow: z.number(),
    }),
  ),
});
export type InfoPackPerson = z.infer<typeof infoPackPersonSchema>;

export const infoPackSchema = z.object({
  sessionId: z.string(),
  title: z.string(),
  voteDate: z.string(),
  organizationName: z.string(),
  rule: z.object({ id: z.string(), citation: z.string(), unconfirmed: z.boolean() }),
  sections: z.array(z.object({ key: z.enum(INFO_PACK_SECTIONS), label: bilingual })),
  people: z.array(infoPackPersonSchema),
});
export type InfoPack = z.infer<typeof infoPackSchema>;
