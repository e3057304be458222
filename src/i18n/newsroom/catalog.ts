/**
 * Sections, tags and author profiles (admin/catalog/): one list-and-form page each. Refusals from the
 * sections, tags and authors capabilities themselves are not here.
 */
export const en = {
  'catalog.problemTitle': 'There is a problem',
  'catalog.forbidden': 'Your role cannot manage sections, tags and authors.',
  'catalog.noSuchEntry': 'There is no such entry.',
  'catalog.editHeading': 'Edit “{name}”',
  'catalog.addHeading': 'Add one',
  'catalog.save': 'Save',
  'catalog.add': 'Add',
  'catalog.delete': 'Delete',
  'catalog.added': 'Added.',
  'catalog.saved': 'Saved. Old addresses now lead to the new one.',
  'catalog.deleted': 'Deleted “{name}”.',

  'catalog.columnName': 'Name',
  'catalog.columnAddress': 'Address',
  'catalog.columnOrder': 'Order',
  'catalog.columnArticles': 'Articles',
  'catalog.columnJobTitle': 'Job title',
  'catalog.fieldName': 'Name',
  'catalog.fieldSlug': 'Slug',
  'catalog.slugHint': 'Leave empty to make one from the name. Old addresses keep working.',
  'catalog.fieldDescription': 'Description',

  'catalog.sectionsTitle': 'Sections',
  'catalog.sectionsIntro': 'Sections file the site’s stories and give the home page its order.',
  'catalog.fieldHomeOrder': 'Order on the home page',
  'catalog.homeOrderHint': 'A whole number; lower comes first.',

  'catalog.tagsTitle': 'Tags',
  'catalog.tagsIntro':
    'Editors create tags by typing new names in the article editor (authors and contributors choose existing ones); rename, describe or remove them here.',

  'catalog.authorsTitle': 'Authors',
  'catalog.authorsIntro': 'The bylines readers see, with the profile shown on each author’s page.',
  'catalog.fieldJobTitle': 'Job title',
  'catalog.fieldBio': 'Biography',
  'catalog.fieldPhoto': 'Photo',
  'catalog.photoHint': 'Upload portraits in the media library.',
  'catalog.noPhoto': '— None —',
  'catalog.choosePhoto': 'Choose one of the photos in the list.',
};

export const ko: Readonly<Record<keyof typeof en, string>> = {
  'catalog.problemTitle': '문제가 있습니다',
  'catalog.forbidden': '이 역할로는 섹션, 태그, 필자를 관리할 수 없습니다.',
  'catalog.noSuchEntry': '해당 항목이 없습니다.',
  'catalog.editHeading': '“{name}” 편집',
  'catalog.addHeading': '새로 추가',
  'catalog.save': '저장',
  'catalog.add': '추가',
  'catalog.delete': '삭제',
  'catalog.added': '추가했습니다.',
  'catalog.saved': '저장했습니다. 예전 주소로 들어오면 이제 새 주소로 이어집니다.',
  'catalog.deleted': '삭제했습니다: “{name}”',

  'catalog.columnName': '이름',
  'catalog.columnAddress': '주소',
  'catalog.columnOrder': '순서',
  'catalog.columnArticles': '기사',
  'catalog.columnJobTitle': '직함',
  'catalog.fieldName': '이름',
  'catalog.fieldSlug': '슬러그',
  'catalog.slugHint': '비워 두면 이름으로 만듭니다. 예전 주소도 계속 쓸 수 있습니다.',
  'catalog.fieldDescription': '설명',

  'catalog.sectionsTitle': '섹션',
  'catalog.sectionsIntro': '섹션은 사이트의 기사를 분류하고 홈페이지의 배치 순서를 정합니다.',
  'catalog.fieldHomeOrder': '홈페이지 배치 순서',
  'catalog.homeOrderHint': '정수로 입력합니다. 작은 수가 먼저 나옵니다.',

  'catalog.tagsTitle': '태그',
  'catalog.tagsIntro':
    '태그는 편집자가 기사 편집 화면에서 새 이름을 입력해 만듭니다(기자와 기고자는 있는 태그만 고를 수 있습니다). 여기서는 태그 이름을 바꾸거나 설명을 달거나 삭제합니다.',

  'catalog.authorsTitle': '필자',
  'catalog.authorsIntro': '독자에게 보이는 바이라인과 필자 페이지마다 표시되는 프로필입니다.',
  'catalog.fieldJobTitle': '직함',
  'catalog.fieldBio': '약력',
  'catalog.fieldPhoto': '사진',
  'catalog.photoHint': '인물 사진은 미디어 라이브러리에 올리세요.',
  'catalog.noPhoto': '— 없음 —',
  'catalog.choosePhoto': '목록에 있는 사진 가운데 하나를 고르세요.',
};

export const ar: Readonly<Record<keyof typeof en, string>> = {
  'catalog.problemTitle': 'ثمة مشكلة',
  'catalog.forbidden': 'لا يتيح لك دورك إدارة الأقسام والوسوم والكتّاب.',
  'catalog.noSuchEntry': 'لا يوجد مدخل كهذا.',
  'catalog.editHeading': 'تحرير «{name}»',
  'catalog.addHeading': 'إضافة جديدة',
  'catalog.save': 'حفظ',
  'catalog.add': 'إضافة',
  'catalog.delete': 'حذف',
  'catalog.added': 'تمت الإضافة.',
  'catalog.saved': 'تم الحفظ. الروابط القديمة تقود الآن إلى الرابط الجديد.',
  'catalog.deleted': 'حُذف «{name}».',

  'catalog.columnName': 'الاسم',
  'catalog.columnAddress': 'الرابط',
  'catalog.columnOrder': 'الترتيب',
  'catalog.columnArticles': 'المقالات',
  'catalog.columnJobTitle': 'المسمّى الوظيفي',
  'catalog.fieldName': 'الاسم',
  'catalog.fieldSlug': 'معرّف الرابط',
  'catalog.slugHint': 'اتركه فارغًا ليُنشأ من الاسم. تبقى الروابط القديمة صالحة.',
  'catalog.fieldDescription': 'الوصف',

  'catalog.sectionsTitle': 'الأقسام',
  'catalog.sectionsIntro': 'تصنّف الأقسام أخبار الموقع وتحدّد ترتيبها في الصفحة الرئيسية.',
  'catalog.fieldHomeOrder': 'الترتيب في الصفحة الرئيسية',
  'catalog.homeOrderHint': 'عدد صحيح؛ الأصغر يأتي أولًا.',

  'catalog.tagsTitle': 'الوسوم',
  'catalog.tagsIntro':
    'ينشئ المحررون الوسوم بكتابة أسماء جديدة في محرر المقالات (أما الكتّاب والمساهمون فيختارون من الوسوم الموجودة)؛ وهنا تُعاد تسميتها أو يُضاف وصفها أو تُحذف.',

  'catalog.authorsTitle': 'الكتّاب',
  'catalog.authorsIntro': 'أسماء الكتّاب التي يراها القراء في المقالات، مع الملف التعريفي المعروض في صفحة كل كاتب.',
  'catalog.fieldJobTitle': 'المسمّى الوظيفي',
  'catalog.fieldBio': 'نبذة تعريفية',
  'catalog.fieldPhoto': 'الصورة',
  'catalog.photoHint': 'ارفع الصور الشخصية إلى مكتبة الوسائط.',
  'catalog.noPhoto': '— بلا صورة —',
  'catalog.choosePhoto': 'اختر إحدى الصور في القائمة.',
};
