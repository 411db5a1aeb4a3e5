/**
 * The one place Lunr is configured: English + Russian (lunr-languages
 * multiLanguage) with a diacritic-folding step in front of both the indexing
 * and the search pipeline. The index is serialized with these pipeline labels,
 * so the same setup must run before an index is built and before it is loaded.
 */
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import ruPlugin from 'lunr-languages/lunr.ru.js';
import multiPlugin from 'lunr-languages/lunr.multi.js';
import { foldDiacritics } from '../text';

type LunrAny = typeof lunr & {
  multiLanguage: (...langs: string[]) => lunr.Builder.Plugin;
};

let ready = false;
let multi: lunr.Builder.Plugin;

const FOLD_LABEL = 'archiveFoldDiacritics';

const fold: lunr.PipelineFunction = (token) => token.update((s) => foldDiacritics(s));

export function setupLunr(): LunrAny {
  if (!ready) {
    stemmerSupport(lunr);
    ruPlugin(lunr);
    multiPlugin(lunr);
    lunr.Pipeline.registerFunction(fold, FOLD_LABEL);
    multi = (lunr as LunrAny).multiLanguage('en', 'ru');
    ready = true;
  }
  return lunr as LunrAny;
}

/** Apply the project's language setup to a builder (index pipeline and search pipeline). */
export function configureBuilder(builder: lunr.Builder): void {
  setupLunr();
  builder.use(multi);
  prependFold(builder.pipeline);
  prependFold(builder.searchPipeline);
}

function prependFold(p: lunr.Pipeline): void {
  const stack = (p as unknown as { _stack: lunr.PipelineFunction[] })._stack.slice();
  p.reset();
  p.add(fold, ...stack);
}

let analysisBuilder: lunr.Builder | null = null;

/** The indexing pipeline, for turning words of a text into the terms the index holds. */
export function indexPipeline(): lunr.Pipeline {
  if (!analysisBuilder) {
    const l = setupLunr();
    analysisBuilder = new l.Builder();
    configureBuilder(analysisBuilder);
  }
  return analysisBuilder.pipeline;
}

export function searchPipeline(): lunr.Pipeline {
  indexPipeline();
  return analysisBuilder!.searchPipeline;
}

export { lunr };
