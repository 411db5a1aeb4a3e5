/**
 * The one place Lunr's text analysis is defined: English + Russian with a
 * diacritic-folding step in front. The pipelines are spelled out here, function
 * by function, rather than made by lunr-languages' multiLanguage plugin and then
 * edited: the same functions in the same order as that plugin (a trimmer for
 * both alphabets, Russian then English stop words, English then Russian
 * stemmers; searches only stem), so indexes built before read the same.
 * ANALYSIS names this analysis; the index file records it (index-file.ts), and
 * an index built with another analysis is refused as stale.
 */
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import ruPlugin from 'lunr-languages/lunr.ru.js';
import { foldDiacritics } from '../text';
import { russian, trimmerFor } from './lunr-internals';

/** Names the analysis below; change it whenever a function or its order changes. */
export const ANALYSIS = 'fold+trim(en,ru)+stop(ru,en)+stem(en,ru)';

let pipelines: { index: lunr.PipelineFunction[]; search: lunr.PipelineFunction[] } | null = null;

const fold: lunr.PipelineFunction = (token) => token.update((s) => foldDiacritics(s));

/** Load the language support once and register our functions (Lunr warns about unregistered ones). */
export function setupLunr(): typeof lunr {
  if (!pipelines) {
    stemmerSupport(lunr);
    ruPlugin(lunr);
    const ru = russian();
    const trimmer = trimmerFor('\\w' + ru.wordCharacters);
    lunr.Pipeline.registerFunction(fold, 'archiveFoldDiacritics');
    lunr.Pipeline.registerFunction(trimmer, 'archiveTrimmer-en-ru');
    pipelines = {
      index: [fold, trimmer, ru.stopWordFilter, lunr.stopWordFilter, lunr.stemmer, ru.stemmer],
      search: [fold, lunr.stemmer, ru.stemmer],
    };
  }
  return lunr;
}

/** Give a builder the project's analysis (index pipeline and search pipeline). */
export function configureBuilder(builder: lunr.Builder): void {
  setupLunr();
  builder.pipeline.reset();
  builder.pipeline.add(...pipelines!.index);
  builder.searchPipeline.reset();
  builder.searchPipeline.add(...pipelines!.search);
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
