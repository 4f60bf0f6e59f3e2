import { asc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { getDb, type Database, type Transaction } from "@/lib/db/client";
import { aiCallLatencyRollups, aiCallRollups, aiCallRollupState, aiCalls, type AiCallRollup } from "@/lib/db/schema";
import { LATENCY_BIN_RATIO } from "@/lib/db/latency-bins";

// The monitoring dashboard's SQL. Calls are summed per hour into ai_call_rollups (and their
// latencies into histograms in ai_call_latency_rollups); the dashboard sums those rows for its
// range, so a 30-day view over 200,000 calls reads a few thousand rows. The last hour is summed
// from ai_calls directly, with the same expressions, in 5-minute buckets.

type Executor = Database | Transaction;
export type SummedColumn = Exclude<keyof AiCallRollup, "hour" | "feature" | "modelId" | "promptId" | "promptVersion" | "variantKey" | "synthetic">;

/** The roll-up columns summed over a group, plus the two counts that decide abandonment. */
export type MetricSums = Record<SummedColumn, number> & {
  /** Answered calls more than a day old, and how many of them led to a listing within the day. */
  settledAnswered: number;
  settledPublishedWithinDay: number;
};

/** The stretch of time a query reads (lib/monitoring/ranges.ts works it out for a range). */
export type RollupWindow = {
  source: "calls" | "rollups";
  bucketMinutes: number;
  /** Start of the first bucket. */
  start: Date;
  /** Calls before this are over a day old: whether they led to a listing is settled. */
  settledBefore: Date;
};

/** What the figures are grouped by besides time. */
export type RollupSplit = "model" | "prompt";

type SummedKey = Exclude<keyof MetricSums, "settledAnswered" | "settledPublishedWithinDay">;

async function selectRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  // PGlite and node-postgres both answer with { rows }. Drizzle leaves timestamps in raw rows as
  // text, so the queries here return them as epoch milliseconds (epochMs) instead.
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const epochMs = (value: SQL) => sql`(extract(epoch from ${value}) * 1000)::float8`;

const feedback = (path: string) => sql.raw(`${aiCalls.implicitFeedback.name} #>> '{${path}}'`);
const kept = (field: string) => sql`count(*) filter (where ${feedback(`fields,${field}`)} = 'kept')`;
const bothTokenCounts = sql`${aiCalls.inputTokens} is not null and ${aiCalls.outputTokens} is not null`;

/** How each roll-up column is summed from ai_calls (in one group of calls). */
const SUMS: Record<SummedKey, SQL> = {
  calls: sql`count(*)`,
  errors: sql`count(*) filter (where ${aiCalls.status} = 'error')`,
  invalid: sql`count(*) filter (where ${aiCalls.status} = 'invalid')`,
  answered: sql`count(*) filter (where ${aiCalls.status} = 'ok')`,
  latencyMsSum: sql`coalesce(sum(${aiCalls.latencyMs}), 0)`,
  firstFieldCalls: sql`count(${aiCalls.firstFieldMs})`,
  firstFieldMsSum: sql`coalesce(sum(${aiCalls.firstFieldMs}), 0)`,
  tokenCalls: sql`count(*) filter (where ${bothTokenCounts})`,
  inputTokens: sql`coalesce(sum(${aiCalls.inputTokens}) filter (where ${bothTokenCounts}), 0)`,
  outputTokens: sql`coalesce(sum(${aiCalls.outputTokens}) filter (where ${bothTokenCounts}), 0)`,
  costCalls: sql`count(${aiCalls.costUsd})`,
  costUsd: sql`coalesce(sum(${aiCalls.costUsd}), 0)`,
  emptyRequiredFields: sql`coalesce(sum(${aiCalls.emptyRequiredFields}) filter (where ${aiCalls.status} = 'ok'), 0)`,
  thumbsUp: sql`count(*) filter (where ${aiCalls.feedbackRating} = 1)`,
  thumbsDown: sql`count(*) filter (where ${aiCalls.feedbackRating} = -1)`,
  published: sql`count(${aiCalls.publishedAt})`,
  publishedWithinDay: sql`count(*) filter (where ${aiCalls.publishedAt} <= ${aiCalls.createdAt} + interval '1 day')`,
  titleEditDistanceSum: sql`coalesce(sum((${feedback("titleEditDistance")})::float8), 0)`,
  descriptionEditDistanceSum: sql`coalesce(sum((${feedback("descriptionEditDistance")})::float8), 0)`,
  categoryChanged: sql`count(*) filter (where ${feedback("categoryChanged")} = 'true')`,
  priceErrorCalls: sql`count(${feedback("priceLogError")})`,
  priceLogErrorSum: sql`coalesce(sum((${feedback("priceLogError")})::float8), 0)`,
  keptTitle: kept("title"),
  keptDescription: kept("description"),
  keptCategory: kept("category"),
  keptCondition: kept("condition"),
  keptPrice: kept("price"),
  keptBrand: kept("brand"),
  keptColour: kept("colour"),
  keptMaterial: kept("material"),
  keptSize: kept("size"),
};
const SUMMED_KEYS = Object.keys(SUMS) as SummedKey[];

const KEY_COLUMNS = [aiCalls.feature, aiCalls.modelId, aiCalls.promptId, aiCalls.promptVersion, aiCalls.variantKey, aiCalls.synthetic];
const keyList = sql.join(KEY_COLUMNS.map((column) => sql.identifier(column.name)), sql`, `);
const ORIGIN = sql`timestamptz '1970-01-01 00:00:00+00'`;
const latencyBin = sql`floor(ln(greatest(${aiCalls.latencyMs}, 1)) / ln(${sql.raw(String(LATENCY_BIN_RATIO))}))::smallint`;

const timestamp = (date: Date) => sql`${date.toISOString()}::timestamptz`;

function bucketOf(column: SQL, minutes: number): SQL {
  return sql`date_bin(${sql.raw(`'${minutes} minutes'`)}::interval, ${column}, ${ORIGIN})`;
}

// ---------------------------------------------------------------------------
// Keeping the roll-ups up to date.

const REFRESH_LOCK = 7_410_001;
// Calls changed this long before a refresh started are looked at again by the next one: a write
// that began before the refresh but committed after it is still picked up.
const OVERLAP = sql`interval '2 minutes'`;

// Changed calls one refresh looks at; more than this (a bulk load, a migration) recomputes every hour.
const MAX_CHANGED_CALLS = 20_000;
const HOUR_MS = 60 * 60 * 1000;
// Touched hours further apart than this are recomputed by separate statements, so one old call
// (a late thumbs up) does not make the refresh read every call since.
const MAX_GAP_MS = 24 * HOUR_MS;
const hourOfCall = sql`date_trunc('hour', ${aiCalls.createdAt}, 'UTC')`;

/**
 * Recomputes the roll-ups of every hour in which a call was added or changed since the last
 * refresh. Cheap when little changed; the first run, or one after a bulk load, recomputes all.
 */
export async function refreshAiCallRollups(): Promise<{ hours: number }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
    const [state] = await tx.select().from(aiCallRollupState).where(eq(aiCallRollupState.id, 1));
    // Read through the updated_at index in its order: with ORDER BY and LIMIT the planner keeps to
    // the index even without table statistics (PGlite never gathers them by itself).
    const changed = state
      ? await tx
          .select({ createdAt: aiCalls.createdAt })
          .from(aiCalls)
          .where(gte(aiCalls.updatedAt, state.refreshedThrough))
          .orderBy(asc(aiCalls.updatedAt))
          .limit(MAX_CHANGED_CALLS + 1)
      : null;
    let hours: number;
    if (changed === null || changed.length > MAX_CHANGED_CALLS) {
      hours = await recomputeAll(tx);
    } else {
      const touched = [...new Set(changed.map((call) => Math.floor(call.createdAt.getTime() / HOUR_MS) * HOUR_MS))].sort((a, b) => a - b);
      await recomputeHours(tx, touched);
      hours = touched.length;
    }
    await tx
      .insert(aiCallRollupState)
      .values({ id: 1, refreshedThrough: sql`now() - ${OVERLAP}` })
      .onConflictDoUpdate({ target: aiCallRollupState.id, set: { refreshedThrough: sql`excluded.${sql.identifier(aiCallRollupState.refreshedThrough.name)}` } });
    return { hours };
  });
}

