#!/usr/bin/env node
'use strict';
// Runs the compiled CLI (npm install/ci builds lib/ through the "prepare" script); lib/cli/process.js sets the
// exit code and turns output errors (a closed pipe, a full disk) into a quiet end or one line on stderr.
require('../lib/cli/process.js').run();
