// Counts a pg_prove --verbose TAP log: prints "<passed> <failed>". Assertions a
// file planned but never ran (it died mid-way) count as failed.
import { readFileSync } from 'node:fs';

const lines = readFileSync(process.argv[2], 'utf8').split('\n');
let passed = 0;
let failed = 0;
let planned = 0;
let seen = 0;
const closeFile = () => {
  if (planned > seen) failed += planned - seen;
  planned = 0;
  seen = 0;
};
for (const line of lines) {
  if (/^\S.*\.sql \.\./.test(line)) closeFile(); // a new file's header line
  const plan = /^\s*1\.\.(\d+)/.exec(line);
  if (plan) planned = Number(plan[1]);
  if (/^\s*ok \d+/.test(line)) {
    passed += /# TODO/.test(line) ? 0 : 1;
    seen += 1;
  } else if (/^\s*not ok \d+/.test(line)) {
    if (/# TODO/.test(line)) passed += 0;
    else failed += 1;
    seen += 1;
  }
}
closeFile();
console.log(`${passed} ${failed}`);
