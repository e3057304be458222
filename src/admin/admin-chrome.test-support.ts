import { newsroomTranslator } from '../i18n/index.ts';
import type { AdminChrome } from './admin-document.tsx';

/** The chrome around a newsroom page in `language`, for tests that render a page function directly. */
export function testChromeIn(language: string, currentPath: string): AdminChrome {
  return {
    siteName: 'Harbour Gazette',
    language,
    words: newsroomTranslator(language, 'Asia/Seoul'),
    stylesheetUrl: '/assets/admin.css',
    iconUrl: '/assets/icon.svg',
    csrfToken: 'token',
    currentPath,
  };
}
