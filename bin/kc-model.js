#!/usr/bin/env node
'use strict';
// Runs the compiled CLI (npm install/ci builds lib/ through the "prepare" script). Some commands answer
// asynchronously (xlsx), so the exit code may arrive as a promise.
const { main } = require('../lib/cli/main.js');
Promise.resolve(main(process.argv.slice(2), process.stdout, process.stderr)).then((code) => {
  process.exitCode = code;
});
