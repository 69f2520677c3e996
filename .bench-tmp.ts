import { readFileSync } from 'node:fs';
import { createFileClassifier } from './pipeline/classify/index.js';
const paths = readFileSync('/tmp/classify-paths.txt', 'utf8').split('\n').filter(Boolean).slice(0, 200000);
const t0 = performance.now();
const c = createFileClassifier({});
const t1 = performance.now();
const kinds: Record<string, number> = {};
for (const p of paths) { const r = c(p); kinds[r.kind] = (kinds[r.kind] ?? 0) + 1; }
const t2 = performance.now();
for (const p of paths) c(p);
const t3 = performance.now();
const head = '/*\n * Copyright 2020 Acme\n */\nimport { a } from "./a.js";\n\nexport function f(x) {\n  return a(x) + 1;\n}\n'.repeat(10);
for (const p of paths) c(p, { contentHead: head, averageLineLength: 32 });
const t4 = performance.now();
console.log('factory ms', (t1-t0).toFixed(1));
console.log('unique uncached:', paths.length, 'paths in', (t2-t1).toFixed(0), 'ms =', Math.round(paths.length/((t2-t1)/1000)), 'paths/s');
console.log('cached:', Math.round(paths.length/((t3-t2)/1000)), 'paths/s');
console.log('with content (cached path):', Math.round(paths.length/((t4-t3)/1000)), 'paths/s');
console.log(kinds);
