#!/usr/bin/env node
// Entry point of the installed CLI: runs the compiled TypeScript in dist/.
import('../dist/pipeline/cli/main.js')
  .then((cli) => cli.main(process.argv))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
