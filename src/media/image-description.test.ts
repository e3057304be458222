import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ValidationError } from '../errors.ts';
import { newsroomTranslator } from '../i18n/index.ts';
import { checkDescription, checkGivenDescription, cleanEmbeddedText, typedDescription } from './image-description.ts';

function fieldErrors(input: Record<string, unknown>): Record<string, string> {
  try {
    checkDescription(input);
    return {};
  } catch (error) {
    assert.ok(error instanceof ValidationError);
    return { ...error.fields };
  }
}

describe('checkDescription', () => {
  test('keeps quotes, semicolons and SQL-looking words exactly; collapses line breaks', () => {
    const sqlish = 'Robert\'); DROP TABLE media; -- "quoted" 100% _under_';
    assert.deepEqual(checkDescription({ alt: ' Boats\r\nat a pier ', caption: sqlish, credit: '' }), {
      alt: 'Boats at a pier',
      caption: sqlish,
      credit: '',
      photographer: '',
      copyright: '',
    });
  });

  const cases: [string, unknown, RegExp][] = [
    ['empty alt', '', /Describe what the photo shows/],
    ['HTML', 'A <b>bold</b> claim', /plain text/],
    ['script', '<script>alert(1)</script>', /plain text/],
    ['an event handler', '<img src=x onerror=alert(1)>', /plain text/],
    ['control characters', 'Bell\u0007 and null\u0000', /control characters/],
    ['overlong text', 'x'.repeat(10_000), /10,000 characters long/],
    ['a repeated field', ['one', 'two'], /more than once/],
    ['a number', 42, /must be text/],
  ];
  for (const field of ['alt', 'caption', 'credit', 'photographer', 'copyright'] as const) {
    for (const [name, value, message] of cases) {
      if (name === 'empty alt' && field !== 'alt') continue;
      test(`${field}: ${name} is refused with a message for that field`, () => {
        const errors = fieldErrors({ alt: 'Fine', [field]: value });
        assert.match(errors[field] ?? '', message);
        assert.deepEqual(Object.keys(errors), [field]);
      });
    }
  }

  test('each refusal names its field, in the newsroom’s words', () => {
    try {
      checkDescription({ alt: '', caption: 'A <b>bold</b> claim', credit: 'x'.repeat(1234), photographer: ['one', 'two'] });
      assert.fail('refused');
    } catch (error) {
      assert.ok(error instanceof ValidationError);
      assert.equal(error.message, 'Some descriptions need changing before they can be saved.');
      assert.deepEqual(error.fields, {
        alt: 'Describe what the photo shows, for readers who cannot see it.',
        caption: 'Caption is plain text. Remove the HTML tags, such as <b> or <script>.',
        credit: 'Credit is 1,234 characters long. Keep it to 200 or fewer.',
        photographer: 'Photographer was sent more than once. Check it and save again.',
      });
      const korean = newsroomTranslator('ko', 'Asia/Seoul');
      assert.equal(error.textIn(korean), '저장하기 전에 고쳐야 할 설명이 있습니다.');
      assert.deepEqual(error.fieldsIn(korean), {
        alt: '사진을 볼 수 없는 독자를 위해 사진에 무엇이 담겼는지 적으세요.',
        caption: '사진 설명에는 일반 텍스트만 씁니다. <b>, <script> 같은 HTML 태그를 지우세요.',
        credit: '출처 길이가 1,234자입니다. 200자 이하로 줄이세요.',
        photographer: '사진기자 값이 두 번 이상 전송되었습니다. 확인한 뒤 다시 저장하세요.',
      });
      assert.match(error.fieldsIn(newsroomTranslator('ar', 'Asia/Dubai')).credit ?? '', /^طول حقل «مصدر الصورة» 1,234 حرفًا/);
    }
  });

  test('comparisons with < and > that are not tags are fine', () => {
    assert.equal(checkDescription({ alt: 'Fine', caption: 'Temperatures < 5 °C, winds > 80 km/h' }).caption, 'Temperatures < 5 °C, winds > 80 km/h');
  });
});

describe('typedDescription', () => {
  test('shows what was typed, repeated values joined and control characters made visible', () => {
    const typed = typedDescription({ alt: 'a\u0000b', caption: ['one', 'two'], credit: 7 });
    assert.equal(typed.alt, 'a�b');
    assert.equal(typed.caption, 'one two');
    assert.equal(typed.credit, '');
  });
});

describe('cleanEmbeddedText', () => {
  test('control characters become spaces and overlong text is cut at a word with an ellipsis', () => {
    assert.equal(cleanEmbeddedText('  Line one\u0000\nline two ', 'caption'), 'Line one line two');
    const cut = cleanEmbeddedText(`${'word '.repeat(100)}end`, 'alt');
    assert.ok(cut.length <= 250);
    assert.match(cut, /word…$/);
  });

  test('text with HTML tags is dropped: what a file carries passes the rules typed text must pass', () => {
    for (const text of ['A <b>bold</b> claim', '<script>alert(1)</script>', 'Alt <img src=x onerror=alert(1)>']) {
      assert.equal(cleanEmbeddedText(text, 'caption'), '', text);
      assert.throws(() => checkDescription({ alt: 'Fine', caption: text }), ValidationError);
    }
    assert.equal(cleanEmbeddedText('Temperatures < 5 °C, winds > 80 km/h', 'caption'), 'Temperatures < 5 °C, winds > 80 km/h');
    assert.equal(cleanEmbeddedText('Alt" onerror=alert(1) x="', 'alt'), 'Alt" onerror=alert(1) x="', 'quotes are ordinary text');
  });

  test('whatever it keeps, the description form accepts unchanged', () => {
    const samples = ['Plain caption', 'bell\u0007 ring', `${'long '.repeat(300)}`, 'Tom & Jerry "quoted"', '<i>tagged</i>', 'x'.repeat(2000)];
    for (const sample of samples) {
      const kept = cleanEmbeddedText(sample, 'caption');
      assert.equal(checkDescription({ alt: 'Fine', caption: kept }).caption, kept, JSON.stringify(sample.slice(0, 20)));
    }
  });
});

describe('checkGivenDescription', () => {
  test('checks and returns only the fields given; no alt text is allowed at upload', () => {
    assert.deepEqual(checkGivenDescription({}), {});
    assert.deepEqual(checkGivenDescription({ credit: ' Harbour\nPhoto Agency ', alt: '  ' }), { credit: 'Harbour Photo Agency' });
  });

  test('refuses what checkDescription refuses, field by field', () => {
    try {
      checkGivenDescription({ alt: '<b>Boats</b>', caption: 'Fine', credit: 'x'.repeat(201) });
      assert.fail('expected a ValidationError');
    } catch (error) {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(Object.keys(error.fields).sort(), ['alt', 'credit']);
    }
  });
});