/** Replaces the roll-up rows of these hours (epoch ms, ascending) with sums over the calls now in them. */
async function recomputeHours(tx: Transaction, hours: number[]): Promise<void> {
  const runs: number[][] = [];
  for (const hour of hours) {
    const run = runs.at(-1);
    if (run && hour - run.at(-1)! <= MAX_GAP_MS) run.push(hour);
    else runs.push([hour]);
  }
  for (const run of runs) {
    const list = sql`${`{${run.map((hour) => new Date(hour).toISOString()).join(",")}}`}::timestamptz[]`;
    await tx.delete(aiCallRollups).where(sql`${aiCallRollups.hour} = any(${list})`);
    await tx.delete(aiCallLatencyRollups).where(sql`${aiCallLatencyRollups.hour} = any(${list})`);
    // The range lets the created_at index narrow the scan; the list keeps untouched hours in it out.
    await insertRollups(
      tx,
      sql`${aiCalls.createdAt} >= ${timestamp(new Date(run[0]))} and ${aiCalls.createdAt} < ${timestamp(new Date(run.at(-1)! + HOUR_MS))}
          and ${hourOfCall} = any(${list})`,
    );
  }
}

/** Rebuilds every roll-up from the whole log; returns how many hours it covers. */
async function recomputeAll(tx: Transaction): Promise<number> {
  // A bulk change: fresh statistics first, so the planner sizes this and later queries well.
  await tx.execute(sql`analyze ${aiCalls}`);
  await tx.delete(aiCallRollups);
  await tx.delete(aiCallLatencyRollups);
  await insertRollups(tx, sql`true`);
  const [{ hours }] = await tx.select({ hours: sql<number>`count(distinct ${aiCallRollups.hour})::int` }).from(aiCallRollups);
  return hours;
}

