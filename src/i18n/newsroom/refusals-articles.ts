/**
 * What the articles capability (src/articles/ and the editor's own checks in src/admin/articles/): saving, publishing, scheduling, corrections, pending changes, trash, revisions, autosaves, pinning says when it refuses. Services throw these as phrases (src/errors.ts); the screens put them in words.
 */
export const en = {
  // Saving an article (articles.service.ts): the form's fields, then the article as a whole.
  'refusal.articles.articleHasErrors': 'The article has errors.',
  'refusal.articles.headlineRequired': 'Write a headline.',
  'refusal.articles.headlineTooLong': 'Keep the headline under 200 characters.',
  'refusal.articles.standfirstTooLong': 'Keep the standfirst under 600 characters.',
  'refusal.articles.datelineTooLong': 'Keep the dateline under 60 characters: a place name, such as SEOUL.',
  'refusal.articles.bodyTooLong': 'The body is too long to save (over 400,000 characters).',
  'refusal.articles.seoTitleTooLong': 'Keep the search title under 120 characters.',
  'refusal.articles.seoDescriptionTooLong': 'Keep the search description under 320 characters.',
  'refusal.articles.controlCharacters': 'This field contains invisible control characters; retype it or paste it as plain text.',
  'refusal.articles.slugInvalid': 'Use lower-case letters, digits and single hyphens in the slug, at most 120 characters.',
  'refusal.articles.slugTaken': 'Another article already uses this slug. Choose another.',
  'refusal.articles.languageInvalid': "Use a language tag such as ar, ko or en-GB (BCP 47), or leave it empty for the site''s language.",
  'refusal.articles.notFound': 'There is no such article.',
  'refusal.articles.trashed': 'This article is in the trash. Restore it before editing or publishing it.',
  'refusal.articles.savedMeanwhile':
    'Someone else saved this article at {time}, after you opened it. Your version is below and has not been saved: compare it with the current article (open it in another tab) and save again.',
  // Publishing: the checks that block it (prepublish-checklist.ts), said once each, in the checklist's order.
  'refusal.articles.cannotPublishYet':
    'This article cannot be published yet:{section, select, yes { Choose a section: readers and search engines file the story by it.} other {}}{alt, select, yes { The featured photo has no alt text for people who cannot see it; add it under the photo.} other {}}',
  'refusal.articles.publishNeedsSection': 'Choose a section: readers and search engines file the story by it.',
  'refusal.articles.publishNeedsAlt': 'The featured photo has no alt text for people who cannot see it; add it under the photo.',

  // A change to a live article held for review (article-edits.ts, pending-changes.ts).
  'refusal.articles.changeSentTwice': 'Your change was being saved twice at the same moment. Reload the article to see the one that was kept.',
  'refusal.articles.otherChangeWaiting':
    "{name} has a change to this article waiting for an editor''s review. Ask an editor to accept or reject it before proposing another.",
  'refusal.articles.otherChangeWaitingUnnamed':
    "Someone else has a change to this article waiting for an editor''s review. Ask an editor to accept or reject it before proposing another.",
  'refusal.articles.mayNotDecideChange': 'Only someone who may publish this article can accept or reject a change to it.',
  'refusal.articles.changeNoLongerWaiting':
    'This change is no longer waiting: it was replaced, withdrawn or decided by someone else. Look at the article again.',
  'refusal.articles.noChangeWaiting': 'No change to this article is waiting for review.',
  'refusal.articles.changeNotYours': 'Only the person who proposed this change can withdraw it.',
  'refusal.articles.noSuchChange': 'There is no such change to this article.',
  'refusal.articles.changeForbidden': 'Only the person who proposed this change, or someone who may publish the article, can see it.',

  // Corrections and updates (corrections.service.ts).
  'refusal.articles.noteHasErrors': 'The note has errors.',
  'refusal.articles.correctionTextRequired': 'Write what was wrong and what is right now.',
  'refusal.articles.correctionTextTooLong': 'Keep the note under 2,000 characters.',
  'refusal.articles.correctionKindInvalid': 'Choose correction or update.',
  'refusal.articles.correctionNeedsPublished': 'Only a published article can carry a correction; edit the draft instead.',
  'refusal.articles.correctionControlCharacters': 'The note contains invisible control characters; retype it.',

  // The trash (trash.service.ts, article-trash.routes.ts).
  'refusal.articles.notInTrash': 'This article is not in the trash.',
  'refusal.articles.trashBeforeDeleting': 'Move the article to the trash before deleting it for good.',
  'refusal.articles.trashForbidden': 'You can move only your own articles to the trash, and contributors none; ask an editor.',
  'refusal.articles.restoreForbidden': 'You can restore only your own articles; ask an editor.',
  'refusal.articles.deleteForbidden': 'Only editors, admins and owners can delete articles permanently.',
  'refusal.articles.deleteNotTrashed': 'This article is not in the trash. Move it to the trash first; it can be deleted permanently from there.',

  // Revisions, autosaves, the home page pin, previews and the article list.
  'refusal.articles.noSuchRevision': 'There is no such revision of this article.',
  'refusal.articles.autosaveTooLong': 'This draft is too long to keep as an autosave; save the article instead.',
  'refusal.articles.trashedNoPin': 'This article is in the trash. Restore it before pinning it.',
  'refusal.articles.pinForbidden': 'Only editors, admins and owners choose the home page’s lead.',
  'refusal.articles.seeOnlyOwn': 'You can see only your own articles.',
  'refusal.articles.trashedNoShare': 'This article is in the trash: restore it before sharing a preview.',
  'refusal.articles.noSuchSection': 'There is no section with that number. Choose one from the list.',
  'refusal.articles.noSuchByline': 'There is no byline with that number. Choose one from the list.',
  'refusal.articles.signInFirst': 'Sign in to the newsroom first.',
};

