/**
 * Compare half of the API: two designs side by side, and the *Examples* gallery of classic pairs.
 * Thin wrappers over `main/compare` and `main/examples`, so the host stays the authority on counts.
 */
import { compareNetworks } from '../compare/compareNetworks.ts';
import { ExampleError, listExamples, loadExample } from '../examples/index.ts';
import type { NetdApi } from './contract.ts';
import { ApiError } from './errors.ts';

type CompareMethods = Pick<NetdApi, 'networkCompare' | 'examplesList' | 'examplesLoad'>;

/** The compare and examples methods of `NetdApi`. */
export function createCompareApi(): CompareMethods {
  return {
    networkCompare: async ({ a, b, batchSize, optimizer }) =>
      compareNetworks(a, b, { batchSize, optimizer }),
    examplesList: async () => listExamples(),
    examplesLoad: async ({ id }) => {
      try {
        return loadExample(id);
      } catch (err) {
        if (err instanceof ExampleError) throw new ApiError('not-found', err.message);
        throw err;
      }
    },
  };
}
