// Who votes for which title (policy/votes/voter-groups.yaml): the verdict for a vote's subjects and the voter list
// derived from it. Kept apart from votes.ts, which imports the verdict for the session detail.
import { z } from 'zod';
import { isoDateSchema } from './common';

const bilingual = z.object({ vi: z.string(), en: z.string() });

export const VOTER_GROUP_STATUSES = ['matched', 'partial', 'mixed', 'none', 'no-version'] as const;
export const voterGroupVerdictSchema = z.object({
  ruleId: z.literal('vote.voter-groups'),
  /** the version of policy/votes/voter-groups.yaml in force on the vote's date */
  versionId: z.string().nullable(),
  citation: z.string().nullable(),
  /** summarised, not yet compared with the text: a suggestion only */
  unconfirmed: z.boolean(),
  status: z.enum(VOTER_GROUP_STATUSES),
  group: z
    .object({
      id: z.string(),
      conference: bilingual,
      /** parts named by posts carry their title codes: their holders are found; the others are added by hand */
      parts: z.array(z.object({ key: z.string(), label: bilingual, titles: z.array(z.string()) })),
    })
    .nullable(),
  /** subjects whose title is in no group of the version */
  outside: z.array(z.string()),
  /** other conferences the subjects belong to (status mixed) */
  otherGroups: z.array(z.object({ conference: bilingual, subjects: z.array(z.string()) })),
  message: bilingual,
});
export type VoterGroupVerdict = z.infer<typeof voterGroupVerdictSchema>;

export const voterGroupQuerySchema = z.strictObject({
  organizationId: z.string().max(40),
  voteDate: isoDateSchema,
  /** person records in scope (their current title is used) */
  personIds: z.array(z.string().max(40)).min(1).max(60),
});
export type VoterGroupQuery = z.infer<typeof voterGroupQuerySchema>;

export const voterGroupProposalSchema = z.object({
  verdict: voterGroupVerdictSchema,
  /** the text to record as the session's voter group */
  text: z.string().nullable(),
  /** holders on the vote's date of the posts the group names, in the vote's organization and its units */
  voters: z.array(
    z.object({
      personId: z.string(),
      fullName: z.string(),
      title: z.string(),
      organizationName: z.string(),
      partKey: z.string(),
      /** the user account linked to the person record, for an electronic vote */
      username: z.string().nullable(),
    }),
  ),
  /** parts whose members CanBo does not hold (committee membership…): added by hand */
  manualParts: z.array(bilingual),
});
export type VoterGroupProposal = z.infer<typeof voterGroupProposalSchema>;
