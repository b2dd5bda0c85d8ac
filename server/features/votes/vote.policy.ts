// The confidence-vote thresholds come from the policy packs (policy/packs/*.yaml, rules vote.* and state.*), the
// version in force on the vote's date for its track; CanBo's own analysis settings from policy/votes/analysis.yaml.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { z } from 'zod';
import { INFO_PACK_SECTIONS } from '../../../contracts/vote-info-pack';
import type { PolicyTrack, VoteConsequence } from '../../../contracts/votes';
import { loadPolicyLibrary } from '../policy/pack.loader';
import type { Threshold } from '../policy/pack.schema';
import { type PolicyLibrary, citationText as packCitationText, policyAt, ruleIn } from '../policy/policy.library';
import { type VoterGroupsFile, voterGroupsFileSchema } from './voter-group.rules';

export type Fraction = Threshold;

const analysisFile = z.object({
  id: z.string(),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  citation: z.object({ document: z.string(), date: z.string() }),
  params: z.object({
    allHighShare: z.object({ numerator: z.number().int().min(0), denominator: z.number().int().min(1) }),
    minSpreadPoints: z.number().min(0),
    smallGroupVoters: z.number().int().min(1),
    wilsonZ: z.number().positive(),
    peerGapPoints: z.number().min(0),
  }),
});
export type VoteAnalysis = z.infer<typeof analysisFile>;

export interface PolicyRef {
  id: string;
  text: { vi: string; en: string };
  citation: string;
  unconfirmed: boolean;
}
export interface ConsequenceRule extends PolicyRef {
  lower: Fraction;
  upper?: Fraction;
  /** what the competent body must consider; one task is raised per consequence */
  consequences: VoteConsequence[];
}
/** The threshold a person must pass at a planning-recommendation step (agreement over its base). */
export interface RecommendationRule extends PolicyRef {
  threshold: Fraction;
}
/**
 * How an appointment step's ballot is judged: the approval threshold; on a candidate ballot, the share that still lets
 * a name go on when nobody is approved; what an exact tie at the threshold means.
 */
export interface AppointmentStepRule extends PolicyRef {
  approval: Fraction;
  goOn: Fraction | null;
  tie: 'head-decides' | 'none';
}
export interface VotePolicy {
  track: PolicyTrack;
  /** the pack(s) the rules come from, e.g. "national-2023", and their titles as shown to people */
  id: string;
  title: string;
  quorum: PolicyRef & { params: Fraction };
  consequences: ConsequenceRule[];
  /** planning recommendation sessions: below this a person is not carried to the next step */
  recommendation: RecommendationRule | null;
  /** appointment step sessions: below this the process cannot continue with the person */
  appointmentStep: AppointmentStepRule | null;
  analysis: VoteAnalysis;
}

/** Which rules of the packs are confidence-vote consequences, and what each one raises. */
const CONSEQUENCE_RULES: { id: string; kind: 'band' | 'threshold'; consequences: VoteConsequence[] }[] = [
  { id: 'vote.low-out-of-planning', kind: 'band', consequences: ['out-of-planning-higher', 'may-move-or-resign'] },
  { id: 'vote.low-dismissal', kind: 'threshold', consequences: ['dismissal-procedure'] },
  { id: 'state.resignation-low-votes', kind: 'band', consequences: ['may-move-or-resign'] },
  { id: 'state.dismissal-low-votes', kind: 'threshold', consequences: ['dismissal-procedure'] },
];

export const ANALYSIS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../policy/votes/analysis.yaml');

let cachedAnalysis: VoteAnalysis | null = null;
export function loadVoteAnalysis(source = ANALYSIS_FILE): VoteAnalysis {
  if (source === ANALYSIS_FILE && cachedAnalysis) return cachedAnalysis;
  const parsed = analysisFile.parse(loadYaml(fs.readFileSync(source, 'utf8'), { schema: CORE_SCHEMA }));
  if (source === ANALYSIS_FILE) cachedAnalysis = parsed;
  return parsed;
}

export const VOTER_GROUPS_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../policy/votes/voter-groups.yaml',
);

