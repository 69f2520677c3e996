#!/usr/bin/env node
// Entry point of `npm run bench`: runs the compiled harness in dist/ (build it with `npm run build`).
import('../dist/bench/run-bench.js')
  .then((bench) => bench.main(process.argv))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('run-bench')) {
      console.error('bench: dist/bench/run-bench.js is missing; run `npm run build` first');
    } else {
      console.error(`bench: ${error instanceof Error ? error.message : error}`);
    }
    process.exitCode = 1;
  });
