/**
 * Every word the reader site shows, in English: the source of truth for the keys. Each other catalog
 * is a `Catalog`, so `tsc` refuses one that misses a key or adds one.
 *
 * Messages are ICU MessageFormat (intl-messageformat): `{name}` is a value, `{count, plural, …}` picks
 * the language's own plural form, `<hidden>…</hidden>` wraps words a view marks up (e.g. for screen
 * readers only). Apostrophes are typographic (’): in ICU syntax a straight one quotes what follows.
 */
export const en = {
  // The page around every page: masthead, navigation, footer.
  'chrome.skipLink': 'Skip to content',
  'chrome.searchLabel': 'Search articles',
  'chrome.searchPlaceholder': 'Search',
  'chrome.searchButton': 'Search',
  'chrome.sectionsLabel': 'Sections',
  'chrome.standardsLabel': 'Our standards',
  'policy.corrections': 'Corrections policy',
  'policy.ethics': 'Ethics policy',
  'policy.ownership': 'Ownership and funding',
  'policy.masthead': 'Masthead',
  'policy.feedback': 'Contact and feedback',

  // Lists of stories: the front page, sections, topics, authors.
  'list.pagesLabel': 'Pages',
  'list.newer': 'Newer',
  'list.older': 'Older',
  'list.pageOfPages': 'Page {page} of {count}',
  'list.pageTitle': '{heading}, page {page}',
  'list.empty': 'Nothing has been published here yet.',
  'list.latestFrom': 'The latest from {name} at {siteName}.',
  'list.section': 'Section',
  'list.topic': 'Topic',
  'home.heading': '{siteName}: latest news',
  'home.empty': 'No stories have been published yet.',

  // A story, in a list and on its own page.
  'story.byline': 'By {names}',
  'story.commentCount': '{count, plural, one {# comment} other {# comments}}',
  'story.commentsOn': ' on “{headline}”',
  'story.updated': 'Updated {time}',
  'story.photoCredit': 'Photo: {credit}',
  'story.topics': 'Topics',
  'story.related': 'Related',
  'story.backToTop': 'Back to top',
  'story.kind.analysis': 'Analysis',
  'story.kind.opinion': 'Opinion',
  'story.kind.review': 'Review',
  'story.kind.sponsored': 'Sponsored: paid content',
  'story.correctionsHeading': 'Corrections and updates',
  'story.correctionLabel': '{kind, select, correction {Correction} other {Update}}, {time}:',
  'story.embed.watch': 'Watch on {provider}',
  'story.embed.viewPost': 'View the post on {provider}',
  'story.embed.load': 'Load the {provider} video (this connects to {provider})',
  'story.embed.video': '{provider} video',
  'story.embed.post': 'Post on {provider}',

  // The corrections page.
  'corrections.kicker': 'Our standards',
  'corrections.title': 'Corrections',
  'corrections.description': 'Corrections published by {siteName}.',
  'corrections.introduction': 'Every correction we have made to a published article, newest first.',
  'corrections.policyLink': 'How we correct errors',
  'corrections.empty': 'No corrections have been published.',

  // The comment section.
  'comments.heading': '{count, plural, =0 {Comments} one {# comment} other {# comments}}',
  'comments.show': 'Show:',
  'comments.oldestFirst': 'Oldest first',
  'comments.newestFirst': 'Newest first',
  'comments.none': 'No comments yet.',
  'comments.pagesLabel': 'Comment pages',
  'comments.page': '<hidden>Comments page </hidden>{page}',
  'comments.closed': 'Comments are closed on this article.',
  'comment.staff': 'Staff',
  'comment.awaitingModeration': 'Your comment is awaiting moderation. Only you can see it until a moderator approves it.',
  'comment.reply': 'Reply<hidden> to {name}</hidden>',

  // The comment form, its checks and what a commenter is told.
  'commentForm.title': 'Leave a comment',
  'commentForm.replyTo': 'Reply to {name}',
  'commentForm.cancelReply': 'Cancel reply',
  'commentForm.note': 'Your email address will not be published. Required fields are marked <star>*</star><hidden>as required</hidden>.',
  'commentForm.name': 'Name',
  'commentForm.email': 'Email',
  'commentForm.website': 'Website',
  'commentForm.comment': 'Comment',
  'commentForm.trap': 'Leave this field empty',
  'commentForm.replyAlerts': 'Email me replies to my comment (you will be asked to confirm)',
  'commentForm.submit': 'Post comment',
  'commentForm.posting': 'Posting your comment…',
  'commentForm.problem': 'There is a problem',
  'commentForm.nameMissing': 'Enter your name.',
  'commentForm.nameTooLong': 'Your name can be at most {max, number} characters.',
  'commentForm.emailMissing': 'Enter your email address. It is never published.',
  'commentForm.emailTooLong': 'An email address can be at most {max, number} characters.',
  'commentForm.emailInvalid': 'Enter an email address like name@example.com.',
  'commentForm.emailInvisible': 'This email address contains a hidden character (a control or zero-width character). Type it again.',
  'commentForm.websiteTooLong': 'The website address can be at most {max, number} characters.',
  'commentForm.websiteInvalid': 'Enter a website address starting with http:// or https://, or leave it empty.',
  'commentForm.commentMissing': 'Write your comment.',
  'commentForm.commentTooLong': 'Your comment can be at most {max, number} characters.',
  'commentForm.checkFields': 'Your comment was not posted. Check the marked fields.',
  'commentForm.notPosted': 'Your comment was not posted.',
  'commentForm.expired': 'This page was open for more than two days, so the form expired. Your comment is still below: send it again.',
  'commentForm.duplicate': 'You have already posted this comment on this article.',
  'commentForm.replyGone': 'The comment you were replying to is no longer shown. Your comment is below: post it as a new comment instead.',
  'commentForm.tooFast': 'You are posting comments too quickly. Wait a minute, then send it again: your comment is still in the form.',
  'commentForm.posted': 'Your comment is published.',
  'commentForm.held': 'Thank you. Your comment is awaiting moderation; only you can see it until a moderator approves it.',

  // "Email me replies": the confirmation and unsubscribe pages.
  'replyAlerts.confirmedTitle': 'Reply alerts confirmed',
  'replyAlerts.confirmed': 'Reply alerts are on. We will email you when someone replies to your comment.',
  'replyAlerts.stopTitle': 'Stop reply alerts',
  'replyAlerts.askStop': 'Stop emails about replies to your comment?',
  'replyAlerts.stopButton': 'Stop these emails',
  'replyAlerts.stoppedTitle': 'Reply alerts stopped',
  'replyAlerts.stopped': 'Reply alerts are off. You will get no more emails about replies to this comment.',

  // Error pages: a title per status, and a message for when the error's own is not in the reader's language.
  'error.kicker': 'Error {status}',
  'error.home': 'Go to the front page',
  'error.title.400': 'This address is not quite right',
  'error.title.404': 'Page not found',
  'error.title.410': 'This page was removed',
  'error.title.413': 'That was too large',
  'error.title.415': 'That kind of content is not accepted',
  'error.title.429': 'Too many requests',
  'error.title.500': 'Something went wrong on our side',
  'error.title.other': 'The request could not be completed',
  'error.message.400': 'Part of this address has a value the site cannot use. Check the link, or start again from the front page.',
  'error.message.403': 'That is not allowed here.',
  'error.message.404': 'There is nothing at this address. It may have been mistyped, or the page may have been removed.',
  'error.message.410': 'This page was removed and is no longer available.',
  'error.message.413': 'What was sent is too large.',
  'error.message.415': 'The site does not accept that kind of content.',
  'error.message.422': 'What was sent could not be accepted. Check it and try again.',
  'error.message.429': 'Too many requests came in a short time. Wait a moment, then try again.',
  'error.message.500': 'The page could not be shown just now. The problem has been logged; please try again in a moment.',
  'error.message.other': 'The request could not be completed. Please try again.',

  // Feeds.
  'feed.commentsTitle': 'Comments on “{headline}”',
  'feed.commentsDescription': 'Readers’ comments on “{headline}” at {siteName}, newest first.',
  'feed.commentBy': 'Comment by {name}',
} as const;

/** The name of one reader-facing message. */
export type MessageKey = keyof typeof en;

/** A complete set of messages in one language. */
export type Catalog = Readonly<Record<MessageKey, string>>;
