// Pure rules of a vote session: quorum, reconciliation and double entry of a paper count, per-subject results with
// consequences from the policy in force, and the flags that say when a vote carries no information.
// Split by concern; this module re-exports them so callers import the rules from one place.
export * from './vote.rules.basics';
export * from './vote.rules.paper';
export * from './vote.rules.consequences';
export * from './vote.rules.results';
export * from './vote.rules.comparison';
