/**
 * The waterfall buckets. Every raw changed line (added or removed) of a commit lands in exactly one
 * bucket, so the buckets of a commit × file add up to its raw added + deleted lines. The names are
 * the `core.effective_code` column names without the `_lines` suffix.
 */
export const BUCKETS = [
  'noop',
  'comment',
  'trivial',
  'generated',
  'lockfile',
  'vendored',
  'docs',
  'data',
  'duplicate',
  'ignored_rev',
  'bot',
  'revert',
  'moved',
  'copy_paste',
  'update_pair',
  'find_replace',
  'updated',
  'added',
  'deleted',
] as const;

export type Bucket = (typeof BUCKETS)[number];

/** Buckets whose lines earn effective code (the rest are gated or weigh nothing by definition). */
export const COUNTED_BUCKETS: ReadonlySet<Bucket> = new Set<Bucket>(['find_replace', 'updated', 'added', 'deleted']);

/** A zeroed bucket tally. */
export function emptyBucketCounts(): Record<Bucket, number> {
  const counts = {} as Record<Bucket, number>;
  for (const bucket of BUCKETS) counts[bucket] = 0;
  return counts;
}

/** Column name of a bucket in `core.effective_code`. */
export function bucketColumn(bucket: Bucket): `${Bucket}_lines` {
  return `${bucket}_lines`;
}
