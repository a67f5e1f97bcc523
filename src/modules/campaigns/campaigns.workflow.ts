/**
 * Pure rules of a campaign: its phases, the nomination window, the jury's figures and the
 * coverage per province. No database here (campaigns.workflow.test.ts).
 */
import { campaignPhases, type CampaignPhase } from './campaigns.schema.ts';
import { provinces } from './municipalities.ts';

/** The organisers move a campaign one phase on; a published campaign stays published. */
export function nextPhase(phase: CampaignPhase): CampaignPhase | null {
  const i = campaignPhases.indexOf(phase);
  return i >= 0 && i < campaignPhases.length - 1 ? campaignPhases[i + 1] : null;
}

/** Whether a nomination may be sent or changed now: in the nominations phase, from opening up to (not including) the closing minute. */
export function nominationsOpen(c: { phase: CampaignPhase; opensAt: Date; closesAt: Date }, now = new Date()): boolean {
  return c.phase === 'nominations' && now.getTime() >= c.opensAt.getTime() && now.getTime() < c.closesAt.getTime();
}

/** A score is a whole number from 1 to 5; its motivation at least 20 characters. */
export const MIN_SCORE = 1;
export const MAX_SCORE = 5;
export const MIN_SCORE_MOTIVATION = 20;
/** A spread (highest minus lowest mean of the jurors) of 2 or more is discussed. */
const DISCUSS_SPREAD = 2;

export type JurorScores = { membershipId: string; scores: number[] };
export type ScoreFigures = { jurors: number; mean: number | null; spread: number | null; discuss: boolean };

/**
 * Mean and spread of a nomination: each juror's mean over the criteria, then the mean of those
 * and the difference between the highest and the lowest. Rounded to one decimal.
 */
export function scoreFigures(byJuror: JurorScores[]): ScoreFigures {
  const means = byJuror.filter((j) => j.scores.length > 0).map((j) => j.scores.reduce((a, b) => a + b, 0) / j.scores.length);
  if (means.length === 0) return { jurors: 0, mean: null, spread: null, discuss: false };
  const mean = round1(means.reduce((a, b) => a + b, 0) / means.length);
  const spread = round1(Math.max(...means) - Math.min(...means));
  return { jurors: means.length, mean, spread, discuss: spread >= DISCUSS_SPREAD };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export type ProvinceRow = { code: string; name: string; nominations: number; scored: number; frontRunners: number; warning: boolean };

/** The twelve provinces with their counts; a warning for every province without a front runner. */
export function provinceView(noms: { province: string; scored: boolean; selected: boolean }[]): ProvinceRow[] {
  return provinces.map((p) => {
    const here = noms.filter((n) => n.province === p.code);
    const frontRunners = here.filter((n) => n.selected).length;
    return { code: p.code, name: p.name, nominations: here.length, scored: here.filter((n) => n.scored).length, frontRunners, warning: frontRunners === 0 };
  });
}
