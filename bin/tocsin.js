#!/usr/bin/env node
'use strict';
// The bin runs the TypeScript sources through tsx's loader, so nothing has to be built first.
require('tsx/cjs');
require('../src/cli.ts');