export const ko: Readonly<Record<keyof typeof en, string>> = {
  'refusal.articles.articleHasErrors': '기사에 오류가 있습니다.',
  'refusal.articles.headlineRequired': '제목을 입력하세요.',
  'refusal.articles.headlineTooLong': '제목은 200자 미만으로 쓰세요.',
  'refusal.articles.standfirstTooLong': '부제는 600자 미만으로 쓰세요.',
  'refusal.articles.datelineTooLong': '발신지는 60자 미만으로 쓰세요. 서울처럼 지명만 쓰면 됩니다.',
  'refusal.articles.bodyTooLong': '본문이 너무 길어 저장할 수 없습니다(400,000자 초과).',
  'refusal.articles.seoTitleTooLong': '검색용 제목은 120자 미만으로 쓰세요.',
  'refusal.articles.seoDescriptionTooLong': '검색용 설명은 320자 미만으로 쓰세요.',
  'refusal.articles.controlCharacters': '보이지 않는 제어 문자가 들어 있습니다. 다시 입력하거나 일반 텍스트로 붙여 넣으세요.',
  'refusal.articles.slugInvalid': '슬러그에는 영문 소문자, 숫자, 하이픈(연달아 쓰지 않음)만 쓸 수 있으며 120자를 넘을 수 없습니다.',
  'refusal.articles.slugTaken': '다른 기사가 이미 이 슬러그를 쓰고 있습니다. 다른 슬러그를 정하세요.',
  'refusal.articles.languageInvalid': 'ar, ko, en-GB 같은 언어 태그(BCP 47)를 입력하세요. 사이트 언어로 두려면 비워 두세요.',
  'refusal.articles.notFound': '해당 기사가 없습니다.',
  'refusal.articles.trashed': '휴지통에 있는 기사입니다. 편집하거나 발행하려면 먼저 복원하세요.',
  'refusal.articles.savedMeanwhile':
    '이 기사를 연 뒤 {time}에 다른 사람이 저장했습니다. 아래는 아직 저장되지 않은 내 버전입니다. 현재 기사와 비교한 다음(다른 탭에서 여세요) 다시 저장하세요.',
  'refusal.articles.cannotPublishYet':
    '아직 이 기사를 발행할 수 없습니다:{section, select, yes { 섹션을 고르세요. 독자와 검색엔진은 섹션으로 기사를 분류합니다.} other {}}{alt, select, yes { 대표 사진에 대체 텍스트가 없어 사진을 볼 수 없는 독자에게 설명이 전달되지 않습니다. 사진 아래에 입력하세요.} other {}}',
  'refusal.articles.publishNeedsSection': '섹션을 고르세요. 독자와 검색엔진은 섹션으로 기사를 분류합니다.',
  'refusal.articles.publishNeedsAlt': '대표 사진에 대체 텍스트가 없어 사진을 볼 수 없는 독자에게 설명이 전달되지 않습니다. 사진 아래에 입력하세요.',

  'refusal.articles.changeSentTwice': '같은 변경 사항이 동시에 두 번 저장되고 있었습니다. 기사를 새로 고쳐 남은 쪽을 확인하세요.',
  'refusal.articles.otherChangeWaiting':
    '{name} 님이 제안한 이 기사의 변경 사항이 편집자의 검토를 기다리고 있습니다. 새로 제안하기 전에 편집자에게 그 변경을 승인하거나 반려해 달라고 요청하세요.',
  'refusal.articles.otherChangeWaitingUnnamed':
    '다른 사람이 제안한 이 기사의 변경 사항이 편집자의 검토를 기다리고 있습니다. 새로 제안하기 전에 편집자에게 그 변경을 승인하거나 반려해 달라고 요청하세요.',
  'refusal.articles.mayNotDecideChange': '이 기사를 발행할 수 있는 사람만 변경 사항을 승인하거나 반려할 수 있습니다.',
  'refusal.articles.changeNoLongerWaiting':
    '이 변경 사항은 더 이상 검토를 기다리고 있지 않습니다. 다른 변경으로 바뀌었거나, 철회되었거나, 다른 사람이 이미 처리했습니다. 기사를 다시 확인하세요.',
  'refusal.articles.noChangeWaiting': '이 기사에는 검토를 기다리는 변경 사항이 없습니다.',
  'refusal.articles.changeNotYours': '변경 사항은 제안한 본인만 철회할 수 있습니다.',
  'refusal.articles.noSuchChange': '이 기사에 해당 변경 사항이 없습니다.',
  'refusal.articles.changeForbidden': '이 변경 사항은 제안한 본인이나 이 기사를 발행할 수 있는 사람만 볼 수 있습니다.',

  'refusal.articles.noteHasErrors': '정정 내용에 오류가 있습니다.',
  'refusal.articles.correctionTextRequired': '무엇이 틀렸고 무엇이 맞는지 쓰세요.',
  'refusal.articles.correctionTextTooLong': '내용은 2,000자 미만으로 쓰세요.',
  'refusal.articles.correctionKindInvalid': '정정 또는 업데이트를 고르세요.',
  'refusal.articles.correctionNeedsPublished': '정정은 발행된 기사에만 달 수 있습니다. 초안이라면 초안을 직접 고치세요.',
  'refusal.articles.correctionControlCharacters': '내용에 보이지 않는 제어 문자가 들어 있습니다. 다시 입력하세요.',

  'refusal.articles.notInTrash': '이 기사는 휴지통에 있지 않습니다.',
  'refusal.articles.trashBeforeDeleting': '영구 삭제하려면 먼저 기사를 휴지통으로 옮기세요.',
  'refusal.articles.trashForbidden': '본인이 쓴 기사만 휴지통으로 옮길 수 있으며, 기고자는 옮길 수 없습니다. 편집자에게 요청하세요.',
  'refusal.articles.restoreForbidden': '본인이 쓴 기사만 복원할 수 있습니다. 편집자에게 요청하세요.',
  'refusal.articles.deleteForbidden': '기사를 영구 삭제할 수 있는 사람은 편집자, 관리자, 소유자뿐입니다.',
  'refusal.articles.deleteNotTrashed': '이 기사는 휴지통에 있지 않습니다. 먼저 휴지통으로 옮기면 그곳에서 영구 삭제할 수 있습니다.',

  'refusal.articles.noSuchRevision': '이 기사에 해당 버전이 없습니다.',
  'refusal.articles.autosaveTooLong': '초안이 너무 길어 자동 저장할 수 없습니다. 대신 기사를 저장하세요.',
  'refusal.articles.trashedNoPin': '휴지통에 있는 기사입니다. 고정하려면 먼저 복원하세요.',
  'refusal.articles.pinForbidden': '첫 화면 머리기사는 편집자, 관리자, 소유자만 정할 수 있습니다.',
  'refusal.articles.seeOnlyOwn': '본인이 쓴 기사만 볼 수 있습니다.',
  'refusal.articles.trashedNoShare': '휴지통에 있는 기사입니다. 미리보기를 공유하려면 먼저 복원하세요.',
  'refusal.articles.noSuchSection': '그 번호의 섹션은 없습니다. 목록에서 고르세요.',
  'refusal.articles.noSuchByline': '그 번호의 필자는 없습니다. 목록에서 고르세요.',
  'refusal.articles.signInFirst': '먼저 뉴스룸에 로그인하세요.',
};

