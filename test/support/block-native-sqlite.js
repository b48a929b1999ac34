// Preloaded with `node --require` in a child process: makes better-sqlite3 unloadable, as in
// an image where the native module was never built, and records every attempt to load it
// in the file named by TOCSIN_TEST_SQLITE_MARKER.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');

const load = Module._load;
Module._load = function blockedLoad(request, parent, isMain) {
  if (request === 'better-sqlite3' || /[\\/]better-sqlite3[\\/]/.test(request)) {
    if (process.env.TOCSIN_TEST_SQLITE_MARKER) fs.appendFileSync(process.env.TOCSIN_TEST_SQLITE_MARKER, `${request}\n`);
    throw new Error('better-sqlite3 is not available in this process');
  }
  return load.call(this, request, parent, isMain);
};
