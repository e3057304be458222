export type { MessageKey } from './catalog-en.ts';
export { errorMessageKey, errorTitleKey } from './error-messages.ts';
export {
  isNewsroomKey,
  languageOfWords,
  type MessageValues,
  newsroomMessagesFor,
  newsroomTranslator,
  speaksInEveryNewsroomLanguage,
  type Translator,
  translator,
  translatorFor,
} from './translator.ts';
export type { NewsroomKey } from './newsroom/index.ts';
