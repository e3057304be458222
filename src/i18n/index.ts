export type { MessageKey } from './catalog-en.ts';
export { errorMessageKey, errorTitleKey } from './error-messages.ts';
export { languageOfWords, type Translator, translator, translatorFor } from './translator.ts';
