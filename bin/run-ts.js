#!/usr/bin/env node
'use strict';
// Runs any TypeScript entry file (benchmarks, scripts) through tsx: `node bin/run-ts.js file.ts args…`
const path = require('node:path');
require('tsx/cjs');
const file = process.argv[2];
if (!file) { console.error('usage: run-ts <file.ts> [args…]'); process.exit(2); }
process.argv.splice(1, 2, path.resolve(file));
require(path.resolve(file));