let cachedVoterGroups: VoterGroupsFile | null = null;
/** Who votes for which title, every version (policy/votes/voter-groups.yaml); throws naming the field on a bad file. */
export function loadVoterGroups(source = VOTER_GROUPS_FILE): VoterGroupsFile {
  if (source === VOTER_GROUPS_FILE && cachedVoterGroups) return cachedVoterGroups;
  const parsed = voterGroupsFileSchema.safeParse(loadYaml(fs.readFileSync(source, 'utf8'), { schema: CORE_SCHEMA }));
  if (!parsed.success)
    throw new Error(
      `${path.basename(source)}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  if (source === VOTER_GROUPS_FILE) cachedVoterGroups = parsed.data;
  return parsed.data;
}

const infoPackFile = z.object({
  id: z.string(),
  title: z.object({ vi: z.string(), en: z.string() }),
  citation: z.object({ document: z.string(), date: z.string(), article: z.string().optional() }),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  status: z.enum(['confirmed', 'unconfirmed']),
  note: z.object({ vi: z.string(), en: z.string() }).optional(),
  sections: z
    .array(z.object({ key: z.enum(INFO_PACK_SECTIONS), label: z.object({ vi: z.string().min(1), en: z.string().min(1) }) }))
    .min(1),
  ratingYears: z.number().int().min(1).max(10),
});
export type InfoPackPolicy = z.infer<typeof infoPackFile>;
export const INFO_PACK_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../policy/votes/info-pack.yaml');
let cachedInfoPack: InfoPackPolicy | null = null;
/** What voters receive about each person (policy/votes/info-pack.yaml). */
export function loadInfoPackPolicy(source = INFO_PACK_FILE): InfoPackPolicy {
  if (source === INFO_PACK_FILE && cachedInfoPack) return cachedInfoPack;
  const parsed = infoPackFile.parse(loadYaml(fs.readFileSync(source, 'utf8'), { schema: CORE_SCHEMA }));
  if (source === INFO_PACK_FILE) cachedInfoPack = parsed;
  return parsed;
}

// The votes module is called by other modules (decisions, planning, evaluation) without a library at hand; it
// reads the same packs from disk as the app, once.
let cachedLibrary: PolicyLibrary | null = null;
export function voteLibrary(): PolicyLibrary {
  cachedLibrary ??= loadPolicyLibrary();
  return cachedLibrary;
}

const ref = (rule: { id: string; text: { vi: string; en: string }; citation: { text: string }; status: string }) => ({
  id: rule.id,
  text: rule.text,
  citation: rule.citation.text,
  unconfirmed: rule.status !== 'confirmed',
});

/** The confidence-vote rules in force on `onDate` (YYYY-MM-DD) for the track, or null when no quorum rule is. */
export function votePolicyAt(track: PolicyTrack, onDate: string, library: PolicyLibrary = voteLibrary()): VotePolicy | null {
  const resolved = policyAt(library, onDate, track);
  const quorum = ruleIn(resolved, 'vote.quorum', 'threshold');
  if (!quorum) return null;
  const consequences: ConsequenceRule[] = [];
  for (const c of CONSEQUENCE_RULES) {
    if (c.kind === 'band') {
      const rule = ruleIn(resolved, c.id, 'band');
      if (rule)
        consequences.push({ ...ref(rule), lower: rule.params.lower, upper: rule.params.upper, consequences: c.consequences });
    } else {
      const rule = ruleIn(resolved, c.id, 'threshold');
      if (rule) consequences.push({ ...ref(rule), lower: rule.params, consequences: c.consequences });
    }
  }
  const recommendation = ruleIn(resolved, 'planning.recommendation-threshold', 'threshold');
  // the state track's NĐ 170/2025 candidate ballot where in force, else the on-site appointment process of the track
  const ballot = ruleIn(resolved, 'state.appointment-ballot', 'appointment-ballot');
  const process = ballot ? undefined : ruleIn(resolved, 'process.appointment.on-site', 'process');
  const appointmentStep: AppointmentStepRule | null = ballot
    ? { ...ref(ballot), approval: ballot.params.chosen, goOn: ballot.params.goOn, tie: ballot.params.tie }
    : process?.params.approval
      ? {
          ...ref(process),
          approval: process.params.approval,
          goOn: null,
          tie: process.params.tie === 'head-decides' ? 'head-decides' : 'none',
        }
      : null;
  const packs = [...new Set([quorum, ...consequences.map((c) => resolved.rules.get(c.id)!)].map((r) => r.packId))];
  return {
    track,
    id: packs.join('+'),
    title: packs.map((id) => library.packs.find((p) => p.id === id)?.title.vi ?? id).join('; '),
    quorum: { ...ref(quorum), params: quorum.params },
    consequences,
    recommendation: recommendation ? { ...ref(recommendation), threshold: recommendation.params } : null,
    appointmentStep,
    analysis: loadVoteAnalysis(),
  };
}

export const analysisCitation = (a: VoteAnalysis) => `${a.citation.document} (${a.id})`;
export { packCitationText as citationText };
