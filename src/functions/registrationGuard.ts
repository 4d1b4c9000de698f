/**
 * Runs first in the functions bundle (webpack.config.js lists it before functions.ts). The build appends
 * `CustomFunctions.associate(...)` calls to functions.ts, and the page that hosts them (taskpane.html, the shared
 * runtime) can also be opened outside Excel, in a plain browser, where no custom-functions runtime defines
 * `CustomFunctions`: the calls would throw "CustomFunctions is not defined" as the page loads. There the functions
 * have nowhere to register, so they get a registry that ignores them. In Excel, office.js has defined the runtime's
 * `CustomFunctions` before the bundles run, and it is left untouched.
 */
const scope = globalThis as { CustomFunctions?: unknown };
if (typeof scope.CustomFunctions === 'undefined') scope.CustomFunctions = { associate: () => undefined };

export {};
