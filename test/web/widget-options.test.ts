import { describe, expect, it } from 'vitest';
import { DEFAULT_Z_INDEX, readOptions } from '../../src/web/widget/widget-options.js';

describe('readOptions', () => {
  it('reads every data- attribute', () => {
    const o = readOptions(
      {
        title: '青岛政务助手',
        greeting: '您好',
        position: 'left',
        primaryColor: '#c8102e',
        zIndex: '99',
        initialQuestion: '怎么办',
        suggestions: '问题1| 问题2 ||',
        apiBase: 'https://api.example.cn/',
      },
      'https://cdn.example.cn/widget.js',
      'https://www.qingdao.gov.cn/',
    );
    expect(o).toEqual({
      title: '青岛政务助手',
      greeting: '您好',
      position: 'left',
      primaryColor: '#c8102e',
      zIndex: 99,
      initialQuestion: '怎么办',
      suggestions: ['问题1', '问题2'],
      apiBase: 'https://api.example.cn',
      open: false,
    });
  });

  it("defaults the API base to the script's own origin, not the host page's", () => {
    const o = readOptions({}, 'https://assist.example.cn:8787/widget.js', 'https://www.qingdao.gov.cn/page');
    expect(o.apiBase).toBe('https://assist.example.cn:8787');
    expect(o.position).toBe('right');
    expect(o.zIndex).toBe(DEFAULT_Z_INDEX);
    expect(o.suggestions).toEqual([]);
  });
});