async function insertRollups(tx: Transaction, where: SQL): Promise<void> {
  const columns = sql.join(SUMMED_KEYS.map((key) => sql.identifier(aiCallRollups[key].name)), sql`, `);
  const sums = sql.join(SUMMED_KEYS.map((key) => SUMS[key]), sql`, `);
  await tx.execute(sql`
    insert into ${aiCallRollups} (hour, ${keyList}, ${columns})
    select ${hourOfCall}, ${keyList}, ${sums} from ${aiCalls} where ${where}
    group by 1, ${keyList}`);
  await tx.execute(sql`
    insert into ${aiCallLatencyRollups} (hour, ${keyList}, bin, calls)
    select ${hourOfCall}, ${keyList}, ${latencyBin} as bin, count(*) from ${aiCalls} where ${where}
    group by 1, ${keyList}, bin`);
}

/** Drops the roll-ups of hours before `cutoff` and recomputes the hour it falls in (retention). */
export async function pruneAiCallRollups(cutoff: Date): Promise<void> {
  const db = await getDb();
  const boundary = new Date(Math.floor(cutoff.getTime() / 3_600_000) * 3_600_000);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
    await tx.delete(aiCallRollups).where(lt(aiCallRollups.hour, boundary));
    await tx.delete(aiCallLatencyRollups).where(lt(aiCallLatencyRollups.hour, boundary));
    await recomputeHours(tx, [boundary.getTime()]);
  });
}

// ---------------------------------------------------------------------------
// Reading a range.

/** One group of the dashboard: a bucket of one model or prompt version, one of them over the range, a bucket over all, or everything. */
export type SumsRow = MetricSums & { bucket: Date | null; split: string | null };
export type HistogramRow = { bucket: Date | null; split: string | null; bin: number; calls: number };

