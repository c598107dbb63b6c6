// Test-only: loaded with `node --import` into a forked child so it looks like an Electron utility
// process to the trainer bundle — `process.parentPort` (structured-clone messages wrapped in
// `{ data }`) and no `process.send` — so the bundle's parentPort shim is what makes it talk.
import { EventEmitter } from 'node:events';

const nodeSend = process.send.bind(process);
const realEmit = process.emit;
const parentPort = new EventEmitter();
parentPort.postMessage = (message) => void nodeSend(message);
let routing = false;
// Node delivers IPC messages as process 'message' events; a utility process gets them on
// parentPort instead. Re-emits coming from the shim itself pass through (routing is set).
process.emit = function emit(event, ...args) {
  if (event === 'message' && !routing) {
    routing = true;
    try {
      parentPort.emit('message', { data: args[0], ports: [] });
    } finally {
      routing = false;
    }
    return true;
  }
  return realEmit.call(this, event, ...args);
};
process.parentPort = parentPort;
process.send = undefined;
