#!/usr/bin/env node
'use strict';
// Runs the compiled CLI (npm install/ci builds lib/ through the "prepare" script).
process.exitCode = require('../lib/cli/main.js').main(process.argv.slice(2), process.stdout, process.stderr);
