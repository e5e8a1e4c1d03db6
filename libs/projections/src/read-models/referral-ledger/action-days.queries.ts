import type Database from 'better-sqlite3';
import type { Viewer } from '../../access/access-policy.js';
import { actionDayVisibleTo, referralVisibleTo } from '../../access/referral-access.js';
import { prepared, viewerParams } from '../shared/read-model-helpers.js';

export interface ActionDayEntry {
  actionDayId: string;
  title: string;
  coordinator: string;
  coordinatorName: string | null;
  platform: string;
  /** YYYY-MM-DD. */
  date: string;
  organiserCountry: string;
  participatingCountries: string[];
  /** Distinct list files (by SHA-256) submitted, and platform answer files imported. */
  listsSubmitted: number;
  answerFilesImported: number;
}

type DayRow = Omit<ActionDayEntry, 'participatingCountries'> & { participatingCountries: string };

/** Action days the viewer organised or takes part in, latest date first. */
export function listActionDays(db: Database.Database, viewer: Viewer): ActionDayEntry[] {
  const rows = prepared(db, `SELECT a.action_day_id AS actionDayId, a.title, a.coordinator, a.coordinator_name AS coordinatorName,
      a.platform, a.date, a.organiser_country AS organiserCountry, a.participants AS participatingCountries,
      (SELECT COUNT(*) FROM rl_action_day_files f WHERE f.action_day_id = a.action_day_id AND f.kind = 'list') AS listsSubmitted,
      (SELECT COUNT(*) FROM rl_action_day_files f WHERE f.action_day_id = a.action_day_id AND f.kind = 'answers') AS answerFilesImported
    FROM rl_action_days a WHERE ${actionDayVisibleTo('a')} ORDER BY a.date DESC, a.action_day_id`)
    .all(viewerParams(viewer)) as DayRow[];
  return rows.map((r) => ({ ...r, participatingCountries: r.participatingCountries ? r.participatingCountries.split(',') : [] }));
}

export interface ActionDayProgress {
  actionDayId: string;
  /** Referrals of the day (referred or co-referred with its id) that the viewer may see. */
  referred: number;
  /** Sent to the platform at least once. */
  sent: number;
  /** Acknowledged or with an outcome in the current round. */
  answered: number;
  /** By current outcome / status. */
  removed: number;
  geoBlocked: number;
  declined: number;
  noResponse: number;
  /** Reappeared at least once. */
  reappeared: number;
}

/** Progress of one action day over the referrals the viewer may see; null if the viewer may not see the day. */
export function actionDayProgress(db: Database.Database, viewer: Viewer, actionDayId: string): ActionDayProgress | null {
  const params = { ...viewerParams(viewer), actionDayId };
  const day = prepared(db, `SELECT 1 FROM rl_action_days a WHERE a.action_day_id = @actionDayId AND ${actionDayVisibleTo('a')}`).get(params);
  if (!day) return null;
  const counts = prepared(db, `SELECT COUNT(*) AS referred, ifnull(SUM(r.first_sent_at IS NOT NULL), 0) AS sent,
      ifnull(SUM(r.acknowledged_at IS NOT NULL OR r.outcome IS NOT NULL), 0) AS answered,
      ifnull(SUM(r.outcome = 'removed'), 0) AS removed, ifnull(SUM(r.outcome = 'geo_blocked'), 0) AS geoBlocked,
      ifnull(SUM(r.outcome = 'declined'), 0) AS declined, ifnull(SUM(r.status = 'no_response'), 0) AS noResponse,
      ifnull(SUM(r.reappearances > 0), 0) AS reappeared
    FROM rl_referral_days x JOIN rl_referrals r ON r.referral_id = x.referral_id
    WHERE x.action_day_id = @actionDayId AND ${referralVisibleTo('r')}`).get(params) as Omit<ActionDayProgress, 'actionDayId'>;
  return { actionDayId, ...counts };
}
