#!/usr/bin/env node
// CommonJS (bin/package.json says so): the bundle is CommonJS, and an ES module here would start
// Node's ES module loader for this one file.
'use strict';
require('../dist/bundle/start.cjs').start(process.argv);