export const ar: Readonly<Record<keyof typeof en, string>> = {
  'refusal.articles.articleHasErrors': 'في المقال أخطاء.',
  'refusal.articles.headlineRequired': 'اكتب عنوانًا.',
  'refusal.articles.headlineTooLong': 'اجعل العنوان أقل من 200 حرف.',
  'refusal.articles.standfirstTooLong': 'اجعل المقدمة أقل من 600 حرف.',
  'refusal.articles.datelineTooLong': 'اجعل مكان الخبر أقل من 60 حرفًا: اسم مكان، مثل دبي.',
  'refusal.articles.bodyTooLong': 'متن المقال أطول من أن يُحفظ (أكثر من 400,000 حرف).',
  'refusal.articles.seoTitleTooLong': 'اجعل العنوان في محركات البحث أقل من 120 حرفًا.',
  'refusal.articles.seoDescriptionTooLong': 'اجعل الوصف في محركات البحث أقل من 320 حرفًا.',
  'refusal.articles.controlCharacters': 'في هذا الحقل محارف تحكّم غير مرئية؛ أعد كتابته أو الصقه نصًا عاديًا.',
  'refusal.articles.slugInvalid': 'استخدم في الاسم في الرابط حروفًا لاتينية صغيرة وأرقامًا وشرطات مفردة، بحدٍّ أقصى 120 حرفًا.',
  'refusal.articles.slugTaken': 'يستخدم مقال آخر هذا الاسم في الرابط. اختر اسمًا غيره.',
  'refusal.articles.languageInvalid': 'استخدم وسم لغة مثل ar أو ko أو en-GB (BCP 47)، أو اتركه فارغًا لتُستخدم لغة الموقع.',
  'refusal.articles.notFound': 'لا يوجد مقال كهذا.',
  'refusal.articles.trashed': 'هذا المقال في سلة المهملات. استعده قبل تحريره أو نشره.',
  'refusal.articles.savedMeanwhile':
    'حفظ شخص آخر هذا المقال في {time}، بعد أن فتحته. نسختك أدناه ولم تُحفظ: قارنها بالمقال الحالي (افتحه في علامة تبويب أخرى) ثم احفظ مجددًا.',
  'refusal.articles.cannotPublishYet':
    'لا يمكن نشر هذا المقال بعد:{section, select, yes { اختر قسمًا: يصنّف القرّاء ومحركات البحث الخبر بحسبه.} other {}}{alt, select, yes { ليس للصورة الرئيسية نص بديل لمن لا يستطيعون رؤيتها؛ أضفه تحت الصورة.} other {}}',
  'refusal.articles.publishNeedsSection': 'اختر قسمًا: يصنّف القرّاء ومحركات البحث الخبر بحسبه.',
  'refusal.articles.publishNeedsAlt': 'ليس للصورة الرئيسية نص بديل لمن لا يستطيعون رؤيتها؛ أضفه تحت الصورة.',

  'refusal.articles.changeSentTwice': 'كان تعديلك يُحفظ مرتين في اللحظة نفسها. أعد تحميل المقال لترى النسخة التي بقيت.',
  'refusal.articles.otherChangeWaiting':
    'لدى {name} تعديل على هذا المقال ينتظر مراجعة أحد المحررين. اطلب من محرر أن يوافق عليه أو يرفضه قبل أن تقترح تعديلًا آخر.',
  'refusal.articles.otherChangeWaitingUnnamed':
    'لدى شخص آخر تعديل على هذا المقال ينتظر مراجعة أحد المحررين. اطلب من محرر أن يوافق عليه أو يرفضه قبل أن تقترح تعديلًا آخر.',
  'refusal.articles.mayNotDecideChange': 'لا يوافق على تعديل هذا المقال أو يرفضه إلا من يحق له نشره.',
  'refusal.articles.changeNoLongerWaiting': 'لم يعد هذا التعديل ينتظر المراجعة: فقد استُبدل أو سُحب أو بتّ فيه شخص آخر. ألقِ نظرة على المقال من جديد.',
  'refusal.articles.noChangeWaiting': 'لا يوجد تعديل على هذا المقال ينتظر المراجعة.',
  'refusal.articles.changeNotYours': 'لا يسحب هذا التعديل إلا من اقترحه.',
  'refusal.articles.noSuchChange': 'لا يوجد تعديل كهذا على هذا المقال.',
  'refusal.articles.changeForbidden': 'لا يرى هذا التعديل إلا من اقترحه، أو من يحق له نشر المقال.',

  'refusal.articles.noteHasErrors': 'في الملاحظة أخطاء.',
  'refusal.articles.correctionTextRequired': 'اكتب ما كان خاطئًا وما هو الصحيح الآن.',
  'refusal.articles.correctionTextTooLong': 'اجعل الملاحظة أقل من 2,000 حرف.',
  'refusal.articles.correctionKindInvalid': 'اختر تصحيحًا أو تحديثًا.',
  'refusal.articles.correctionNeedsPublished': 'لا يُضاف التصحيح إلا إلى مقال منشور؛ عدّل المسودة بدلًا من ذلك.',
  'refusal.articles.correctionControlCharacters': 'في الملاحظة محارف تحكّم غير مرئية؛ أعد كتابتها.',

  'refusal.articles.notInTrash': 'هذا المقال ليس في سلة المهملات.',
  'refusal.articles.trashBeforeDeleting': 'انقل المقال إلى سلة المهملات قبل حذفه نهائيًا.',
  'refusal.articles.trashForbidden': 'لا يمكنك أن تنقل إلى سلة المهملات إلا مقالاتك، ولا يمكن ذلك للمساهمين أصلًا؛ اطلب ذلك من أحد المحررين.',
  'refusal.articles.restoreForbidden': 'لا يمكنك أن تستعيد إلا مقالاتك؛ اطلب ذلك من أحد المحررين.',
  'refusal.articles.deleteForbidden': 'لا يحذف المقالات نهائيًا إلا المحررون والمديرون والمالكون.',
  'refusal.articles.deleteNotTrashed': 'هذا المقال ليس في سلة المهملات. انقله إليها أولًا، ومن هناك يمكن حذفه نهائيًا.',

  'refusal.articles.noSuchRevision': 'لا توجد نسخة كهذه من هذا المقال.',
  'refusal.articles.autosaveTooLong': 'هذه المسودة أطول من أن تُحفظ تلقائيًا؛ احفظ المقال بدلًا من ذلك.',
  'refusal.articles.trashedNoPin': 'هذا المقال في سلة المهملات. استعده قبل تثبيته.',
  'refusal.articles.pinForbidden': 'لا يختار صدارة الصفحة الرئيسية إلا المحررون والمديرون والمالكون.',
  'refusal.articles.seeOnlyOwn': 'لا يمكنك أن ترى إلا مقالاتك.',
  'refusal.articles.trashedNoShare': 'هذا المقال في سلة المهملات: استعده قبل مشاركة معاينته.',
  'refusal.articles.noSuchSection': 'لا يوجد قسم بهذا الرقم. اختر واحدًا من القائمة.',
  'refusal.articles.noSuchByline': 'لا يوجد كاتب بهذا الرقم. اختر واحدًا من القائمة.',
  'refusal.articles.signInFirst': 'سجّل الدخول إلى غرفة الأخبار أولًا.',
};
