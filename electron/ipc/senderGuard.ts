/**
 * Who may call the API: only the top frame of our main window, showing one of the app's own pages.
 * Anything else — another window, a subframe, a page that somehow navigated away — is refused
 * before its payload is even looked at.
 */
import { isAppUrl } from '../protocol/appUrl.ts';

/** The parts of an `IpcMainEvent` / `IpcMainInvokeEvent` the check reads. */
export interface IpcSenderInfo {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

/** Returns why `event` is not trusted, or `null` when it comes from the main window's app page. */
export type SenderCheck = (event: IpcSenderInfo) => string | null;

/**
 * Builds the check against the main window's `webContents` (looked up per call, since the window
 * can be re-created on macOS).
 */
export function createSenderCheck(getTrustedContents: () => unknown): SenderCheck {
  return (event) => {
    const trusted = getTrustedContents();
    if (!trusted || event.sender !== trusted)
      return 'the request did not come from the NetDesigner window';
    const frame = event.senderFrame;
    if (!frame) return 'the requesting page is gone';
    if (frame.parent) return 'the request came from an embedded frame';
    if (!isAppUrl(frame.url))
      return `the requesting page (${frame.url || 'unknown'}) is not part of NetDesigner`;
    return null;
  };
}
