import crypto from "node:crypto";

// Sticky assignment of sellers to the variants of a rollout experiment.
//
// Each subject (a user id, or an anonymous visitor's cookie id) hashes with the experiment's
// seed to a point u in [0, 1). The unit interval is laid out once per experiment:
//
//   [0, MAX_HOLDOUT_SHARE)   the holdout lane: the first `holdoutShare` of it gets no pre-fill
//   then one lane per candidate, of equal width: the first `share` of each lane gets the candidate
//   everything else         control
//
// A lane's width never changes while shares do, so raising a candidate from 10 % to 50 % only
// adds subjects to it: everyone who had the candidate keeps it. Lowering a share returns the
// subjects at the end of the lane to control, and raising it again brings the same ones back.

export const MAX_HOLDOUT_SHARE = 0.1;

export type CandidateShare = { key: string; share: number };

export type Assignment = { kind: "holdout" } | { kind: "control" } | { kind: "candidate"; key: string };

/** A subject's point in [0, 1) for an experiment seed: uniform, stable, independent across seeds. */
export function subjectPoint(seed: string, subjectId: string): number {
  const digest = crypto.createHash("sha256").update(`${seed}\u0000${subjectId}`).digest();
  // 48 bits are plenty for shares given in whole per-mille.
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** How wide each candidate's lane is: the largest share a candidate can be given. */
export function candidateLaneWidth(candidateCount: number): number {
  return candidateCount === 0 ? 0 : (1 - MAX_HOLDOUT_SHARE) / candidateCount;
}

/** Why a set of shares cannot be used, or null when it can. Candidates keep their order (it fixes their lanes). */
export function sharesProblem(holdoutShare: number, candidates: readonly CandidateShare[]): string | null {
  if (!(holdoutShare >= 0 && holdoutShare <= MAX_HOLDOUT_SHARE)) return `The holdout can be at most ${MAX_HOLDOUT_SHARE * 100} %.`;
  const width = candidateLaneWidth(candidates.length);
  for (const candidate of candidates) {
    if (!(candidate.share >= 0 && candidate.share <= width + 1e-9)) {
      return `With ${candidates.length} candidate${candidates.length === 1 ? "" : "s"}, each can have at most ${Math.floor(width * 1000) / 10} % of sellers.`;
    }
  }
  return null;
}

/** Which variant a point falls in. */
export function assignPoint(point: number, holdoutShare: number, candidates: readonly CandidateShare[]): Assignment {
  if (point < MAX_HOLDOUT_SHARE) return point < holdoutShare ? { kind: "holdout" } : { kind: "control" };
  const width = candidateLaneWidth(candidates.length);
  const lane = Math.floor((point - MAX_HOLDOUT_SHARE) / width);
  const candidate = candidates[lane];
  if (!candidate) return { kind: "control" };
  const offset = point - MAX_HOLDOUT_SHARE - lane * width;
  return offset < candidate.share ? { kind: "candidate", key: candidate.key } : { kind: "control" };
}

export function assignSubject(seed: string, subjectId: string, holdoutShare: number, candidates: readonly CandidateShare[]): Assignment {
  return assignPoint(subjectPoint(seed, subjectId), holdoutShare, candidates);
}
