/// <reference types="office-js" />
/**
 * The task pane: a placeholder until the task pane issue builds the real one. The page it runs in also hosts the
 * KC.* custom functions (shared runtime), so nothing here may block or throw.
 */

/** Shows where the pane is running once Office has loaded. */
export function describeHost(info: {
  host: Office.HostType | null;
  platform: Office.PlatformType | null;
}): string {
  if (info.host === null) return 'Open this page from Excel to use the KC functions.';
  return `Ready in ${info.host} (${info.platform ?? 'unknown platform'}).`;
}

if (typeof Office !== 'undefined') {
  Office.onReady((info) => {
    const status = document.getElementById('status');
    if (status) status.textContent = describeHost(info);
  });
}
