/**
 * Resolves the frame a user clicked, reusing what earlier clicks learned: the other frames of the same event
 * are resolved once per event (while the file index and the mappings stay the same), and each project's
 * Sentry code mappings are read once. A click on a frame whose project's mappings are known asks Sentry nothing.
 */

import type { Frame } from '../sentry/event/eventModel';
import type { FileIndex } from './fileIndex';
import { FrameResolution, FrameResolver } from './frameResolver';
import type { PathMapping } from './pathMappings';
import { CodeMappingPlan, ProjectCodeMappings, FrameProject } from './projectCodeMappings';
import type { RememberedChoice } from './rememberedChoices';

export interface ClickSource extends FrameProject {
  /** Every frame of the same stack of one event: their resolutions are kept per stack (per event object). */
  siblings?: readonly Frame[];
}

export interface ClickContext {
  index: FileIndex;
  mappings: readonly PathMapping[];
  rememberedChoices?: readonly RememberedChoice[];
  /** How many tied files to list for the user to choose from. */
  maxChoices?: number;
  /** Resolve without asking Sentry anything (no per-frame `stacktrace-link`): a guess made ahead of a click. */
  localOnly?: boolean;
}

interface SiblingResolutions {
  index: FileIndex;
  generation: number;
  stamp: string;
  results: readonly FrameResolution[];
}

export class ClickResolver {
  private readonly siblingsByStack = new WeakMap<readonly Frame[], SiblingResolutions>();

  /** `codeMappings` is undefined when signed out: then only local rules apply. */
  constructor(private readonly codeMappings?: ProjectCodeMappings) {}

  /** Reads a project's Sentry code mappings ahead of clicks (one of its events was opened), so a click asks nothing. */
  async prepare(source: FrameProject): Promise<void> {
    await this.codeMappings?.planFor(source).catch(() => undefined);
  }

  async resolve(frame: Frame, source: ClickSource, context: ClickContext): Promise<FrameResolution> {
    const plan: CodeMappingPlan = !this.codeMappings
      ? { mappings: [], key: 'none' }
      : context.localOnly
        ? await this.codeMappings.knownPlanFor(source)
        : await this.codeMappings.planFor(source);
    const resolver = new FrameResolver(context.index, { mappings: context.mappings, codeMappings: plan.mappings });
    const siblingPaths = this.siblingPaths(frame, source, context, plan, resolver);
    return resolver.resolveAsync(frame, {
      siblingPaths,
      codeMappingLookup: plan.lookup,
      rememberedChoices: context.rememberedChoices,
      maxChoices: context.maxChoices,
    });
  }

  private siblingPaths(frame: Frame, source: ClickSource, context: ClickContext, plan: CodeMappingPlan, resolver: FrameResolver): string[] {
    const frames = source.siblings ?? [];
    if (frames.length === 0) {
      return [];
    }
    const stamp = `${JSON.stringify(context.mappings)}\u0000${plan.key}`;
    let known = this.siblingsByStack.get(frames);
    if (!known || known.index !== context.index || known.generation !== context.index.generation || known.stamp !== stamp) {
      known = { index: context.index, generation: context.index.generation, stamp, results: resolver.resolveAll(frames) };
      this.siblingsByStack.set(frames, known);
    }
    const paths: string[] = [];
    known.results.forEach((result, i) => {
      if (frames[i] !== frame && result.found && !result.ambiguous) {
        paths.push(result.path);
      }
    });
    return paths;
  }
}
