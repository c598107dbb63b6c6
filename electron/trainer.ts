/**
 * Entry of the trainer utility process (bundled to dist/electron/trainer.cjs). The shim must be
 * imported first: ES module imports evaluate in order, and the trainer entry reads `process.send`
 * as soon as it loads.
 */
import './training/parentPortShim.ts';
import '../main/training/process/trainerEntry.ts';
