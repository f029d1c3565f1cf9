import { describe, expect, it } from 'vitest';
import { needsSource } from './HtmlPartField';

describe('needsSource', () => {
  it('opens hand-made layouts as HTML source so the rich-text editor does not rewrite them', () => {
    expect(needsSource('<table><tr><td>{{firstName}}</td></tr></table>')).toBe(true);
    expect(needsSource('<p style="color:red">Hi</p>')).toBe(true);
    expect(needsSource('<img src="cid:logo">')).toBe(true);
  });

  it('keeps simple paragraphs, lists and headings in the rich-text editor', () => {
    expect(needsSource('<h2>Welcome</h2><p>Dear <strong>{{firstName}}</strong>,</p><ul><li>Hall B</li></ul>[QR_CODE]')).toBe(false);
    expect(needsSource('')).toBe(false);
    expect(needsSource(null)).toBe(false);
  });
});