/** The rows of the range's source (roll-ups, or calls summed per 5 minutes) with their bucket and split value. */
function rangeSource(window: RollupWindow, feature: string, split: RollupSplit, histogram: boolean, includeSynthetic: boolean): SQL {
  const splitValue =
    split === "model"
      ? sql`s.${sql.identifier(aiCalls.modelId.name)}`
      : sql`coalesce(s.${sql.identifier(aiCalls.promptId.name)} || '@' || s.${sql.identifier(aiCalls.promptVersion.name)}, 'no prompt')`;
  let rows: SQL;
  if (window.source === "rollups") {
    const table = histogram ? aiCallLatencyRollups : aiCallRollups;
    const live = includeSynthetic ? sql`` : sql` and not ${table.synthetic}`;
    rows = sql`select * from ${table} where ${table.feature} = ${feature} and ${table.hour} >= ${timestamp(window.start)}${live}`;
  } else {
    const hour = bucketOf(sql`${aiCalls.createdAt}`, window.bucketMinutes);
    const values = histogram
      ? sql`${latencyBin} as bin, count(*) as calls`
      : sql.join(SUMMED_KEYS.map((key) => sql`${SUMS[key]} as ${sql.identifier(aiCallRollups[key].name)}`), sql`, `);
    rows = sql`select ${hour} as hour, ${keyList}, ${values} from ${aiCalls}
      where ${aiCalls.feature} = ${feature} and ${aiCalls.createdAt} >= ${timestamp(window.start)}${includeSynthetic ? sql`` : sql` and not ${aiCalls.synthetic}`}
      group by 1, ${keyList}${histogram ? sql`, bin` : sql``}`;
  }
  return sql`select ${bucketOf(sql`s.hour`, window.bucketMinutes)} as bucket, ${splitValue} as split, s.* from (${rows}) s`;
}

/**
 * Synthetic calls (`npm run seed:calls`) are left out unless `includeSynthetic`.
 *
 * Sums for the range at four levels: per bucket and split value (the charts), per split value
 * (the table), per bucket, and overall (the headline figures). `bucket` or `split` is null on
 * the levels that sum over it.
 */
export async function sumRange(window: RollupWindow, feature: string, split: RollupSplit, includeSynthetic = false): Promise<SumsRow[]> {
  const db = await getDb();
  const hourLength = window.source === "rollups" ? 60 : window.bucketMinutes;
  const settled = sql`t.hour + ${sql.raw(`'${hourLength} minutes'`)}::interval <= ${timestamp(window.settledBefore)}`;
  const sums = sql.join(
    SUMMED_KEYS.map((key) => sql`sum(t.${sql.identifier(aiCallRollups[key].name)})::float8 as ${sql.identifier(key)}`),
    sql`, `,
  );
  const rows = await selectRows<Omit<SumsRow, "bucket"> & { level: number; bucket: number }>(
    db,
    sql`select grouping(bucket, split) as level, ${epochMs(sql`bucket`)} as bucket, split, ${sums},
          coalesce(sum(t.answered) filter (where ${settled}), 0)::float8 as "settledAnswered",
          coalesce(sum(t.published_within_day) filter (where ${settled}), 0)::float8 as "settledPublishedWithinDay"
        from (${rangeSource(window, feature, split, false, includeSynthetic)}) t
        group by grouping sets ((bucket, split), (split), (bucket), ())`,
  );
  return rows.map(({ level, ...row }) => ({ ...row, bucket: level & 2 ? null : new Date(row.bucket), split: level & 1 ? null : row.split }));
}

/** Latency histograms for the range: per split value, per bucket, and overall. */
export async function latencyHistograms(window: RollupWindow, feature: string, split: RollupSplit, includeSynthetic = false): Promise<HistogramRow[]> {
  const db = await getDb();
  const rows = await selectRows<Omit<HistogramRow, "bucket"> & { level: number; bucket: number }>(
    db,
    sql`select grouping(bucket, split) as level, ${epochMs(sql`bucket`)} as bucket, split, bin, sum(t.calls)::float8 as calls
        from (${rangeSource(window, feature, split, true, includeSynthetic)}) t
        group by grouping sets ((split, bin), (bucket, bin), (bin))`,
  );
  return rows.map(({ level, ...row }) => ({ ...row, bucket: level & 2 ? null : new Date(row.bucket), split: level & 1 ? null : row.split }));
}
