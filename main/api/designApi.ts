/**
 * Design half of the API: the layer catalog, analysis, composite expansion, templates and the
 * first-start example — all thin wrappers over the pure engine.
 */
import { readNetworkFile } from '../files/index.ts';
import { expandComposites, expandNode, layerInfos } from '../network/index.ts';
import { adaptNetwork, buildTemplate, listTemplates, templateInfos } from '../templates/index.ts';
import { createAnalysisService } from './analysisService.ts';
import type { NetdApi } from './contract.ts';
import { ApiError } from './errors.ts';

type DesignMethods = Pick<
  NetdApi,
  | 'catalogList'
  | 'networkAnalyze'
  | 'networkAnalyzeUpdate'
  | 'networkExpandNode'
  | 'networkExpandAll'
  | 'networkAdapt'
  | 'networkExample'
  | 'templatesList'
  | 'templatesLoad'
>;

/** The design methods of `NetdApi`. `examplePath` is the first-start example network file. */
export function createDesignApi(examplePath: string): DesignMethods {
  const analyses = createAnalysisService();
  return {
    catalogList: async () => [...layerInfos()],
    networkAnalyze: async ({ doc }) => analyses.analyze(doc),
    networkAnalyzeUpdate: async (req) => analyses.update(req),
    networkExpandNode: async ({ doc, nodeId }) => {
      if (!doc.nodes.some((n) => n.id === nodeId)) {
        throw new ApiError('not-found', `There is no node '${nodeId}' in '${doc.name}'.`);
      }
      return expandNode(doc, nodeId);
    },
    networkAdapt: async ({ doc, input, classes }) => adaptNetwork(doc, { input, classes }),
    networkExpandAll: async ({ doc }) => expandComposites(doc),
    networkExample: async () => readNetworkFile(examplePath),
    templatesList: async () => templateInfos(),
    templatesLoad: async ({ id, input, classes }) => {
      // The ids alone: templateInfos() would build and analyse every template to count it.
      const ids = listTemplates().map((t) => t.id);
      if (!ids.includes(id)) {
        throw new ApiError(
          'not-found',
          `Unknown template '${id}'. Known templates: ${ids.join(', ')}.`,
        );
      }
      // buildTemplate falls back to the template's own defaults for absent input/classes.
      return buildTemplate(id, { input, classes });
    },
  };
}
