#!/usr/bin/env node
// Entry point of the installed CLI: runs the compiled TypeScript in dist/.
import('../dist/pipeline/cli/main.js')
  .then(async (cli) => {
    process.exitCode = await cli.main(process.argv);
  })
  .catch((error) => {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist')) {
      console.error('codeledger: not built yet; run `npm install` (or `npm run build`) in the codeledger checkout first');
    } else {
      console.error(error instanceof Error ? error.message : error);
    }
    process.exitCode = 1;
  });
