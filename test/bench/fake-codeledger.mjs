// A stand-in for bin/codeledger.js used by the harness tests: records how it was started (and,
// with DATABASE_URL, which database it reached), then writes the --stats-json file the real CLI writes.
import { appendFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';

const args = process.argv.slice(2);
let database = null;
if (process.env.DATABASE_URL) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  database = (await client.query('SELECT current_database() AS name')).rows[0].name;
  await client.end();
}
appendFileSync(process.env.FAKE_CLI_LOG, `${JSON.stringify({ args, cwd: process.cwd(), databaseUrl: process.env.DATABASE_URL ?? null, database })}\n`);
if (process.env.FAKE_CLI_FAIL) {
  console.error('codeledger: boom, the warehouse is unreachable');
  process.exit(3);
}
const statsFile = args[args.indexOf('--stats-json') + 1];
writeFileSync(statsFile, JSON.stringify({ commits: 3, rows: 42, peakRssMb: 77.5, seconds: 0.01 }));
