/**
 * The parts of TensorFlow.js the trainer uses, in place of the `@tensorflow/tfjs` umbrella: ops,
 * optimizers and model IO (tfjs-core), layers (tfjs-layers, whose Node build also registers the
 * gradient of every op) and the pure-JS `cpu` backend (registered on import). The umbrella adds the
 * WebGL backend, the graph-model converter and tfjs-data, none of which Node training uses.
 *
 * Loaded only through `initBackend` / `diagnoseEnvironment` (dynamic import), so the CLI's other
 * commands never load TensorFlow.js. The optional native packages (`@tensorflow/tfjs-node*`) bring
 * the umbrella themselves and share this tfjs-core (same version, one copy in node_modules).
 */
import '@tensorflow/tfjs-backend-cpu';

export * from '@tensorflow/tfjs-core';
export * from '@tensorflow/tfjs-layers';
